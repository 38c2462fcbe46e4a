// The pages of this report, in reading order (shown in the sidebar and on the overview page).
import type {ReportPage} from "../reports.js";

export const PAGES: ReportPage[] = [
  {name: "Executive overview", path: "/megamart/"},
  {name: "Stores and products", path: "/megamart/operations"},
  {name: "Customer segments", path: "/megamart/customers"},
  {name: "Churn", path: "/megamart/churn"},
  {name: "Lifetime value", path: "/megamart/lifetime-value"},
  {name: "Campaign tests", path: "/megamart/campaigns"},
  {name: "Uplift targeting", path: "/megamart/uplift"},
  {name: "Data pipeline", path: "/megamart/pipeline"}
];
