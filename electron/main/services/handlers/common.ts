/** Small helpers several domains share: reading a draft array, and the wording of refusals. */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
export const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** The current value of a (possibly draft) array: kept beside the collection draft it reads. */
export { snapshot } from '../collection-draft';
