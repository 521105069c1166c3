/** The words the editor sees for stored values; the report's own labels are reused so both agree. */
import { CLAIM_STATUSES, PRIORITIES, STANCES, type Priority } from '../../shared/domain/schemas';
import { STANCE_LABELS, STATUS_LABELS } from '../../shared/report/markdown';

export { STANCE_LABELS, STATUS_LABELS };

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const STATUS_OPTIONS = CLAIM_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
export const PRIORITY_OPTIONS = PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));
export const STANCE_OPTIONS = STANCES.map((value) => ({ value, label: STANCE_LABELS[value] }));

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
