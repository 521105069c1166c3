/**
 * Editorial priors: fixed logit adjustments added to the trained weights, chosen a priori
 * (not tuned on the data) for cues that matter in news but that debate transcripts cannot
 * teach. Debates rarely attribute ("according to", "… said") or quote, and moderators name
 * officials when they address them; dates and hedged speculation barely differ there from
 * plain talk. In an article, an attributed statement, a quote or a named official is what a
 * fact-checker follows up, a date anchors a statement to something that can be looked up,
 * and "might"/"could" mark a guess rather than a checkable claim.
 * The evaluation applies them too, so their cost on debates is measured.
 */
import type { HandFeature } from './hand-features';

export const EDITORIAL_PRIORS: Partial<Record<HandFeature, number>> = {
  attribution: 0.5,
  quote: 0.5,
  official: 0.3,
  evidence: 0.3,
  date: 0.3,
  hedge: -0.6,
};
