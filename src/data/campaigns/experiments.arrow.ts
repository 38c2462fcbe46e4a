// A/B test outcomes per test, variant and day (fct_experiment_daily), from ab_tests.csv +
// ab_assignments.csv or simulated; empty without them.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {loadExperimentTables} from "../../../data-loaders/campaigns/loaders.js";
import {experimentDaily, experimentDailySpec} from "../../../data-loaders/campaigns/transformExperiments.js";

runLoader(async () => {
  const {tables} = await loadExperimentTables();
  const {spec, columns} = tables ? experimentDaily(tables) : {spec: experimentDailySpec([], []), columns: Object.fromEntries(experimentDailySpec([], []).columns.map((c) => [c.name, []]))};
  await writeArrowStream(spec, inBatches(spec, columns));
});
