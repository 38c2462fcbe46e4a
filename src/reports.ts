/**
 * The five reports of the site: what each answers, for whom, and the pages that exist so far.
 * The navigation (observablehq.config.ts) and the overview page are both drawn from this list,
 * so a report appears in the sidebar exactly when it has pages.
 * Each report lists its own pages in src/<report>/pages.ts.
 */
import {PAGES as alyce} from "./alyce/pages.js";
import {PAGES as campaigns} from "./campaigns/pages.js";
import {PAGES as megamart} from "./megamart/pages.js";
import {PAGES as olist} from "./olist/pages.js";
import {PAGES as rtm} from "./rtm/pages.js";

export interface ReportPage {
  name: string;
  path: string;
}

export interface Report {
  id: "rtm" | "megamart" | "alyce" | "olist" | "campaigns";
  title: string;
  question: string;
  audience: string;
  pages: ReportPage[];
}

export const REPORTS: Report[] = [
  {
    id: "campaigns",
    title: "Campaign performance",
    question: "Which channels and campaigns return their money, and where should the next dollar go?",
    audience: "Marketing leads and channel managers",
    pages: campaigns
  },
  {
    id: "rtm",
    title: "Real-time marketing",
    question: "Do geofenced notifications make subscribers buy, and what do they earn per dollar?",
    audience: "Executives and platform analysts",
    pages: rtm
  },
  {
    id: "megamart",
    title: "MegaMart",
    question: "How is an omnichannel retailer in Singapore growing, who are its customers, and which campaigns work?",
    audience: "Executives, store operators and CRM analysts",
    pages: megamart
  },
  {
    id: "alyce",
    title: "Alyce market mix",
    question: "What does each marketing lever really return, and how should next year's budget be split?",
    audience: "CMO and finance",
    pages: alyce
  },
  {
    id: "olist",
    title: "Olist marketplace",
    question: "Who buys on a Brazilian marketplace, who will come back, and what should each shopper see next?",
    audience: "Executives, data scientists and shoppers",
    pages: olist
  }
];
