/**
 * A scorer built from a model file: features → logit (trained weights + editorial priors)
 * → calibrated 0..1 score, with the largest contributions as reasons. `score.ts` binds it
 * to the committed weights; the evaluation builds one per held-out transcript.
 */
import { calibratedScore } from './calibration';
import { decodeBase64 } from './base64';
import { createFeatureBuffer, extractFeatures, FEATURE_SET_VERSION, isWordCode, MAX_GRAMS, type FeatureBuffer } from './features';
import { describeFeature, FEATURE_INDEX, HAND_FEATURE_COUNT, HAND_FEATURES } from './hand-features';
import { MODEL_FORMAT_VERSION, ngramValue, type ModelFile } from './model';
import { EDITORIAL_PRIORS } from './priors';
import type { SegmentKind } from '../text/segmenter';

export interface Reason {
  /** In words an editor understands: "contains a figure: 3.5%", "a question". */
  text: string;
  effect: 'raises' | 'lowers';
}

export interface CheckWorthiness {
  /** 0..1: how much the sentence is worth checking. */
  score: number;
  reasons: Reason[];
}

export type Scorer = (text: string, options?: { kind?: SegmentKind }) => CheckWorthiness;

/** At most this many reasons, the largest contributions first. */
export const MAX_REASONS = 4;
/** Contributions smaller than this (in logit units) are not worth a reason. */
export const MIN_REASON_WEIGHT = 0.15;

// Local copies for the per-sentence path (imported bindings cost a getter call under tsx).
const COUNT = HAND_FEATURE_COUNT;
const NAMES = HAND_FEATURES;
const extract = extractFeatures;
const describe = describeFeature;
const ngramValueOf = ngramValue;
const F = FEATURE_INDEX;
/** "contains a figure" covers a number, a number in words and a percentage: one reason. */
const FIGURE = F.figure;
const PERCENT = F.percent;
const FIGURE_WORD = F.figureWord;
const MONEY = F.money;
/** Slot of the n-gram ("wording") reason among the hand features' slots. */
const WORDING = COUNT;

export function createScorer(model: ModelFile): Scorer {
  checkModel(model);
  const { buckets, calibration, bias } = model;
  if (calibratedScore(0, calibration) !== 1 / (1 + Math.exp(-calibration.scale * calibration.shift))) throw new Error('calibration changed: update the inlined copy');
  const handWeights = Float64Array.from(HAND_FEATURES, (name) => model.hand[name] + (EDITORIAL_PRIORS[name] ?? 0));
  const bytes = decodeBase64(model.ngrams);
  if (bytes.length !== buckets) throw new Error(`Check-worthiness weights: ${bytes.length} n-gram weights, expected ${buckets}`);
  const ngramWeights = Float64Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), (q) => q * model.ngramStep);
  const features = createFeatureBuffer();
  const contribution = new Float64Array(HAND_FEATURE_COUNT + 1);
  const gramContribution = new Float64Array(MAX_GRAMS);

  const { shift, scale } = calibration;
  /** Slots with a contribution worth a reason, gathered once so the selection scans only those. */
  const candidates = new Int32Array(COUNT + 1);

  return (text, options) => {
    if (options?.kind === 'clutter') return { score: 0, reasons: [{ text: 'page clutter, not part of the article', effect: 'lowers' }] };
    extract(text, features, buckets);
    let logit = bias;
    for (let f = 0; f < COUNT; f++) {
      const c = features.hand[f]! * handWeights[f]!;
      contribution[f] = c;
      logit += c;
    }
    const value = ngramValueOf(features.tokenCount);
    let wording = 0;
    for (let g = 0; g < features.gramCount; g++) {
      const c = ngramWeights[features.grams[g]!]! * value;
      gramContribution[g] = c;
      wording += c;
    }
    contribution[WORDING] = wording;
    logit += wording;
    const reasons = explain(text, features, contribution, candidates, gramContribution);
    // calibratedScore(), inlined: this runs for every sentence.
    return { score: 1 / (1 + Math.exp(-scale * (logit + shift))), reasons };
  };
}

/** The largest contributions as reasons, most important first. */
function explain(text: string, features: FeatureBuffer, contribution: Float64Array, candidates: Int32Array, gramContribution: Float64Array): Reason[] {
  // Fold the figure group into its first slot, with "about money" when the money is that figure ("$48 million").
  let figure = contribution[FIGURE]! + contribution[PERCENT]! + contribution[FIGURE_WORD]!;
  contribution[PERCENT] = contribution[FIGURE_WORD] = 0;
  if (features.spanStart[MONEY]! >= 0 && features.spanStart[MONEY] === features.spanStart[FIGURE]) {
    figure += contribution[MONEY]!;
    contribution[MONEY] = 0;
  }
  contribution[FIGURE] = figure;

  let count = 0;
  for (let slot = 0; slot <= WORDING; slot++) {
    const c = contribution[slot]!;
    if (c >= MIN_REASON_WEIGHT || c <= -MIN_REASON_WEIGHT) candidates[count++] = slot;
  }
  // Choose the reasons first, then word them: the wording reason avoids words that a reason
  // shown the other way quotes, so it needs the whole choice before its text is known.
  let shownCount = 0;
  while (shownCount < MAX_REASONS && count > 0) {
    let best = 0;
    for (let k = 1; k < count; k++) if (Math.abs(contribution[candidates[k]!]!) > Math.abs(contribution[candidates[best]!]!)) best = k;
    SHOWN[shownCount++] = candidates[best]!;
    candidates[best] = candidates[--count]!;
  }
  const reasons: Reason[] = [];
  for (let k = 0; k < shownCount; k++) {
    const slot = SHOWN[k]!;
    const effect = contribution[slot]! > 0 ? 'raises' : 'lowers';
    const wording = slot === WORDING ? describeWording(text, features, topGram(text, features, gramContribution, contribution, shownCount, effect), effect) : null;
    reasons.push({ text: wording ?? describeSlot(text, features, slot), effect });
  }
  return reasons;
}

/**
 * The word or word pair that moves the score most the way the wording does, among those no
 * reason shown the other way quotes: "uncommon wording: 'Lindqvist'" beside "names a
 * person: 'Marta Lindqvist'" would give one word two opposite explanations.
 */
function topGram(text: string, features: FeatureBuffer, gramContribution: Float64Array, contribution: Float64Array, shownCount: number, effect: 'raises' | 'lowers'): number {
  const sign = effect === 'raises' ? 1 : -1;
  // The spans quoted by reasons shown the other way; usually there are none, and then the
  // strongest gram wins at once. No strings are made here: this runs for every sentence,
  // and short-lived garbage per sentence makes every collection copy a long article's
  // results again (it halved the engine's speed on a 1 MB article).
  let opposite = 0;
  for (let k = 0; k < shownCount; k++) {
    const slot = SHOWN[k]!;
    if (slot === WORDING || contribution[slot]! * sign >= 0) continue;
    const span = reasonSpan(features, slot);
    if (span < 0) continue;
    OPPOSITE_START[opposite] = features.spanStart[span]!;
    OPPOSITE_END[opposite++] = features.spanEnd[span]!;
  }
  let top = -1;
  let topValue = 0;
  for (let g = 0; g < features.gramCount; g++) {
    const c = gramContribution[g]! * sign;
    if (c <= topValue || features.gramContent[g] === 0) continue; // "'the'" would be no reason
    if (opposite > 0 && sharesWord(text, features.gramStart[g]!, features.gramEnd[g]!, opposite)) continue;
    top = g;
    topValue = c;
  }
  return top;
}

/** Slots of the reasons shown for the sentence being explained (scoring is synchronous). */
const SHOWN = new Int32Array(MAX_REASONS);
/** Text spans quoted by reasons shown against the wording's effect. */
const OPPOSITE_START = new Int32Array(MAX_REASONS);
const OPPOSITE_END = new Int32Array(MAX_REASONS);

// Words are the tokeniser's (features.ts): letters and digits; everything else separates them.
const isWordChar = isWordCode; // a local binding: imported ones cost a getter under tsx

/** Where the word starting at `i` ends (text[i] is a word character), within `end`. */
function wordEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && isWordChar(text.charCodeAt(j))) j++;
  return j;
}

/** Whether a word of text[start, end) is also a word of one of the opposite spans (ASCII case ignored). */
function sharesWord(text: string, start: number, end: number, opposite: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isWordChar(text.charCodeAt(i))) continue;
    const j = wordEnd(text, i, end);
    for (let k = 0; k < opposite; k++) if (spanHasWord(text, OPPOSITE_START[k]!, OPPOSITE_END[k]!, i, j - i)) return true;
    i = j;
  }
  return false;
}

function spanHasWord(text: string, from: number, to: number, wordStart: number, length: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isWordChar(text.charCodeAt(i))) continue;
    const j = wordEnd(text, i, to);
    if (j - i === length && sameWord(text, i, wordStart, length)) return true;
    i = j;
  }
  return false;
}

function sameWord(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x !== y && !((x | 32) === (y | 32) && (x | 32) >= 97 && (x | 32) <= 122)) return false;
  }
  return true;
}

/** The feature whose matched text a slot's reason quotes (-1: none). */
function reasonSpan(features: FeatureBuffer, f: number): number {
  let span = f;
  if (f === FIGURE && features.spanStart[FIGURE]! < 0) span = features.spanStart[PERCENT]! >= 0 ? PERCENT : FIGURE_WORD;
  return features.spanStart[span]! >= 0 ? span : -1;
}

/**
 * Each feature's reason split around its matched text, from describeFeature() once at load:
 * per sentence a reason is then two concatenations, not a call through a switch.
 */
const MARK = '\u0000';
const TEMPLATES = NAMES.map((name) => {
  const [prefix = '', suffix = ''] = describe(name, MARK).split(MARK);
  return { prefix, suffix, plain: describe(name, '') };
});
const ATTRIBUTION = F.attribution;

function describeSlot(text: string, features: FeatureBuffer, f: number): string {
  // The figure reason shows the number if there is one, else the percentage, else the word ("millions").
  const span = reasonSpan(features, f);
  if (span < 0) return TEMPLATES[f]!.plain;
  const start = features.spanStart[span]!;
  const matched = clip(text.slice(start, features.spanEnd[span]!));
  if (f === ATTRIBUTION) return describe(NAMES[f]!, matched); // its wording depends on the match
  const template = TEMPLATES[f]!;
  return template.prefix + matched + template.suffix;
}

const WORDING_RAISES = 'wording common in checked claims';
const WORDING_LOWERS = 'wording uncommon in checked claims';

function describeWording(text: string, features: FeatureBuffer, gram: number, effect: 'raises' | 'lowers'): string {
  const label = effect === 'raises' ? WORDING_RAISES : WORDING_LOWERS;
  if (gram < 0) return label;
  return label + ": '" + clip(tidy(text.slice(features.gramStart[gram]!, features.gramEnd[gram]!))) + "'";
}

/** A word pair across punctuation ('minutes," Sen') reads as two words ('minutes Sen'). */
function tidy(words: string): string {
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    // Anything but letters, digits, spaces and ' ’ % $ . , : rare, so the regex runs rarely.
    const plain = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 32 || c === 39 || c === 0x2019 || c === 37 || c === 36 || c === 46 || c === 44 || c >= 0xc0;
    if (!plain) return words.replace(PUNCTUATION_RUNS, ' ');
  }
  return words;
}
const PUNCTUATION_RUNS = /[^\p{L}\p{N}'’%$]+/gu;

/** Long matches (a quote) are cut to keep a reason readable. */
function clip(matched: string): string {
  return matched.length > 60 ? `${matched.slice(0, 57).trimEnd()}…` : matched;
}

function checkModel(model: ModelFile): void {
  const problems: string[] = [];
  if (model.format !== MODEL_FORMAT_VERSION) problems.push(`format ${model.format}, expected ${MODEL_FORMAT_VERSION}`);
  if (model.featureSet !== FEATURE_SET_VERSION) problems.push(`feature set ${model.featureSet}, expected ${FEATURE_SET_VERSION}`);
  if (!(model.buckets > 0 && (model.buckets & (model.buckets - 1)) === 0)) problems.push(`${model.buckets} buckets is not a power of two`);
  const names = Object.keys(model.hand);
  if (names.length !== HAND_FEATURE_COUNT || HAND_FEATURES.some((name) => typeof model.hand[name] !== 'number')) problems.push(`hand features ${names.join(', ')}, expected ${HAND_FEATURES.join(', ')}`);
  if (problems.length) throw new Error(`Check-worthiness weights do not fit this scorer (retrain with npm run train:checkworthiness): ${problems.join('; ')}`);
}
