/** Select options for stored values, worded as in reports (the labels live in shared/). */
import { CLAIM_STATUSES, PRIORITIES, SOURCE_TYPES, STANCES } from '../../shared/domain/schemas';
import { PRIORITY_LABELS, SOURCE_TYPE_LABELS, STANCE_LABELS, STATUS_LABELS } from '../../shared/domain/labels';

export { PRIORITY_LABELS, SOURCE_TYPE_LABELS, STANCE_LABELS, STATUS_LABELS };

export const STATUS_OPTIONS = CLAIM_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
export const PRIORITY_OPTIONS = PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));
export const STANCE_OPTIONS = STANCES.map((value) => ({ value, label: STANCE_LABELS[value] }));
export const SOURCE_TYPE_OPTIONS = SOURCE_TYPES.map((value) => ({ value, label: SOURCE_TYPE_LABELS[value] }));

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
