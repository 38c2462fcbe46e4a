/**
 * A seeded pseudo-random generator and the distributions our simulations and models draw from.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128-bit state; passes
 * PractRand and BigCrush), seeded through splitmix32 so that nearby seeds give unrelated streams.
 * Its whole state lives in the `Random` object: nothing global, no Math.random, so the same seed
 * always gives the same numbers in Node and in the browser.
 *
 * Distributions: Box-Muller normal, Marsaglia & Tsang (2000) gamma, beta from two gammas,
 * Poisson by Knuth's product method for small means and Hörmann's PTRS (1993) for large ones.
 * Tests (test/analytics/random.test.ts) pin determinism and check each distribution's moments.
 */

/** FNV-1a hash of a string, used to derive independent child streams from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  /** The seed this stream was created from (after hashing any label). */
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number = 42) {
    if (!Number.isFinite(seed)) throw new Error(`Random: seed must be a finite number, got ${seed}`);
    this.seed = seed >>> 0;
    const mix = splitmix32(this.seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up
  }

  /** A new generator whose stream depends only on this seed and the label (not on draws so far). */
  fork(label: string | number): Random {
    return new Random((hashString(String(label)) ^ Math.imul(this.seed, 0x9e3779b1)) >>> 0);
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Uniform integer in [min, max] inclusive. */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal by Box-Muller (one value per call; no cached spare, so streams stay simple). */
  normal(mean = 0, sd = 1): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate = 1): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    return -Math.log(u) / rate;
  }

  /** Gamma with shape k and scale theta (Marsaglia & Tsang 2000; boost for k < 1). */
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0)) throw new Error(`Random.gamma: shape must be > 0, got ${shape}`);
    if (shape < 1) {
      let u = this.uniform();
      while (u === 0) u = this.uniform();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Poisson: Knuth's method below mean 30, Hörmann's PTRS transformed rejection above. */
  poisson(mean: number): number {
    if (!(mean >= 0)) throw new Error(`Random.poisson: mean must be >= 0, got ${mean}`);
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
    }
  }

  /** Negative binomial as a gamma-Poisson mixture: mean mu, dispersion (shape) r. */
  negativeBinomial(mu: number, r: number): number {
    return this.poisson(this.gamma(r, mu / r));
  }

  /** Binomial(n, p): direct for small n, Poisson or normal approximations for large n. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 64) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.uniform() < p) k++;
      return k;
    }
    const mean = n * p;
    if (mean < 20) return Math.min(n, this.poisson(mean));
    if (n * (1 - p) < 20) return n - Math.min(n, this.poisson(n * (1 - p)));
    const x = Math.round(this.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.max(0, Math.min(n, x));
  }

  /** Index drawn with probability proportional to weights. */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    if (!(total > 0)) throw new Error("Random.weightedIndex: weights must have a positive sum");
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Random.pick: empty array");
    return items[this.int(items.length)];
  }

  pickWeighted<T>(items: readonly T[], weights: ArrayLike<number>): T {
    return items[this.weightedIndex(weights)];
  }

  /** Fisher-Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /** k distinct items without replacement (partial Fisher-Yates). */
  sample<T>(items: readonly T[], k: number): T[] {
    const out = items.slice();
    const m = Math.min(k, out.length);
    for (let i = 0; i < m; i++) {
      const j = i + this.int(out.length - i);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out.slice(0, m);
  }
}

const logFactorialTable: number[] = [0];
/** log(k!) exactly for small k, Stirling's series beyond. */
export function logFactorial(k: number): number {
  if (k < 256) {
    for (let i = logFactorialTable.length; i <= k; i++) logFactorialTable[i] = logFactorialTable[i - 1] + Math.log(i);
    return logFactorialTable[k];
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** Convenience: a generator from a seed. */
export function createRandom(seed: number = 42): Random {
  return new Random(seed);
}
