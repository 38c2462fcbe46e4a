// Customers by acquisition month, campaign, segment and churn-risk decile (fct_customer_groups):
// simulated, or from customers.csv + orders.csv in $DATA_DIR/campaigns; empty when those are absent.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {withDictionaries} from "../../../data-loaders/campaigns/transform.js";
import {loadCustomerFacts} from "../../../data-loaders/campaigns/loaders.js";
import {customerGroups, customerGroupsSpec} from "../../../data-loaders/campaigns/transformCustomers.js";

runLoader(async () => {
  const loaded = await loadCustomerFacts();
  const {spec, columns} = loaded ? customerGroups(loaded.facts) : {spec: customerGroupsSpec([]), columns: Object.fromEntries(customerGroupsSpec([]).columns.map((c) => [c.name, []]))};
  const compact = withDictionaries(spec, columns, ["campaign_id"]);
  await writeArrowStream(compact, inBatches(compact, columns));
});
