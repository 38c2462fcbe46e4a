// Activity of acquisition cohorts by month since acquisition (fct_cohort_activity); empty when the
// analyst's folder has no customer tables.
import {inBatches, writeArrowStream} from "../../../data-loaders/shared/arrow.js";
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {withDictionaries} from "../../../data-loaders/campaigns/transform.js";
import {loadCustomerFacts} from "../../../data-loaders/campaigns/loaders.js";
import {cohortActivity, cohortActivitySpec} from "../../../data-loaders/campaigns/transformCustomers.js";

runLoader(async () => {
  const loaded = await loadCustomerFacts();
  const {spec, columns} = loaded ? cohortActivity(loaded.facts) : {spec: cohortActivitySpec([]), columns: Object.fromEntries(cohortActivitySpec([]).columns.map((c) => [c.name, []]))};
  const compact = withDictionaries(spec, columns, ["campaign_id"]);
  await writeArrowStream(compact, inBatches(compact, columns));
});
