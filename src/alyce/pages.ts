// The pages of this report, in reading order (shown in the sidebar and on the overview page).
import type {ReportPage} from "../reports.js";

export const PAGES: ReportPage[] = [
  {name: "What drives sales", path: "/alyce/"},
  {name: "Contributions", path: "/alyce/contributions"},
  {name: "ROI and response curves", path: "/alyce/response"},
  {name: "Next year's budget", path: "/alyce/budget"},
  {name: "Model fit and model card", path: "/alyce/model"},
  {name: "Clients and gifts", path: "/alyce/clients"}
];
