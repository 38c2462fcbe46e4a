/**
 * The simulation's true parameters in one object, for the pages' "compared with the truth" notes
 * (src/data/campaigns/truth.json.ts) and for the tests.
 */
import {CHANNEL_TRUTH, demandMultiplier, simulationWindow} from "./simulate.js";
import {SEGMENT_MIX, SEGMENT_TRUTH} from "./simulateCustomers.js";
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
