// The simulation's true parameters (channel response curves, daily demand, the journeys'
// conversion model, the tests' true effects, the segments), so pages can show how close each
// model comes; {source: "files"} when the report is built from an analyst's data.
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {readOptions, reportDataDir} from "../../../data-loaders/shared/options.js";
import {simulationTruth} from "../../../data-loaders/campaigns/truth.js";

runLoader(async () => {
  const options = readOptions();
  const truth = reportDataDir("campaigns", options) ? {source: "files"} : {source: "simulation", seed: options.seed, scale: options.scale, ...simulationTruth()};
  process.stdout.write(JSON.stringify(truth));
});
