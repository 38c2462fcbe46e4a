// The pages of this report, in reading order (shown in the sidebar and on the overview page).
import type {ReportPage} from "../reports.js";

export const PAGES: ReportPage[] = [
  {name: "Executive view", path: "/rtm/"},
  {name: "Analyst view", path: "/rtm/analyst"},
  {name: "Incrementality", path: "/rtm/incrementality"},
  {name: "SQL explorer", path: "/rtm/sql"}
];
