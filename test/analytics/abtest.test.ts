/**
 * A/B testing read-outs against statsmodels, scipy, R, numpy and pandas
 * (test/fixtures/hillstrom/abtest_reference.py → abtest_reference.json) — on Hillstrom's e-mail test
 * and on small hand-made cases — and against seeded simulations of continuous monitoring.
 * Sources beside every expected number.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  betaBinomialComparison,
  minimumDetectableEffectTwoMeans,
  minimumDetectableEffectTwoProportions,
  mixtureSdForHorizon,
  noncentralTCdf,
  powerTwoMeans,
  powerTwoProportions,
  sampleRatioMismatch,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
  sequentialCriticalZ,
  sequentialProportionTest,
  sequentialSampleSizeFactor,
  sequentialTest,
  twoProportionZTest,
  verdict,
  welchTTest,
  type Alternative
} from "../../src/analytics/abtest.js";
import {Random} from "../../src/analytics/random.js";
import {summarize} from "../../src/analytics/stats.js";
import {loadHillstrom} from "../fixtures/hillstrom/hillstrom.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/hillstrom/abtest_reference.json", import.meta.url), "utf8"));

/** |actual − expected| ≤ tolerance · max(1, |expected|). */
function near(actual: number, expected: number, tolerance: number, label = "") {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
/** Relative closeness, for p-values that span many orders of magnitude. */
function nearRelative(actual: number, expected: number, tolerance: number, label = "") {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
const asAlternative = (a: string): Alternative => (a === "larger" ? "greater" : a === "smaller" ? "less" : (a as Alternative));

describe("Hillstrom: men's and women's e-mail vs no e-mail", () => {
  const customers = loadHillstrom();
  const arms = ["Mens E-Mail", "Womens E-Mail", "No E-Mail"] as const;
  const byArm = Object.fromEntries(arms.map((arm) => [arm, customers.filter((c) => c.segment === arm)]));
  const ref = reference.hillstrom;

  it("has the published group sizes and passes the sample-ratio check", () => {
    // Group sizes: /work/shared/data/README.md (21,307 / 21,387 / 21,306), and pandas in reference.json.
    const sizes = arms.map((arm) => byArm[arm].length);
    expect(sizes).toEqual([21307, 21387, 21306]);
    expect(sizes).toEqual(arms.map((arm) => ref.sizes[arm]));
    const srm = sampleRatioMismatch(sizes);
    // scipy.stats.chisquare of the three sizes (reference.json hillstrom.srm).
    near(srm.chiSquare, ref.srm.chiSquare, 1e-12, "chi-square");
    near(srm.pValue, ref.srm.pValue, 1e-10, "p");
    expect(srm.mismatch).toBe(false);
  });

  for (const arm of ["Mens E-Mail", "Womens E-Mail"] as const) {
    for (const metric of ["visit", "conversion"] as const) {
      it(`${arm}: ${metric} rate difference equals pandas and the z-test and intervals equal statsmodels`, () => {
        const count = (list: typeof customers) => ({successes: list.reduce((s, c) => s + c[metric], 0), trials: list.length});
        const test = twoProportionZTest(count(byArm["No E-Mail"]), count(byArm[arm]));
        const r = ref.arms[arm][metric];
        // pandas: difference of group means; statsmodels proportions_ztest / confint_proportions_2indep.
        expect([test.control.successes, test.control.trials]).toEqual(r.control);
        expect([test.treatment.successes, test.treatment.trials]).toEqual(r.treatment);
        near(test.difference, r.pandasDifference, 1e-15, "difference");
        near(test.z, r.z, 1e-10, "z");
        nearRelative(test.pValue, r.pValue, 1e-6, "p");
        near(test.differenceLow, r.differenceLow, 1e-12, "low");
        near(test.differenceHigh, r.differenceHigh, 1e-12, "high");
        near(test.relativeLiftLow, r.relativeLiftLow, 1e-10, "lift low");
        near(test.relativeLiftHigh, r.relativeLiftHigh, 1e-10, "lift high");
        expect(verdict(test, {metric}).kind).toBe("win");
      });
    }

    it(`${arm}: spend difference equals pandas and Welch's test equals scipy / statsmodels`, () => {
      const spendOf = (list: typeof customers) => list.map((c) => c.spend);
      const test = welchTTest(spendOf(byArm["No E-Mail"]), spendOf(byArm[arm]));
      const r = ref.arms[arm].spend;
      // pandas group means and var(ddof=1); scipy ttest_ind(equal_var=False); statsmodels tconfint_diff(usevar="unequal").
      near(test.control.mean, ref.means["No E-Mail"].spend, 1e-13, "control mean");
      near(test.treatment.mean, ref.means[arm].spend, 1e-13, "treatment mean");
      near(test.treatment.variance, ref.spendVariance[arm], 1e-12, "variance");
      near(test.difference, r.pandasDifference, 1e-12, "difference");
      near(test.t, r.t, 1e-10, "t");
      near(test.df, r.df, 1e-9, "df");
      nearRelative(test.pValue, r.pValue, 1e-6, "p");
      near(test.differenceLow, r.differenceLow, 1e-10, "low");
      near(test.differenceHigh, r.differenceHigh, 1e-10, "high");
      // Relative lift: the delta-method formula evaluated by numpy in the reference script.
      near(test.relativeLift, r.relativeLift, 1e-12, "lift");
      near(test.relativeLiftLow, r.relativeLiftLow, 1e-10, "lift low");
      near(test.relativeLiftHigh, r.relativeLiftHigh, 1e-10, "lift high");
      expect(verdict(test, {metric: "spend per customer"}).kind).toBe("win");
    });
  }
});

describe("two proportions (statsmodels)", () => {
  for (const r of reference.proportions) {
    it(`${r.treatment[0]}/${r.treatment[1]} vs ${r.control[0]}/${r.control[1]}, ${r.alternative}, alpha ${r.alpha}`, () => {
      const test = twoProportionZTest({successes: r.control[0], trials: r.control[1]}, {successes: r.treatment[0], trials: r.treatment[1]}, {alpha: r.alpha, alternative: r.alternative});
      // proportions_ztest and confint_proportions_2indep (wald diff, log ratio) in reference.json proportions[].
      near(test.z, r.z, 1e-12, "z");
      near(test.pValue, r.pValue, 1e-12, "p");
      near(test.differenceLow, r.differenceLow, 1e-12, "low");
      near(test.differenceHigh, r.differenceHigh, 1e-12, "high");
      near(test.relativeLiftLow, r.relativeLiftLow, 1e-12, "lift low");
      near(test.relativeLiftHigh, r.relativeLiftHigh, 1e-12, "lift high");
    });
  }

  it("reports undefined statistics as NaN and refuses impossible counts", () => {
    const none = twoProportionZTest({successes: 0, trials: 100}, {successes: 0, trials: 100});
    expect(none.z).toBeNaN();
    expect(none.significant).toBe(false);
    expect(twoProportionZTest({successes: 0, trials: 100}, {successes: 3, trials: 100}).relativeLift).toBeNaN();
    expect(() => twoProportionZTest({successes: 5, trials: 4}, {successes: 1, trials: 4})).toThrow(/control.successes must be an integer in \[0, 4\], got 5/);
  });
});

describe("Welch's t-test (scipy, statsmodels)", () => {
  for (const r of reference.welch) {
    it(`gamma samples n = ${r.control.n} / ${r.treatment.n}, ${r.alternative}, alpha ${r.alpha}`, () => {
      const test = welchTTest(r.controlValues, r.treatmentValues, {alpha: r.alpha, alternative: r.alternative});
      // scipy ttest_ind(equal_var=False, alternative), statsmodels CompareMeans.tconfint_diff(usevar="unequal").
      near(test.t, r.t, 1e-12, "t");
      near(test.df, r.df, 1e-11, "df");
      near(test.pValue, r.pValue, 1e-12, "p");
      // 1e-8: scipy's t.ppf at a fractional df (used by statsmodels) misses its own CDF by ~5e-11 in
      // probability; stdlib's quantile hits it exactly, so the intervals differ in the 9th digit.
      near(test.differenceLow, r.differenceLow, 1e-8, "low");
      near(test.differenceHigh, r.differenceHigh, 1e-8, "high");
      near(test.relativeLiftLow, r.relativeLiftLow, 1e-12, "lift low");
      near(test.relativeLiftHigh, r.relativeLiftHigh, 1e-12, "lift high");
      // The same test from summaries (what a page holds) gives the same numbers.
      const fromSummaries = welchTTest(summarize(r.controlValues), summarize(r.treatmentValues), {alpha: r.alpha, alternative: r.alternative});
      near(fromSummaries.pValue, test.pValue, 1e-14, "summaries");
    });
  }
});

describe("sample-ratio mismatch (scipy.stats.chisquare)", () => {
  for (const r of reference.srm) {
    it(`observed ${r.observed.join("/")} against planned ${r.planned.join(":")}`, () => {
      const srm = sampleRatioMismatch(r.observed, r.planned);
      near(srm.chiSquare, r.chiSquare, 1e-12, "chi-square");
      near(srm.pValue, r.pValue, 1e-12, "p");
      expect(srm.mismatch).toBe(r.pValue < 0.001);
    });
  }
  it("flags at least one mismatch among the cases and refuses a wrong plan", () => {
    // scipy: 5000/5210 gives p = 0.038 and 50410/49590 p = 0.0095 (not mismatches at 0.001); 9120/880 against 9:1 gives p = 6.3e-5 (flagged).
    expect(reference.srm.some((r: {pValue: number}) => r.pValue < 0.001)).toBe(true);
    expect(() => sampleRatioMismatch([10, 20], [1, 1, 1])).toThrow(/2 arms observed but 3 planned shares/);
  });
});

describe("power, sample size and minimum detectable effect", () => {
  const p = reference.power;

  it("proportions (pooled) equal R's power.prop.test(strict = TRUE)", () => {
    for (const r of p.rPowerProp) {
      const alternative = r.alternative as Alternative;
      if (r.kind === "power") near(powerTwoProportions({baseline: r.p1, treatment: r.p2, nControl: r.n, alternative}), r.value, 1e-10, `power ${JSON.stringify(r)}`);
      if (r.kind === "n") near(sampleSizeTwoProportions({baseline: r.p1, treatment: r.p2, power: r.power, alternative}).nControlExact, r.value, 1e-6, `n ${JSON.stringify(r)}`);
      // R solves with uniroot (tol = 1e-12 passed by the reference script).
      if (r.kind === "p2") near(minimumDetectableEffectTwoProportions({baseline: r.p1, nControl: r.n, power: r.power}).treatment, r.value, 1e-6, `p2 ${JSON.stringify(r)}`);
    }
    const size = sampleSizeTwoProportions({baseline: 0.1, treatment: 0.12});
    expect(size.nControl).toBe(Math.ceil(size.nControlExact));
  });

  it("proportions (arcsine) equal statsmodels NormalIndPower with Cohen's h", () => {
    for (const r of p.normalIndPower) {
      const alternative = asAlternative(r.alternative);
      const design = {baseline: r.p1, treatment: r.p2, ratio: r.ratio, alternative, method: "arcsine" as const};
      if (r.kind === "power") near(powerTwoProportions({...design, nControl: r.n}), r.value, 1e-10, `power ${JSON.stringify(r)}`);
      if (r.kind === "n") near(sampleSizeTwoProportions({...design, power: r.power}).nControlExact, r.value, 1e-6, `n ${JSON.stringify(r)}`);
    }
  });

  it("means equal statsmodels TTestIndPower and R's power.t.test (noncentral t)", () => {
    for (const r of p.tTestIndPower) {
      const design = {ratio: r.ratio, alternative: asAlternative(r.alternative), alpha: r.alpha};
      if (r.kind === "power") near(powerTwoMeans({difference: r.effectSize, sd: 1, nControl: r.n, ...design}), r.value, 1e-8, `power ${JSON.stringify(r)}`);
      if (r.kind === "n") near(sampleSizeTwoMeans({difference: r.effectSize, sd: 1, power: r.power, ...design}).nControlExact, r.value, 1e-5, `n ${JSON.stringify(r)}`);
      if (r.kind === "effectSize") near(minimumDetectableEffectTwoMeans({sd: 1, nControl: r.n, power: r.power, ...design}).effectSize, r.value, 1e-6, `d ${JSON.stringify(r)}`);
    }
    near(powerTwoMeans({difference: p.rPowerT.delta, sd: p.rPowerT.sd, nControl: p.rPowerT.n}), p.rPowerT.value, 1e-9, "R power.t.test");
    // Scale invariance: a difference of 5 with sd 10 is effect size 0.5.
    near(minimumDetectableEffectTwoMeans({sd: 10, nControl: 20}).difference, 10 * minimumDetectableEffectTwoMeans({sd: 1, nControl: 20}).difference, 1e-10);
  });

  it("the noncentral t CDF equals scipy's nct.cdf", () => {
    for (const r of p.nct) near(noncentralTCdf(r.t, r.df, r.nc), r.value, 1e-12, JSON.stringify(r));
  });
});

describe("Bayesian beta-binomial view", () => {
  for (const r of reference.bayes) {
    it(`${r.treatment[0]}/${r.treatment[1]} vs ${r.control[0]}/${r.control[1]}, prior Beta(${r.prior.join(", ")})`, () => {
      const result = betaBinomialComparison(
        {successes: r.control[0], trials: r.control[1]},
        {successes: r.treatment[0], trials: r.treatment[1]},
        {prior: {alpha: r.prior[0], beta: r.prior[1]}, random: r.liftQuantiles ? new Random(99) : undefined, draws: 100000}
      );
      // Miller's closed form (integer α_B) or scipy quad; expected losses by scipy nested quad.
      near(result.probabilityTreatmentBetter, Math.min(1, r.probabilityTreatmentBetter), 1e-9, "P(B > A)");
      near(result.expectedLossTreatment, r.expectedLossTreatment, 1e-10, "loss of shipping B");
      near(result.expectedLossControl, r.expectedLossControl, 1e-10, "loss of keeping A");
      if (r.controlInterval) {
        // scipy beta.ppf of the posterior.
        near(result.control.low, r.controlInterval[0], 1e-10, "credible low");
        near(result.control.high, r.controlInterval[1], 1e-10, "credible high");
      }
      if (r.liftQuantiles) {
        // numpy Monte Carlo with 2,000,000 draws; ours uses 100,000 seeded draws: agreement within Monte Carlo error.
        const lift = result.relativeLift!;
        const spread = r.liftQuantiles[2] - r.liftQuantiles[0];
        near(lift.median, r.liftQuantiles[1], 0.02 * spread, "lift median");
        near(lift.low, r.liftQuantiles[0], 0.03 * spread, "lift low");
        near(lift.high, r.liftQuantiles[2], 0.05 * spread, "lift high");
      }
    });
  }
});

describe("sequential test (mSPRT): peeking-safe", () => {
  const s = reference.sequential;

  it("the closed-form likelihood ratio equals the mixture integral by scipy quadrature", () => {
    for (const r of s.cases) {
      const test = sequentialProportionTest({successes: r.control[0], trials: r.control[1]}, {successes: r.treatment[0], trials: r.treatment[1]}, {mixtureSd: r.mixtureSd, nullDifference: r.nullDifference});
      nearRelative(test.likelihoodRatio, r.likelihoodRatio, 1e-8, JSON.stringify(r));
      expect(test.pValue).toBeCloseTo(Math.min(1, 1 / r.likelihoodRatio), 10);
      expect(test.reject).toBe(r.likelihoodRatio >= 20);
      // The confidence sequence excludes θ₀ exactly when the test rejects.
      expect(test.confidenceLow > r.nullDifference || test.confidenceHigh < r.nullDifference).toBe(test.reject);
    }
  });

  it("τ for a horizon minimises the critical z there (scipy minimize_scalar)", () => {
    for (const [alpha, r] of Object.entries(s.optimalRatio) as [string, {s: number; criticalZ: number}][]) {
      near(sequentialCriticalZ(Number(alpha)), r.criticalZ, 1e-9, `alpha ${alpha}`);
      const tau = mixtureSdForHorizon({samplePerArm: 1000, variance: 0.09, alpha: Number(alpha)});
      near((tau * tau) / ((2 * 0.09) / 1000), r.s, 1e-5, `s* for alpha ${alpha}`);
    }
    // At the horizon, an estimate exactly criticalZ standard errors from 0 sits on the boundary.
    const n = 5000;
    const tau = mixtureSdForHorizon({samplePerArm: n, variance: 0.25});
    const se = Math.sqrt((2 * 0.25) / n);
    const onBoundary = sequentialTest({n, mean: 0.5, variance: 0.25}, {n, mean: 0.5 + sequentialCriticalZ() * se, variance: 0.25}, {mixtureSd: tau});
    near(onBoundary.logLikelihoodRatio, Math.log(20), 1e-10);
  });

  /** Seeded A/A or A/B experiments watched after every `step` customers per arm. */
  function monitor({experiments, perArm, step, rateA, rateB, seed}: {experiments: number; perArm: number; step: number; rateA: number; rateB: number; seed: number}) {
    const random = new Random(seed);
    const tau = mixtureSdForHorizon({samplePerArm: perArm, variance: rateA * (1 - rateA)});
    let sequentialRejections = 0;
    let naiveRejections = 0;
    for (let e = 0; e < experiments; e++) {
      let a = 0;
      let b = 0;
      let sequentialRejected = false;
      let naiveRejected = false;
      for (let n = step; n <= perArm; n += step) {
        for (let i = 0; i < step; i++) {
          if (random.uniform() < rateA) a++;
          if (random.uniform() < rateB) b++;
        }
        const control = {successes: a, trials: n};
        const treatment = {successes: b, trials: n};
        if (!sequentialRejected && sequentialProportionTest(control, treatment, {mixtureSd: tau}).reject) sequentialRejected = true;
        if (!naiveRejected && twoProportionZTest(control, treatment).significant) naiveRejected = true;
      }
      sequentialRejections += Number(sequentialRejected);
      naiveRejections += Number(naiveRejected);
    }
    return {sequential: sequentialRejections / experiments, naive: naiveRejections / experiments};
  }

  it("A/A tests watched 50 times: the mSPRT keeps false wins below alpha, the naive z-test does not", () => {
    // Independent numpy simulation of the same design (reference.json sequential.simulation): 0.0105 vs 0.314.
    expect(s.simulation.msprtFalsePositiveRate).toBeLessThan(0.05);
    expect(s.simulation.naiveFalsePositiveRate).toBeGreaterThan(0.15);
    const rates = monitor({experiments: 600, perArm: 10000, step: 200, rateA: 0.1, rateB: 0.1, seed: 11});
    // α = 0.05 is the guarantee (Ville's inequality); 600 runs give a standard error of ~0.009 at 0.05.
    expect(rates.sequential).toBeLessThan(0.05);
    expect(rates.naive).toBeGreaterThan(0.15);
  });

  it("with a real effect and the inflated horizon it finds the effect at least 80% of the time", () => {
    const fixed = sampleSizeTwoProportions({baseline: 0.1, treatment: 0.12}).nControlExact;
    const perArm = Math.ceil((fixed * sequentialSampleSizeFactor()) / 200) * 200;
    // Planning: 3,841 per arm for a fixed-horizon test (R power.prop.test, reference.json), about 1.9 times that for the mSPRT.
    // ((z* + z_0.8) / (z_0.975 + z_0.8))² with scipy's critical z* (reference.json sequential.optimalRatio).
    near(sequentialSampleSizeFactor(), ((s.optimalRatio["0.05"].criticalZ + 0.8416212335729143) / (1.959963984540054 + 0.8416212335729143)) ** 2, 1e-9);
    const rates = monitor({experiments: 300, perArm, step: 200, rateA: 0.1, rateB: 0.12, seed: 12});
    expect(rates.sequential).toBeGreaterThanOrEqual(0.8);
  });
});

describe("verdict", () => {
  const big = twoProportionZTest({successes: 1000, trials: 10000}, {successes: 1005, trials: 10000});
  it("no detectable difference when a large sample shows nothing", () => {
    const v = verdict(big, {minimumEffect: 0.02, metric: "conversion rate"});
    expect(v.kind).toBe("no-difference");
    // Power for 0.10 → 0.12 with 10,000 per arm: R power.prop.test(n = 10000, p1 = 0.1, p2 = 0.12, strict = TRUE) = 0.99478.
    near(v.power, 0.99478, 1e-5);
    expect(v.sentence).toMatch(/^No significant change in conversion rate: \+0.05 pp/);
  });
  it("underpowered when the sample could not have seen the minimum effect", () => {
    const small = twoProportionZTest({successes: 10, trials: 100}, {successes: 12, trials: 100});
    const v = verdict(small, {minimumEffect: 0.02});
    expect(v.kind).toBe("underpowered");
    expect(v.power).toBeLessThan(0.1);
  });
  it("loss when significant in the bad direction; lower-is-better metrics flip it", () => {
    const worse = twoProportionZTest({successes: 1000, trials: 10000}, {successes: 850, trials: 10000});
    expect(verdict(worse).kind).toBe("loss");
    expect(verdict(worse, {higherIsBetter: false, metric: "churn"}).kind).toBe("win");
  });
  it("a sample-ratio mismatch overrides a significant result", () => {
    const worse = twoProportionZTest({successes: 1000, trials: 10000}, {successes: 850, trials: 9500});
    const v = verdict(worse, {srm: sampleRatioMismatch([10000, 9500])});
    expect(v.kind).toBe("srm");
    expect(v.label).toBe("Sample ratio mismatch — do not trust");
  });
  it("while peeking, the sequential test decides: a fixed-horizon p < 0.05 is not enough", () => {
    const test = twoProportionZTest({successes: 100, trials: 1000}, {successes: 130, trials: 1000});
    // R prop.test(c(130, 100), c(1000, 1000), correct = FALSE)$p.value = 0.035488.
    near(test.pValue, 0.035488, 1e-6);
    expect(test.significant).toBe(true);
    const sequential = sequentialProportionTest({successes: 100, trials: 1000}, {successes: 130, trials: 1000}, {mixtureSd: 0.02});
    // Λ = 2.52 by scipy quadrature (reference.json sequential.cases[0]): below 1/α = 20.
    expect(sequential.reject).toBe(false);
    expect(verdict(test, {sequential, minimumEffect: 0.03}).kind).toBe("underpowered");
  });
});
