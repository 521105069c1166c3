/**
 * The hand-written features: what each one means to an editor. The order is part of the
 * model format (the trained weights file stores one weight per name, checked at load).
 */
export const HAND_FEATURES = [
  'figure', // a number that is not a year: "3.5", "$48"
  'figureWord', // a number in words or a scale: "million", "twice", "fifty"
  'percent',
  'money',
  'date',
  'comparison',
  'change',
  'attribution',
  'evidence', // names data or a study
  'quote',
  'official',
  'entity', // a capitalised name inside the sentence
  'question',
  'opinion',
  'praise',
  'hedge',
  'future',
  'greeting',
  'filler',
  'exclamation',
  'short', // at most 3 words
  'brief', // 4 to 6 words (1 for 4, 1/3 for 6)
  'long', // over 20 words (full from 30)
] as const;

export type HandFeature = (typeof HAND_FEATURES)[number];

export const HAND_FEATURE_COUNT = HAND_FEATURES.length;

/**
 * Which way each feature may move the score. Training keeps every learned weight on this
 * side (or at zero): debates are not news, and a cue an editor reads as "worth checking"
 * (naming an official, a direct quote) must not count against a sentence because
 * moderators' lines in debates happened to contain it.
 */
export const FEATURE_EFFECT: Record<HandFeature, 'raises' | 'lowers'> = {
  figure: 'raises',
  figureWord: 'raises',
  percent: 'raises',
  money: 'raises',
  date: 'raises',
  comparison: 'raises',
  change: 'raises',
  attribution: 'raises',
  evidence: 'raises',
  quote: 'raises',
  official: 'raises',
  entity: 'raises',
  question: 'lowers',
  opinion: 'lowers',
  praise: 'lowers',
  hedge: 'lowers',
  future: 'lowers',
  greeting: 'lowers',
  filler: 'lowers',
  exclamation: 'lowers',
  short: 'lowers',
  brief: 'lowers',
  long: 'raises',
};

export const FEATURE_INDEX = Object.fromEntries(HAND_FEATURES.map((name, i) => [name, i])) as Record<HandFeature, number>;

/**
 * The reason an editor reads, given the matched text ('' when there is none to show).
 * Features that share a reason (figure and figureWord) say the same thing.
 */
export function describeFeature(feature: HandFeature, matched: string): string {
  const quoted = matched ? `: '${matched}'` : '';
  switch (feature) {
    case 'figure':
    case 'figureWord':
      return `contains a figure${matched ? `: ${matched}` : ''}`;
    case 'percent':
      return `a percentage${matched ? `: ${matched}` : ''}`;
    case 'money':
      return `about money${quoted}`;
    case 'date':
      return `date or time reference${quoted}`;
    case 'comparison':
      return `compares or ranks${quoted}`;
    case 'change':
      return `describes a change${quoted}`;
    case 'attribution':
      if (!matched) return 'attributed statement';
      return /^according/i.test(matched) ? `attributed statement: '${matched} …'` : `attributed statement: '… ${matched}'`;
    case 'evidence':
      return `cites data or a study${quoted}`;
    case 'quote':
      return `direct quote${matched ? `: ${matched}` : ''}`;
    case 'official':
      return `names an official or institution${quoted}`;
    case 'entity':
      return `names a person, place or organisation${quoted}`;
    case 'question':
      return 'a question';
    case 'opinion':
      return `opinion${quoted}`;
    case 'praise':
      return `praise or judgement${quoted}`;
    case 'hedge':
      return `hedged or speculative${quoted}`;
    case 'future':
      return `about the future, not yet checkable${quoted}`;
    case 'greeting':
      return `greeting or thanks${quoted}`;
    case 'filler':
      return `conversational filler${quoted}`;
    case 'exclamation':
      return 'an exclamation';
    case 'short':
      return 'very short fragment';
    case 'brief':
      return 'short sentence';
    case 'long':
      return 'long, detailed sentence';
  }
}
