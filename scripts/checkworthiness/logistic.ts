/**
 * L2-regularised logistic regression trained with L-BFGS on sparse rows. Full-batch and
 * free of randomness: the same rows give the same weights, bit for bit.
 */

/** Sparse rows: row r's features are indices[offsets[r]..offsets[r+1]) with their values. */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  labels: Uint8Array;
  dimension: number;
}

export interface LogisticOptions {
  /** L2 strength per feature (the bias is never penalised). */
  l2: Float64Array;
  /** Weight of a positive example's loss (positives are rare). */
  positiveWeight: number;
  iterations: number;
  /** Features held at zero (1 = frozen): the gradient never moves them. */
  frozen?: Uint8Array;
  /** Weight of each example's loss by row index (times positiveWeight for a positive), else 1. */
  rowWeights?: Float64Array;
  /** Start from these weights (warm start), else zeros. */
  initial?: { weights: Float64Array; bias: number };
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export function trainLogistic(data: SparseRows, rows: Int32Array, options: LogisticOptions): LogisticModel {
  const dim = data.dimension + 1; // the last coordinate is the bias
  const x = new Float64Array(dim);
  const frozen = options.frozen;
  if (options.initial) {
    x.set(options.initial.weights);
    x[dim - 1] = options.initial.bias;
  }
  if (frozen) for (let j = 0; j < frozen.length; j++) if (frozen[j]) x[j] = 0;
  const rowWeights = options.rowWeights;
  let totalWeight = 0;
  for (const r of rows) totalWeight += (data.labels[r] ? options.positiveWeight : 1) * (rowWeights ? rowWeights[r]! : 1);

  const { offsets, indices, values, labels } = data;
  const { l2, positiveWeight } = options;
  const frozenCount = frozen ? frozen.reduce((n, f) => n + f, 0) : 0;

  /** Loss and gradient at w (gradient written into `grad`). */
  const evaluate = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const bias = w[dim - 1]!;
    let biasGrad = 0;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      let z = bias;
      for (let p = from; p < to; p++) z += w[indices[p]!]! * values[p]!;
      const positive = labels[r] === 1;
      const c = ((positive ? positiveWeight : 1) * (rowWeights ? rowWeights[r]! : 1)) / totalWeight;
      const yz = positive ? z : -z;
      // log(1 + e^-yz), stable on both sides; its derivative uses the same exponential.
      const e = Math.exp(-Math.abs(yz));
      loss += c * (Math.log1p(e) + (yz < 0 ? -yz : 0));
      const sigmoidMinusYz = yz >= 0 ? e / (1 + e) : 1 / (1 + e);
      const g = (positive ? -c : c) * sigmoidMinusYz;
      for (let p = from; p < to; p++) grad[indices[p]!]! += g * values[p]!;
      biasGrad += g;
    }
    grad[dim - 1] = biasGrad;
    for (let j = 0; j < dim - 1; j++) {
      const wj = w[j]!;
      loss += 0.5 * l2[j]! * wj * wj;
      grad[j]! += l2[j]! * wj;
    }
    if (frozenCount > 0) for (let j = 0; j < frozen!.length; j++) if (frozen![j]) grad[j] = 0;
    return loss;
  };

  lbfgs(x, evaluate, options.iterations);
  return { weights: x.slice(0, dim - 1), bias: x[dim - 1]! };
}

/** Minimal L-BFGS (memory 8) with a backtracking Armijo line search. Minimises in place. */
function lbfgs(x: Float64Array, evaluate: (w: Float64Array, grad: Float64Array) => number, iterations: number): void {
  const m = 8;
  const dim = x.length;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let grad = new Float64Array(dim);
  let loss = evaluate(x, grad);
  const direction = new Float64Array(dim);
  const alpha = new Float64Array(m);
  const candidate = new Float64Array(dim);
  let candidateGrad = new Float64Array(dim);

  for (let iter = 0; iter < iterations; iter++) {
    // Two-loop recursion: direction = -H·grad.
    for (let j = 0; j < dim; j++) direction[j] = -grad[j]!;
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, direction);
      axpy(-alpha[k]!, y[k]!, direction);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let j = 0; j < dim; j++) direction[j]! *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, direction);
      axpy(alpha[k]! - beta, s[k]!, direction);
    }
    let slope = dot(grad, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let j = 0; j < dim; j++) direction[j] = -grad[j]!;
      slope = dot(grad, direction);
    }
    let step = iter === 0 && s.length === 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
    let newLoss = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < dim; j++) candidate[j] = x[j]! + step * direction[j]!;
      newLoss = evaluate(candidate, candidateGrad);
      if (newLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(newLoss < loss)) break;
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      sk[j] = candidate[j]! - x[j]!;
      yk[j] = candidateGrad[j]! - grad[j]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    x.set(candidate);
    const previous = grad;
    grad = candidateGrad;
    candidateGrad = previous;
    const improvement = loss - newLoss;
    loss = newLoss;
    // Ranking quality stops changing long before this (checked against 1e-10: same MAP).
    if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j]! * b[j]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let j = 0; j < x.length; j++) y[j]! += a * x[j]!;
}
