/** Small helpers several domains share: reading a draft array, and the wording of refusals. */
import { current, isDraft } from 'immer';
import { collectionView } from '../collection-draft';

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
export const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** The current value of a (possibly draft) array, without creating a proxy per element. */
export function snapshot<T>(items: T[]): readonly T[] {
  return collectionView(items) ?? (isDraft(items) ? (current(items as never) as readonly T[]) : items);
}
