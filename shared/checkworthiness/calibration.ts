/**
 * From the model's logit to the app's 0..1 score.
 *
 * The model is trained on debates, where 2.7 % of sentences were picked by fact-checkers,
 * with positives weighted ×`positiveWeight` (which adds ln(positiveWeight) to its logits).
 * News articles are far denser in checkable statements, so the score moves the odds from
 * the debates' base rate to an assumed news base rate (Bayes' rule with a new prior):
 *
 *   score = σ(scale · (logit + shift)),
 *   shift = ln odds(NEWS_CLAIM_RATE) − ln odds(debate rate) − ln(positiveWeight), scale = 1.
 *
 * With NEWS_CLAIM_RATE = 0.4, a sentence scores 0.5 when fact-checkers in debates would
 * pick it with probability ≈ 4 % (the average is 2.7 %; the debates' labels mark only the
 * claims a fact-checker actually chose, a small part of what is checkable): in practice a
 * figure, a change or comparison, an attributed factual statement. Greetings, questions,
 * opinion, hedged guesses and fragments stay well below; the score moves smoothly
 * (σ of a sum of contributions), so it ranks as well as it thresholds.
 * `train:checkworthiness` writes shift and scale into the weights file.
 */

/**
 * Assumed share of a news article's sentences that carry a checkable factual claim: an
 * editorial choice, not measured. (Annotators of debate sentences for ClaimBuster found
 * about a quarter check-worthy; news reporting is denser in figures and attributed facts.)
 */
export const NEWS_CLAIM_RATE = 0.4;

export interface Calibration {
  shift: number;
  scale: number;
}

const logOdds = (p: number) => Math.log(p / (1 - p));

export function calibrationFor(debateRate: number, positiveWeight: number): Calibration {
  return { shift: logOdds(NEWS_CLAIM_RATE) - logOdds(debateRate) - Math.log(positiveWeight), scale: 1 };
}

export function calibratedScore(logit: number, calibration: Calibration): number {
  return 1 / (1 + Math.exp(-calibration.scale * (logit + calibration.shift)));
}
