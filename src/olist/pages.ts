// The pages of this report, in reading order (shown in the sidebar and on the overview page).
import type {ReportPage} from "../reports.js";

export const PAGES: ReportPage[] = [
  {name: "Marketplace overview", path: "/olist/"},
  {name: "Customers and marketing", path: "/olist/customers"},
  {name: "Segments (k-means)", path: "/olist/segments"},
  {name: "Promotion uplift", path: "/olist/uplift"},
  {name: "Lifetime value", path: "/olist/lifetime-value"},
  {name: "Recommenders", path: "/olist/recommenders"},
  {name: "Shop: recommendations", path: "/olist/shop"},
  {name: "Review text", path: "/olist/reviews"}
];
