// The customer models' fit and checks (BG/NBD and Gamma-Gamma parameters, churn model AUC and
// calibration on held-out customers and, for simulated data, against who truly churned), or
// {available: false} without customer tables.
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {readOptions, reportDataDir} from "../../../data-loaders/shared/options.js";
import {loadCustomerFacts} from "../../../data-loaders/campaigns/loaders.js";
import {churnTruthCheck} from "../../../data-loaders/campaigns/truth.js";

runLoader(async () => {
  const options = readOptions();
  const loaded = await loadCustomerFacts(options);
  const truth = loaded && !reportDataDir("campaigns", options) ? churnTruthCheck(options, loaded.facts.churnRisk) : undefined;
  process.stdout.write(JSON.stringify(loaded ? {available: true, ...loaded.summary, truth} : {available: false}));
});
