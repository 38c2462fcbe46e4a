// Everything the Customers page reads, in one archive so the customer models are fitted once per
// build: groups.arrow (fct_customer_groups), cohorts.arrow (fct_cohort_activity), at-risk.arrow
// (fct_customers_at_risk) and model.json (the models' fit and checks). Framework extracts each file
// a page asks for (FileAttachment("data/campaigns/customers/groups.arrow")). Simulated, or from
// customers.csv + orders.csv in $DATA_DIR/campaigns; empty tables and {available: false} without them.
import {runLoader} from "../../../data-loaders/shared/loader.js";
import {readOptions} from "../../../data-loaders/shared/options.js";
import {customerArchive} from "../../../data-loaders/campaigns/customerArchive.js";

runLoader(async () => {
  process.stdout.write(await customerArchive(readOptions()));
});
