/**
 * The simulation's true parameters in one object, for the pages' "compared with the truth" notes
 * (src/data/campaigns/truth.json.ts) and for the tests.
 */
import {CHANNEL_TRUTH, demandMultiplier, simulationWindow} from "./simulate.js";
import {rocAuc} from "../../src/analytics/churn.js";
import type {BuildOptions} from "../shared/options.js";
import {SEGMENT_MIX, SEGMENT_TRUTH, simulateCustomersWithTruth} from "./simulateCustomers.js";
import {EXPERIMENT_TRUTH, trueRevenuePerVisitorLift} from "./simulateExperiments.js";
import {JOURNEY_TRUTH} from "./simulateJourneys.js";

export function simulationTruth() {
  const {first, last} = simulationWindow();
  return {
    channels: CHANNEL_TRUTH,
    demand: {first, values: Array.from({length: last - first + 1}, (_, i) => Math.round(demandMultiplier(first + i) * 1e6) / 1e6)},
    journeys: JOURNEY_TRUTH,
    experiments: EXPERIMENT_TRUTH.map((t) => ({id: t.id, metric: t.metric, conversionLift: t.conversionLift, revenuePerVisitorLift: trueRevenuePerVisitorLift(t), treatmentLoss: t.treatmentLoss})),
    segments: {truth: SEGMENT_TRUTH, mixByChannel: SEGMENT_MIX}
  };
}

/**
 * How well a churn risk score ranks the customers who truly dropped out by the end of the window
 * (simulation only): the ROC AUC against the truth, and the share truly gone in each risk decile.
 */
export function churnTruthCheck(options: Pick<BuildOptions, "seed" | "scale">, churnRisk: ArrayLike<number>) {
  const {truth} = simulateCustomersWithTruth(options);
  const dead = Array.from(truth.aliveAtEnd, (a) => 1 - a);
  if (dead.length !== churnRisk.length) throw new Error(`churnTruthCheck: ${churnRisk.length} scores for ${dead.length} simulated customers`);
  const bins = Array.from({length: 10}, () => ({customers: 0, gone: 0}));
  dead.forEach((d, i) => {
    const b = Math.min(9, Math.floor(churnRisk[i] * 10));
    bins[b].customers++;
    bins[b].gone += d;
  });
  return {auc: rocAuc(dead, churnRisk), goneShare: dead.reduce((a, b) => a + b, 0) / dead.length, byDecile: bins.map((b, k) => ({low: k / 10, high: (k + 1) / 10, customers: b.customers, gone: b.customers ? b.gone / b.customers : NaN}))};
}
