// The customers with the largest expected loss from churn (fct_customers_at_risk); empty when the
// analyst's folder has no customer tables.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {withDictionaries} from "../../../data-loaders/campaigns/transform.js";
import {loadCustomerFacts} from "../../../data-loaders/campaigns/loaders.js";
import {atRiskSpec, customersAtRisk} from "../../../data-loaders/campaigns/transformCustomers.js";

runLoader(async () => {
  const loaded = await loadCustomerFacts();
  const {spec, columns} = loaded ? customersAtRisk(loaded.facts) : {spec: atRiskSpec([]), columns: Object.fromEntries(atRiskSpec([]).columns.map((c) => [c.name, []]))};
  const compact = withDictionaries(spec, columns, ["campaign_id"]);
  await writeArrowStream(compact, inBatches(compact, columns));
});
