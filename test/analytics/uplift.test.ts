/**
 * Uplift learners and their evaluation:
 * (c) the curve, Qini, AUUC, uplift@k and decile arithmetic worked by hand on eight people, and
 *     every metric against an independent numpy re-implementation of scikit-uplift's definitions
 *     (test/fixtures/uplift/reference.py → reference.json) on simulated scores with ties and on
 *     Hillstrom;
 * (a) Hillstrom men's e-mail vs no e-mail, outcome `visit`: base learners equal scikit-learn's fits;
 *     on a seeded 70/30 split the T-learner and the class transformation rank better than random
 *     targeting, and the test-set ATE is the difference in means;
 * (b) simulated people with a known heterogeneous effect: the learners rank true responders first.
 */
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {Random} from "../../src/analytics/random.js";
import {
  averageTreatmentEffect,
  curveArea,
  fitClassTransformation,
  fitLogisticL2,
  fitRidge,
  fitTLearner,
  fitTransformedOutcome,
  holdoutSplit,
  observedIncrementalAtShare,
  perfectQiniCurve,
  perfectUpliftCurve,
  predictLinear,
  predictUplift,
  qiniCoefficient,
  qiniCurve,
  rankByScore,
  targetingCurve,
  transformedOutcome,
  upliftAtK,
  upliftAuc,
  upliftByDecile,
  upliftCurve,
  type CurvePoint,
  type UpliftSample
} from "../../src/analytics/uplift.js";
import {pearsonCorrelation} from "../../src/analytics/stats.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/uplift/reference.json", import.meta.url), "utf8"));

interface RefCurve {
  index: number[] | null;
  n: number[];
  value: number[];
}

/** Our curve equals the reference's (all points, or the reference's subsample of them). */
function expectCurve(ours: CurvePoint[], ref: RefCurve, digits = 9) {
  const points = ref.index ? ref.index.map((i) => ours[i]) : ours;
  expect(points.length).toBe(ref.n.length);
  expect(ours.length).toBe(ref.index ? ref.index[ref.index.length - 1] + 1 : ref.n.length);
  points.forEach((p, k) => {
    expect(p.n).toBe(ref.n[k]);
    expect(p.value).toBeCloseTo(ref.value[k], digits);
  });
}

/** All binary-outcome metrics of a sample against a reference block of reference.py's `all_metrics`. */
function expectAllMetrics(sample: UpliftSample, ref: any, ks: number[], bins: number) {
  expectCurve(upliftCurve(sample), ref.upliftCurve);
  expectCurve(qiniCurve(sample), ref.qiniCurve);
  expectCurve(perfectQiniCurve(sample), ref.perfectQiniCurve);
  expectCurve(perfectUpliftCurve(sample), ref.perfectUpliftCurve);
  for (const [ours, theirs] of [
    [qiniCoefficient(sample), ref.qini],
    [qiniCoefficient(sample, {negativeEffect: false}), ref.qiniNoNegative],
    [upliftAuc(sample), ref.auuc]
  ]) {
    expect(ours.area).toBeCloseTo(theirs.area, 6);
    expect(ours.randomArea).toBeCloseTo(theirs.randomArea, 6);
    expect(ours.perfectArea).toBeCloseTo(theirs.perfectArea, 6);
    expect(ours.normalized).toBeCloseTo(theirs.normalized, 12);
  }
  for (const k of ks) {
    for (const [strategy, key] of [["overall", "overall"], ["byGroup", "by_group"]] as const) {
      const ours = upliftAtK(sample, k, {strategy});
      const theirs = ref.upliftAtK[`${key}_${k}`];
      expect(ours.nTreated).toBe(theirs.nTreated);
      expect(ours.nControl).toBe(theirs.nControl);
      expect(ours.uplift).toBeCloseTo(theirs.uplift, 12);
    }
  }
  const deciles = upliftByDecile(sample, {bins});
  expect(deciles.length).toBe(ref.byDecile.length);
  deciles.forEach((d, b) => {
    const r = ref.byDecile[b];
    expect([d.nTreated, d.nControl]).toEqual([r.nTreated, r.nControl]);
    expect(d.treatedRate).toBeCloseTo(r.treatedRate, 12);
    expect(d.controlRate).toBeCloseTo(r.controlRate, 12);
    expect(d.uplift).toBeCloseTo(r.uplift, 12);
    expect(d.standardError).toBeCloseTo(r.standardError, 12);
  });
}

// Eight people, worked by hand (the same rows are `hand` in reference.py):
//   row        0    1    2    3    4    5    6    7
//   score     .9   .8   .8   .6   .5   .4   .3   .1
//   treated    1    0    1    0    1    0    1    0
//   outcome    1    0    1    0    0    1    1    1
// Treated 3/4 convert, control 2/4: ATE = 0.25.
// Cumulated at each distinct score (rows 1 and 2 tie at .8, one step):
//   n   N_T Y_T  N_C Y_C   uplift curve (Y_T/N_T − Y_C/N_C)·n    Qini Y_T − Y_C·N_T/N_C
//   1    1   1    0   0    (1 − 0)·1 = 1                         1 − 0 = 1
//   3    2   2    1   0    (1 − 0)·3 = 3                         2
//   4    2   2    2   0    4                                     2
//   5    3   2    2   0    (2/3)·5 = 10/3                        2
//   6    3   2    3   1    (2/3 − 1/3)·6 = 2                     2 − 1·3/3 = 1
//   7    4   3    3   1    (3/4 − 1/3)·7 = 35/12                 3 − 1·4/3 = 5/3
//   8    4   3    4   2    (3/4 − 1/2)·8 = 2 = ATE·N             3 − 2·4/4 = 1 = ATE·N_T
// Qini area (trapezoids from (0,0)): .5 + 3 + 2 + 2 + 1.5 + 4/3 + 4/3 = 35/3; random: 8·1/2 = 4.
// Perfect Qini (score y·t − y·(1−t): rows 0,2,6 = 1; 1,3,4 = 0; 5,7 = −1): points (3,3), (6,3),
//   (8, 3 − 2·4/4 = 1); area 4.5 + 9 + 4 = 17.5 → Qini coefficient (35/3 − 4)/(17.5 − 4) = 46/81.
// Zero-downlift optimum: (0,0), (1,1), (8,1), area 7.5 → (35/3 − 4)/(7.5 − 4) = 46/21 (> 1: this
//   ranking also puts control converters last, which that optimum ignores).
// Uplift curve area: .5 + 4 + 3.5 + 11/3 + 8/3 + 59/24 + 59/24 = 231/12 = 19.25; random 8·2/2 = 8.
// Perfect uplift: control responders (2) > treated non-responders (1), so score 2·[y=t] + y:
//   rows 0,2,6 → 3; 1,3 → 2; 5,7 → 1; 4 → 0; points (3,3), (5, 1·5), (7, (1 − 2/4)·7), (8, 2);
//   area 4.5 + 8 + 8.5 + 2.75 = 23.75 → AUUC (19.25 − 8)/(23.75 − 8) = 5/7.
// uplift@50% (overall): floor(8·.5) = 4 people, ties later row first: rows 0, 2, 1, 3 → treated
//   2/2, control 0/2 → uplift 1. uplift@75%: rows 0,2,1,3,4,5 → 2/3 − 1/3 = 1/3.
// Two bins of four: rows 0,2,1,3 → 1 − 0 = 1; rows 4,5,6,7 → treated 1/2, control 2/2 → −1/2.
const hand: UpliftSample = {
  outcome: [1, 0, 1, 0, 0, 1, 1, 1],
  treatment: [1, 0, 1, 0, 1, 0, 1, 0],
  score: [0.9, 0.8, 0.8, 0.6, 0.5, 0.4, 0.3, 0.1]
};

describe("uplift curves on a hand-worked example", () => {
  it("ranks by score, ties later row first (numpy's stable argsort reversed)", () => {
    expect(rankByScore(hand.score)).toEqual([0, 2, 1, 3, 4, 5, 6, 7]);
  });

  it("computes the uplift and Qini curves as worked in the comments", () => {
    const u = upliftCurve(hand);
    expect(u.map((p) => p.n)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    [0, 1, 3, 4, 10 / 3, 2, 35 / 12, 2].forEach((v, k) => expect(u[k].value).toBeCloseTo(v, 12));
    expect(u[3].share).toBe(0.5);
    const q = qiniCurve(hand);
    expect(q.map((p) => p.n)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    [0, 1, 2, 2, 2, 1, 5 / 3, 1].forEach((v, k) => expect(q[k].value).toBeCloseTo(v, 12));
    expect(curveArea(q)).toBeCloseTo(35 / 3, 12);
    expect(curveArea(u)).toBeCloseTo(19.25, 12);
  });

  it("computes the perfect curves and the normalised areas as worked in the comments", () => {
    expect(perfectQiniCurve(hand).map((p) => [p.n, p.value])).toEqual([[0, 0], [3, 3], [6, 3], [8, 1]]);
    expect(perfectUpliftCurve(hand).map((p) => [p.n, p.value])).toEqual([[0, 0], [3, 3], [5, 5], [7, 3.5], [8, 2]]);
    const qini = qiniCoefficient(hand);
    expect(qini.randomArea).toBe(4);
    expect(qini.perfectArea).toBe(17.5);
    expect(qini.areaAboveRandom).toBeCloseTo(35 / 3 - 4, 12);
    expect(qini.normalized).toBeCloseTo(46 / 81, 12);
    expect(qiniCoefficient(hand, {negativeEffect: false}).normalized).toBeCloseTo(46 / 21, 12);
    const auuc = upliftAuc(hand);
    expect([auuc.randomArea, auuc.perfectArea]).toEqual([8, 23.75]);
    expect(auuc.normalized).toBeCloseTo(5 / 7, 12);
  });

  it("computes uplift@k and the bins as worked in the comments", () => {
    expect(upliftAtK(hand, 0.5).uplift).toBe(1);
    expect(upliftAtK(hand, 0.75).uplift).toBeCloseTo(1 / 3, 12);
    expect(upliftAtK(hand, 4).uplift).toBe(1); // a count: the same four people
    const bins = upliftByDecile(hand, {bins: 2});
    expect(bins.map((b) => [b.n, b.nTreated, b.nControl, b.uplift])).toEqual([[4, 2, 2, 1], [4, 2, 2, -0.5]]);
    expect(bins[1].standardError).toBeCloseTo(Math.sqrt(0.25 / 2), 12); // √(.5·.5/2 + 1·0/2)
    expect([bins[0].fromShare, bins[0].toShare, bins[1].toShare]).toEqual([0, 0.5, 1]);
    expect(bins[0].meanScore).toBeCloseTo((0.9 + 0.8 + 0.8 + 0.6) / 4, 12);
  });

  it("reads the observed incremental conversions at a share from the uplift curve", () => {
    expect(observedIncrementalAtShare(hand, 0.5)).toBe(4); // uplift 1 × 4 people = curve at n = 4
    expect(observedIncrementalAtShare(hand, 1)).toBe(2); // ATE 0.25 × 8
    expect(observedIncrementalAtShare(hand, 0)).toBe(0);
  });

  it("equals the numpy re-implementation of scikit-uplift on the same rows", () => {
    expectAllMetrics(hand, reference.hand, [0.5, 0.75], 2);
  });

  it("refuses malformed samples, saying what and where", () => {
    expect(() => qiniCurve({outcome: [1, 0], treatment: [1, 2], score: [0, 1]})).toThrow(/treatment must be 0 or 1; found 2 at row 1/);
    expect(() => upliftCurve({outcome: [1], treatment: [1, 0], score: [0, 1]})).toThrow(/one length/);
    expect(() => upliftAtK(hand, 1.5)).toThrow(/k must be/);
    expect(() => upliftByDecile(hand, {bins: 8})).toThrow(/bins must be/);
  });
});

describe("targeting helper", () => {
  it("sums predicted uplift over the top share (hand-worked)", () => {
    // sorted predictions .3, .2, .1, −.05: top half = .5 expected incremental conversions, everyone .55;
    // at $40 a conversion and $1 a contact: half → 20 − 2 = 18, everyone → 22 − 4 = 18.
    const rows = targetingCurve([0.3, 0.1, -0.05, 0.2], {shares: [0.5, 1], valuePerConversion: 40, costPerContact: 1});
    expect(rows.map((r) => r.targeted)).toEqual([2, 4]);
    expect(rows[0].incrementalConversions).toBeCloseTo(0.5, 12);
    expect(rows[1].incrementalConversions).toBeCloseTo(0.55, 12);
    expect(rows.map((r) => r.netValue.toFixed(6))).toEqual(["18.000000", "18.000000"]);
    expect(rows[0].shareOfEveryone).toBeCloseTo(0.5 / 0.55, 12);
    expect(targetingCurve([1, 2, 3]).length).toBe(10);
  });
});

describe("uplift metrics vs the numpy re-implementation of scikit-uplift on simulated scores with ties", () => {
  const sim = reference.simulated;
  const sample: UpliftSample = {outcome: sim.outcome, treatment: sim.treatment, score: sim.score};

  it("matches every binary-outcome metric (2,000 people, scores rounded to 0.1)", () => {
    expect(new Set(sim.score).size).toBeLessThan(100); // many ties
    expectAllMetrics(sample, sim.binary, [0.1, 0.3, 0.5], 10);
  });

  it("matches the curves and areas for a continuous outcome (spend)", () => {
    const spend: UpliftSample = {...sample, outcome: sim.spend};
    expectCurve(upliftCurve(spend), sim.continuous.upliftCurve, 7);
    expectCurve(qiniCurve(spend), sim.continuous.qiniCurve, 7);
    expect(curveArea(qiniCurve(spend))).toBeCloseTo(sim.continuous.qiniArea, 4);
    expect(upliftAuc(spend).area).toBeCloseTo(sim.continuous.upliftArea, 4);
    expect(upliftAuc(spend).normalized).toBeNaN(); // no perfect uplift curve for a non-binary outcome
  });
});

// ------------------------------------------------------------------------------------ Hillstrom
/** Hillstrom's men's e-mail vs no e-mail rows with the nine features of reference.py. */
function loadHillstromMen() {
  const text = gunzipSync(readFileSync(new URL("../fixtures/hillstrom/hillstrom.csv.gz", import.meta.url))).toString("utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  // history_segment is quoted where it contains a comma ("6) $750 - $1,000")
  const cells = (line: string) => (line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? []).slice(0, 12).map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
  const header = cells(lines[0]);
  expect(header).toEqual(["recency", "history_segment", "history", "mens", "womens", "zip_code", "newbie", "channel", "segment", "visit", "conversion", "spend"]);
  const X: number[][] = [];
  const treatment: number[] = [];
  const visit: number[] = [];
  const spend: number[] = [];
  const recency: number[] = [];
  const history: number[] = [];
  let all = 0;
  for (const line of lines.slice(1)) {
    const [rec, , hist, mens, womens, zip, newbie, channel, segment, v, , s] = cells(line);
    all++;
    if (segment !== "Mens E-Mail" && segment !== "No E-Mail") continue;
    X.push([+rec, +hist, +mens, +womens, +newbie, zip === "Urban" ? 1 : 0, zip === "Surburban" ? 1 : 0, channel === "Phone" ? 1 : 0, channel === "Web" ? 1 : 0]);
    treatment.push(segment === "Mens E-Mail" ? 1 : 0);
    visit.push(+v);
    spend.push(+s);
    recency.push(+rec);
    history.push(+hist);
  }
  return {all, X, treatment, visit, spend, recency, history};
}

describe("Hillstrom men's e-mail vs no e-mail (visit)", () => {
  const hs = loadHillstromMen();
  const ref = reference.hillstrom.mensVsControl;

  it("reads the 42,613 customers of the two groups", () => {
    expect(hs.all).toBe(64_000);
    expect(hs.X.length).toBe(ref.n); // 21,307 + 21,306 (data README)
    expect(hs.treatment.reduce((a, b) => a + b, 0)).toBe(21_307);
  });

  it("has the ATE of pandas' group means (full data)", () => {
    // reference.py: visit rate 0.18276 (men's e-mail) vs 0.10617 (no e-mail)
    const ate = averageTreatmentEffect(hs.visit, hs.treatment);
    const groups = reference.hillstrom.groups;
    expect(ate.treatedMean).toBeCloseTo(groups["Mens E-Mail"].visit, 12);
    expect(ate.controlMean).toBeCloseTo(groups["No E-Mail"].visit, 12);
    expect(ate.ate).toBeCloseTo(0.0766, 4);
    expect(ate.lower95).toBeGreaterThan(0.069);
    expect(averageTreatmentEffect(hs.spend, hs.treatment).ate).toBeCloseTo(groups["Mens E-Mail"].spend - groups["No E-Mail"].spend, 12);
  });

  it("scores fixed rankings (−recency: 12 tied levels; history) as the numpy reference", () => {
    const byRecency: UpliftSample = {outcome: hs.visit, treatment: hs.treatment, score: hs.recency.map((r) => -r)};
    expectAllMetrics(byRecency, ref.scores.negRecency, [0.1, 0.3, 0.5], 10);
    expectAllMetrics({outcome: hs.visit, treatment: hs.treatment, score: hs.history}, ref.scores.history, [0.1, 0.3, 0.5], 10);
    const spendByRecency = {...byRecency, outcome: hs.spend};
    expectCurve(qiniCurve(spendByRecency), ref.scores.negRecencySpend.qiniCurve, 6);
    expect(upliftAuc(spendByRecency).area).toBeCloseTo(ref.scores.negRecencySpend.upliftArea, 3);
  });

  it("fits the base learners and the three meta-learners as scikit-learn does (λ = 1)", () => {
    const close = (ours: {intercept: number; coefficients: number[]}, theirs: {intercept: number; coefficients: number[]}) => {
      expect(ours.intercept).toBeCloseTo(theirs.intercept, 8);
      ours.coefficients.forEach((c, j) => expect(c).toBeCloseTo(theirs.coefficients[j], 8));
    };
    const t = fitTLearner(hs.X, hs.visit, hs.treatment);
    expect(t.treated.converged && t.control.converged).toBe(true);
    close(t.treated, ref.tLearner.treated);
    close(t.control, ref.tLearner.control);
    const tUplift = predictUplift(t, hs.X);
    tUplift.slice(0, 20).forEach((u, i) => expect(u).toBeCloseTo(ref.tLearner.upliftFirst20[i], 9));
    expect(qiniCoefficient({outcome: hs.visit, treatment: hs.treatment, score: tUplift}).normalized).toBeCloseTo(ref.tLearner.qini.normalized, 6);

    const ct = fitClassTransformation(hs.X, hs.visit, hs.treatment);
    expect(ct.treatedShare).toBeCloseTo(ref.classTransformation.treatedShare, 15);
    close(ct.classifier, ref.classTransformation.classifier);
    predictUplift(ct, hs.X).slice(0, 20).forEach((u, i) => expect(u).toBeCloseTo(ref.classTransformation.upliftFirst20[i], 9));

    const to = fitTransformedOutcome(hs.X, hs.visit, hs.treatment);
    close(to.regression, ref.transformedOutcome.regression);
    predictUplift(to, hs.X).slice(0, 20).forEach((u, i) => expect(u).toBeCloseTo(ref.transformedOutcome.upliftFirst20[i], 9));
  });

  // A seeded 70/30 split (seed 1, the first one tried). Seeds 1–8 were all examined while writing
  // this test; their figures are in docs/models/uplift.md: the T-learner's Qini coefficient was
  // positive on all eight (0.003 to 0.033), the class transformation's on seven of eight. The
  // effect of this e-mail varies little between customers (visit uplift 0.06 to 0.10 across every
  // segment of every feature), so the margin over random targeting is real but thin.
  describe("on a seeded 70/30 train/test split", () => {
    const {train, test} = holdoutSplit(hs.X.length, new Random(1));
    const pick = <T,>(values: readonly T[], rows: number[]) => rows.map((i) => values[i]);
    const Xtrain = pick(hs.X, train);
    const ytrain = pick(hs.visit, train);
    const wtrain = pick(hs.treatment, train);
    const Xtest = pick(hs.X, test);
    const outcome = pick(hs.visit, test);
    const treatment = pick(hs.treatment, test);
    const models = {
      tLearner: predictUplift(fitTLearner(Xtrain, ytrain, wtrain), Xtest),
      classTransformation: predictUplift(fitClassTransformation(Xtrain, ytrain, wtrain), Xtest)
    };
    // The Qini coefficients of 200 random rankings of the same test set: the null distribution.
    const random = new Random(2008);
    const nullQini = Array.from({length: 200}, () => qiniCoefficient({outcome, treatment, score: Array.from({length: outcome.length}, () => random.uniform())}).normalized).sort((a, b) => a - b);

    it("splits 12,784 test and 29,829 training customers", () => {
      expect(test.length).toBe(Math.round(0.3 * 42_613));
      expect(train.length + test.length).toBe(42_613);
      expect(new Set([...train, ...test]).size).toBe(42_613);
    });

    it("has a test-set ATE equal to the difference in means and to the curves' endpoints", () => {
      let yT = 0;
      let nT = 0;
      let yC = 0;
      for (let i = 0; i < outcome.length; i++) {
        if (treatment[i] === 1) {
          yT += outcome[i];
          nT++;
        } else yC += outcome[i];
      }
      const difference = yT / nT - yC / (outcome.length - nT);
      const ate = averageTreatmentEffect(outcome, treatment);
      expect(ate.ate).toBeCloseTo(difference, 14);
      const sample = {outcome, treatment, score: models.tLearner};
      const u = upliftCurve(sample);
      const q = qiniCurve(sample);
      expect(u[u.length - 1].value).toBeCloseTo(difference * outcome.length, 8); // uplift curve ends at ATE·N
      expect(q[q.length - 1].value).toBeCloseTo(difference * nT, 8); // Qini ends at ATE·N_T
      // and agrees with the full-data ATE (0.0766, pandas) within its 95% interval
      expect(ate.lower95).toBeLessThan(0.0766);
      expect(ate.upper95).toBeGreaterThan(0.0766);
    });

    for (const [name, score] of Object.entries(models)) {
      it(`${name}: Qini coefficient above zero and above most random rankings; top decile above bottom`, () => {
        const sample = {outcome, treatment, score};
        const qini = qiniCoefficient(sample).normalized;
        const beaten = nullQini.filter((q) => q < qini).length;
        const nullMean = nullQini.reduce((a, b) => a + b, 0) / nullQini.length;
        // Seed 1: T-learner 0.0186, class transformation 0.0153; random rankings mean ≈ 0, sd ≈ 0.013.
        expect(Math.abs(nullMean)).toBeLessThan(0.003);
        expect(qini).toBeGreaterThan(0.01);
        expect(beaten).toBeGreaterThan(160); // better than 80% of the 200 random rankings
        expect(qiniCoefficient(sample).areaAboveRandom).toBeGreaterThan(0);
        const deciles = upliftByDecile(sample);
        expect(deciles.reduce((a, d) => a + d.n, 0)).toBe(outcome.length);
        expect(deciles[0].uplift).toBeGreaterThan(deciles[9].uplift + 0.02);
        // Predicted uplifts are calibrated on average: their mean is within 2 SE of the observed ATE.
        const ate = averageTreatmentEffect(outcome, treatment);
        const meanPrediction = score.reduce((a, b) => a + b, 0) / score.length;
        expect(Math.abs(meanPrediction - ate.ate)).toBeLessThan(2 * ate.standardError);
      });
    }
  });
});

// ------------------------------------------------------------------------------------ simulation
const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/**
 * People with a known heterogeneous effect. Features: x1, x2 standard normal, s ~ Bernoulli(1/2)
 * (say, "opened an e-mail last month"). Control conversion logit −1 + 1.5·x2 + 0.3·s; treatment
 * adds s·(1 + 0.5·x1) to the logit: the e-mail does nothing for s = 0, helps most s = 1 people, the
 * more so the higher x1, and hurts s = 1 people with x1 < −2. The true individual uplift is
 * σ(control logit + lift) − σ(control logit). x2 drives conversion but not uplift, so a response
 * model (who converts when treated?) ranks by the wrong feature.
 */
function simulateHeterogeneous(n: number, random: Random) {
  const X: number[][] = [];
  const outcome: number[] = [];
  const treatment: number[] = [];
  const trueUplift: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = random.normal();
    const x2 = random.normal();
    const s = random.bernoulli(0.5) ? 1 : 0;
    const w = random.bernoulli(0.5) ? 1 : 0;
    const base = -1 + 1.5 * x2 + 0.3 * s;
    const p0 = sigmoid(base);
    const p1 = sigmoid(base + s * (1 + 0.5 * x1));
    X.push([x1, x2, s]);
    treatment.push(w);
    trueUplift.push(p1 - p0);
    outcome.push(random.bernoulli(w ? p1 : p0) ? 1 : 0);
  }
  return {X, outcome, treatment, trueUplift};
}

/** Mean true uplift in each decile of predicted uplift (highest first). */
function trueUpliftByDecile(predicted: readonly number[], truth: readonly number[]): number[] {
  const order = rankByScore(predicted);
  const size = order.length / 10;
  return Array.from({length: 10}, (_, d) => order.slice(d * size, (d + 1) * size).reduce((s, i) => s + truth[i], 0) / size);
}

describe("simulated heterogeneous effect: the learners rank true responders first", () => {
  const train = simulateHeterogeneous(20_000, new Random(7));
  const test = simulateHeterogeneous(10_000, new Random(8));
  const meanTrue = test.trueUplift.reduce((a, b) => a + b, 0) / test.trueUplift.length;
  const learners = {
    tLearner: fitTLearner(train.X, train.outcome, train.treatment),
    classTransformation: fitClassTransformation(train.X, train.outcome, train.treatment),
    transformedOutcome: fitTransformedOutcome(train.X, train.outcome, train.treatment)
  };
  // A response model: P(convert | treated, x), the usual "propensity to buy" score.
  const response = predictLinear(fitLogisticL2(train.X.filter((_, i) => train.treatment[i] === 1), train.outcome.filter((_, i) => train.treatment[i] === 1)), test.X);
  const responseCorrelation = pearsonCorrelation(response, test.trueUplift);

  it("has the designed truth: no effect for half, mean uplift ≈ 0.09, some harmed", () => {
    // simulation: s = 0 → uplift exactly 0; s = 1 → σ(b + 1 + .5x1) − σ(b) mostly > 0 (measured mean 0.088)
    expect(test.trueUplift.filter((t) => t === 0).length / 10_000).toBeCloseTo(0.5, 1);
    expect(meanTrue).toBeGreaterThan(0.07);
    expect(meanTrue).toBeLessThan(0.11);
    expect(Math.min(...test.trueUplift)).toBeLessThan(0);
  });

  it("a response model does not find the persuadable: its top decile has the average uplift", () => {
    // Measured: correlation 0.38 with the true uplift; top decile true uplift 0.097 vs mean 0.088.
    expect(responseCorrelation).toBeLessThan(0.5);
    expect(trueUpliftByDecile(response, test.trueUplift)[0]).toBeLessThan(1.5 * meanTrue);
  });

  for (const [name, model] of Object.entries(learners)) {
    it(`${name}: predicted uplift correlates with the true uplift; top decile far above bottom`, () => {
      const predicted = predictUplift(model, test.X);
      const r = pearsonCorrelation(predicted, test.trueUplift);
      // Measured: T-learner 0.92, class transformation 0.83, transformed outcome 0.82 (response model 0.38).
      expect(r).toBeGreaterThan(name === "tLearner" ? 0.9 : 0.75);
      expect(r).toBeGreaterThan(responseCorrelation + 0.3);
      const deciles = trueUpliftByDecile(predicted, test.trueUplift);
      // Measured: top decile true uplift 0.334 (T-learner), 0.294, 0.291; bottom decile 0.000.
      expect(deciles[0]).toBeGreaterThan(3 * meanTrue);
      expect(deciles[9]).toBeLessThan(0.02);
      // Observed (not true) uplift by decile falls from top to bottom on the test outcomes too.
      const observed = upliftByDecile({outcome: test.outcome, treatment: test.treatment, score: predicted});
      expect(observed[0].uplift).toBeGreaterThan(observed[9].uplift + 0.2);
      // The Qini coefficient is close to that of ranking by the true uplift (the oracle).
      const oracle = qiniCoefficient({outcome: test.outcome, treatment: test.treatment, score: test.trueUplift}).normalized;
      expect(qiniCoefficient({outcome: test.outcome, treatment: test.treatment, score: predicted}).normalized).toBeGreaterThan(0.85 * oracle);
    });
  }

  it("T-learner predictions are calibrated: their mean is the true mean uplift ± 0.01", () => {
    const predicted = predictUplift(learners.tLearner, test.X);
    expect(Math.abs(predicted.reduce((a, b) => a + b, 0) / predicted.length - meanTrue)).toBeLessThan(0.01);
    // targetingCurve on the predictions: the top 30% carry most of everyone's expected increment
    const rows = targetingCurve(predicted, {shares: [0.3, 1]});
    expect(rows[0].shareOfEveryone).toBeGreaterThan(0.6);
  });

  it("class transformation with unequal groups needs the reweighting", () => {
    // 80% treated: without the balance weights 2·P(Z = 1) − 1 is biased; with them it is not.
    const random = new Random(11);
    const data = simulateHeterogeneous(20_000, random);
    const w = data.treatment.map(() => (random.bernoulli(0.8) ? 1 : 0));
    const y = data.X.map((x, i) => {
      const base = -1 + 1.5 * x[1] + 0.3 * x[2];
      return random.bernoulli(sigmoid(base + w[i] * x[2] * (1 + 0.5 * x[0]))) ? 1 : 0;
    });
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const truth = mean(data.trueUplift);
    const balanced = mean(predictUplift(fitClassTransformation(data.X, y, w), data.X));
    const unbalanced = mean(predictUplift(fitClassTransformation(data.X, y, w, {balance: false}), data.X));
    // A logistic fit with an unpenalised intercept reproduces the mean of its target, so unweighted
    // the mean prediction is 2·mean(Z) − 1 = 2(p·ȳ_T + (1 − p)(1 − ȳ_C)) − 1, not ȳ_T − ȳ_C.
    const z = y.map((v, i) => (v === w[i] ? 1 : 0));
    expect(unbalanced).toBeCloseTo(2 * mean(z) - 1, 8);
    expect(Math.abs(unbalanced - truth)).toBeGreaterThan(0.05); // measured 0.11
    expect(Math.abs(balanced - truth)).toBeLessThan(0.02);
  });
});

describe("building blocks", () => {
  it("transformed outcome has the treatment effect as its mean", () => {
    // Z* = Y·W/p − Y(1 − W)/(1 − p) with p = 1/2: treated y = 1 → 2, control y = 1 → −2
    expect(transformedOutcome([1, 0, 1, 1], [1, 1, 0, 0], 0.5)).toEqual([2, 0, -2, -2]);
    expect(() => transformedOutcome([1], [1], 1)).toThrow(/propensity/);
  });

  it("ridge with λ = 0 is least squares; logistic recovers known coefficients", () => {
    // y = 1 + 2x exactly: the fit returns intercept 1 and slope 2
    const ridge = fitRidge([[0], [1], [2], [3]], [1, 3, 5, 7], {lambda: 0});
    expect(ridge.intercept).toBeCloseTo(1, 12);
    expect(ridge.coefficients[0]).toBeCloseTo(2, 12);
    const random = new Random(3);
    const X = Array.from({length: 20_000}, () => [random.normal(), random.normal()]);
    const y = X.map(([a, b]) => (random.bernoulli(sigmoid(-0.5 + 1.2 * a - 0.7 * b)) ? 1 : 0));
    const logistic = fitLogisticL2(X, y, {lambda: 0});
    // simulation truth −0.5, 1.2, −0.7; standard errors ≈ 0.02
    expect(logistic.intercept).toBeCloseTo(-0.5, 1);
    expect(logistic.coefficients[0]).toBeCloseTo(1.2, 1);
    expect(logistic.coefficients[1]).toBeCloseTo(-0.7, 1);
  });

  it("refuses bad inputs, saying what and where", () => {
    expect(() => fitTLearner([[1], [2]], [1, 0], [1, 1])).toThrow(/both treated and control/);
    expect(() => fitClassTransformation([[1], [2]], [1, 0.5], [1, 0])).toThrow(/0\/1/);
    expect(() => fitLogisticL2([[1], [2, 3]], [1, 0])).toThrow(/row 1 has 2 features, expected 1/);
    expect(() => holdoutSplit(10, new Random(1), {testShare: 1})).toThrow(/testShare/);
  });
});
