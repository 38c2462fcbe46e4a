// Site configuration: the reports, the theme, search, and the settings that keep the built site
// free of requests to any other host (see docs/offline-build.md).
import {describeDataSource, readOptions} from "./data-loaders/shared/options.js";
import {REPORTS} from "./src/reports.js";

const options = readOptions();
const builtOn = new Date().toISOString().slice(0, 10);
const dataSource = describeDataSource(REPORTS, options);

export default {
  title: "Marketing reports",
  root: "src",
  output: process.env.OBSERVABLE_OUTPUT ?? "dist",
  pages: [
    {name: "Overview", path: "/"},
    ...REPORTS.filter((report) => report.pages.length > 0).map((report) => ({
      name: report.title,
      collapsible: true,
      open: false,
      pages: report.pages.map(({name, path}) => ({name, path}))
    })),
    {name: "About the data", path: "/about"}
  ],
  // No Google Fonts (the default) and a self-hosted font: see src/style.css.
  globalStylesheets: [],
  style: "style.css",
  head: `<link rel="icon" href="favicon.svg" type="image/svg+xml">`,
  footer: `Built ${builtOn} from ${dataSource}. Every number on these pages is computed from that data at build time or in your browser; nothing leaves it.`,
  search: true,
  toc: true,
  pager: true,
  // Arrow files need no DuckDB extension; turning json and parquet off stops Framework from
  // downloading them from extensions.duckdb.org at build time.
  duckdb: {extensions: {json: null, parquet: null}}
};
