/**
 * Incremental effect of notifications: conversion of notified exposures against comparable
 * subscribers who matched the same offer but were not notified (held back by a rate limit or
 * outbid in the auction), within the attribution window.
 *
 * Estimator: a difference in conversion rates stratified by offer, and within an offer by the
 * subscriber's activity in the window after the exposure (exact stratification, the
 * "standardised to the treated" average treatment effect on the treated): in each offer with both
 * groups, p_T − p_C, averaged with weights n_T (the notified exposures). Its variance is the
 * weighted sum of the two binomial variances, Σ w² (p_T(1−p_T)/n_T + p_C(1−p_C)/n_C), and the
 * interval a normal (Wald) one. Activity matters because controls are selected on not being
 * notified later, which favours subscribers about to go quiet (fewer chances to buy); a
 * notification does not change how long the app stays active, so stratifying on it is safe.
 * Strata without controls drop out; `coverage` says how many
 * notified exposures remain. Reference: Rosenbaum & Rubin (1983) on stratification; Imbens &
 * Rubin (2015), ch. 9, for the stratified ATT and its variance.
 * Tests: test/rtm/incrementality.test.ts (hand-worked strata; recovery of the simulated lift).
 */

export type Exposure = "notified" | "outbid" | "rate_limited";

export interface ExposureCounts {
  offer_id: number;
  /** Optional finer stratum within the offer (e.g. the subscriber's activity after the exposure). */
  activity_band?: string;
  exposure: Exposure | string;
  exposures: number;
  conversions: number;
  /** Simulation only: Σ true purchase probabilities of the notified with and without the notification. */
  true_conversion_with?: number | null;
  true_conversion_without?: number | null;
}

export interface IncrementalityEstimate {
  notified: {exposures: number; conversions: number; rate: number};
  /** Controls reweighted to the notified exposures' mix of offers. */
  control: {exposures: number; conversions: number; rate: number};
  /** Absolute lift in conversion probability (ATT), with its standard error and 95% interval. */
  lift: number;
  standardError: number;
  interval: [number, number];
  /** lift ÷ control rate. */
  relativeLift: number;
  /** Share of notified exposures in offers that have controls. */
  coverage: number;
  /** Strata (offer, or offer × band) with both groups. */
  strata: number;
  /** The simulated truth over the same offers, when the data carry it. */
  truth: {lift: number; rateWith: number; rateWithout: number; relativeLift: number} | null;
}

const Z95 = 1.959963984540054;

export function estimateIncrementalLift(rows: readonly ExposureCounts[], {controls = ["outbid", "rate_limited"]}: {controls?: readonly string[]} = {}): IncrementalityEstimate {
  const strata = new Map<string, {nT: number; cT: number; nC: number; cC: number; tWith: number; tWithout: number; hasTruth: boolean}>();
  for (const r of rows) {
    const key = `${r.offer_id}|${r.activity_band ?? ""}`;
    const s = strata.get(key) ?? {nT: 0, cT: 0, nC: 0, cC: 0, tWith: 0, tWithout: 0, hasTruth: false};
    if (r.exposure === "notified") {
      s.nT += r.exposures;
      s.cT += r.conversions;
      if (r.true_conversion_with != null && r.true_conversion_without != null) {
        s.tWith += r.true_conversion_with;
        s.tWithout += r.true_conversion_without;
        s.hasTruth = true;
      }
    } else if (controls.includes(r.exposure)) {
      s.nC += r.exposures;
      s.cC += r.conversions;
    }
    strata.set(key, s);
  }
  let totalT = 0;
  for (const s of strata.values()) totalT += s.nT;
  const used = [...strata.values()].filter((s) => s.nT > 0 && s.nC > 0);
  const nT = used.reduce((a, s) => a + s.nT, 0);
  let lift = 0;
  let variance = 0;
  let rateT = 0;
  let rateC = 0;
  let tWith = 0;
  let tWithout = 0;
  let truthAvailable = used.length > 0;
  for (const s of used) {
    const w = s.nT / nT;
    const pT = s.cT / s.nT;
    const pC = s.cC / s.nC;
    lift += w * (pT - pC);
    rateT += w * pT;
    rateC += w * pC;
    variance += w * w * ((pT * (1 - pT)) / s.nT + (pC * (1 - pC)) / s.nC);
    tWith += s.tWith;
    tWithout += s.tWithout;
    truthAvailable &&= s.hasTruth;
  }
  const se = Math.sqrt(variance);
  const nC = used.reduce((a, s) => a + s.nC, 0);
  return {
    notified: {exposures: nT, conversions: used.reduce((a, s) => a + s.cT, 0), rate: used.length ? rateT : NaN},
    control: {exposures: nC, conversions: used.reduce((a, s) => a + s.cC, 0), rate: used.length ? rateC : NaN},
    lift: used.length ? lift : NaN,
    standardError: used.length ? se : NaN,
    interval: used.length ? [lift - Z95 * se, lift + Z95 * se] : [NaN, NaN],
    relativeLift: used.length ? lift / rateC : NaN,
    coverage: totalT > 0 ? nT / totalT : NaN,
    strata: used.length,
    truth: truthAvailable ? {lift: (tWith - tWithout) / nT, rateWith: tWith / nT, rateWithout: tWithout / nT, relativeLift: (tWith - tWithout) / tWithout} : null
  };
}
