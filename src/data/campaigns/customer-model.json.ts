// The customer models' fit and checks (BG/NBD and Gamma-Gamma parameters, churn model AUC and
// calibration on held-out customers), or {available: false} without customer tables.
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {loadCustomerFacts} from "../../../data-loaders/campaigns/loaders.js";

runLoader(async () => {
  const loaded = await loadCustomerFacts();
  process.stdout.write(JSON.stringify(loaded ? {available: true, ...loaded.summary} : {available: false}));
});
