// The pages of this report, in reading order (shown in the sidebar and on the overview page).
import type {ReportPage} from "../reports.js";

export const PAGES: ReportPage[] = [
  {name: "Overview", path: "/campaigns/"},
  {name: "Channels", path: "/campaigns/channels"},
  {name: "Customers", path: "/campaigns/customers"},
  {name: "Forecasts", path: "/campaigns/forecasts"},
  {name: "Budget", path: "/campaigns/budget"},
  {name: "Experiments", path: "/campaigns/experiments"},
  {name: "Attribution", path: "/campaigns/attribution"}
];
