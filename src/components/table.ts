/**
 * A data table for report pages: sortable by any column (click a header; again to reverse),
 * searchable (rows whose text matches every word typed), and downloadable as CSV (the rows as
 * filtered and sorted, with raw unformatted values). It scrolls sideways inside its own box, so a
 * wide table never makes the page scroll on a phone.
 */
import {html} from "npm:htl";

export interface TableColumn<T> {
  /** Property of the row (also the CSV header unless `csvHeader` is given). */
  key: keyof T & string;
  label: string;
  /** Display text of a value; default String(value). */
  format?: (value: any, row: T) => string | Node;
  /** Right-aligned (numbers); default: when the first value is a number. */
  numeric?: boolean;
  csvHeader?: string;
  /** Narrow columns may hide on phones. */
  hideOnPhone?: boolean;
}

export interface DataTableOptions<T> {
  columns: readonly TableColumn<T>[];
  /** Initial sort. */
  sort?: {key: keyof T & string; descending?: boolean};
  /** Show the search box (default true). */
  search?: boolean;
  /** File name of the CSV download (no download button when omitted). */
  csv?: string;
  /** Rows shown before a "show all" button (default 50). */
  pageSize?: number;
  /** Accessible caption. */
  caption?: string;
  /** Row key for `data-row` attributes (tests, links). */
  rowKey?: keyof T & string;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "";
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text of rows (header line, then one line per row, RFC 4180 quoting). */
export function toCsv<T>(rows: readonly T[], columns: readonly TableColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.csvHeader ?? c.key)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(","));
  return lines.join("\n") + "\n";
}

function compare(a: unknown, b: unknown): number {
  const missing = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
  if (missing(a)) return missing(b) ? 0 : 1; // missing values last, whatever the direction
  if (missing(b)) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, {numeric: true});
}

/** Rows sorted by `key` (missing values last), stable. */
export function sortRows<T>(rows: readonly T[], key: keyof T, descending = false): T[] {
  return rows
    .map((row, i) => ({row, i}))
    .sort((x, y) => {
      const a = x.row[key];
      const b = y.row[key];
      const missingA = a === null || a === undefined || (typeof a === "number" && Number.isNaN(a));
      const missingB = b === null || b === undefined || (typeof b === "number" && Number.isNaN(b));
      if (missingA || missingB) return compare(a, b) || x.i - y.i;
      return (descending ? -compare(a, b) : compare(a, b)) || x.i - y.i;
    })
    .map(({row}) => row);
}

/** Rows whose displayed text contains every word of the query (case-insensitive). */
export function searchRows<T>(rows: readonly T[], columns: readonly TableColumn<T>[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = columns
      .map((c) => {
        const v = c.format ? c.format(row[c.key], row) : row[c.key];
        return typeof v === "object" && v !== null && "textContent" in v ? (v as Node).textContent : String(v ?? "");
      })
      .join(" ")
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

function ensureStyle(): void {
  if (typeof document === "undefined" || document.getElementById("data-table-style")) return;
  const style = document.createElement("style");
  style.id = "data-table-style";
  style.textContent = `
.data-table{max-width:none;min-width:0}
.card:has(> .data-table),.grid > :has(.data-table){min-width:0}
.data-table .data-table-tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:.5rem;font-size:.85rem}
.data-table input[type=search]{font:inherit;padding:.25rem .4rem;min-width:0;flex:1 1 10rem;max-width:18rem;color:var(--theme-foreground);background:var(--theme-background);border:1px solid var(--theme-foreground-faint);border-radius:.25rem}
.data-table .data-table-count{color:var(--theme-foreground-muted)}
.data-table a.data-table-csv,.data-table button{font:inherit;font-size:.85rem;cursor:pointer;padding:.2rem .55rem;border-radius:.25rem;border:1px solid var(--theme-foreground-faint);background:var(--theme-background);color:var(--theme-foreground);text-decoration:none}
.data-table .data-table-scroll{overflow-x:auto;max-width:100%}
.data-table table{margin:0;max-width:none;width:100%;font-variant-numeric:tabular-nums}
.data-table th{cursor:pointer;user-select:none;white-space:nowrap;vertical-align:bottom}
.data-table th[aria-sort=ascending]::after{content:" ▲";font-size:.7em}
.data-table th[aria-sort=descending]::after{content:" ▼";font-size:.7em}
.data-table td.num,.data-table th.num{text-align:right}
@media (max-width:600px){.data-table .phone-hide{display:none}}
`;
  document.head.append(style);
}

/** A sortable, searchable table with CSV download (see the module comment). */
export function dataTable<T extends object>(rows: readonly T[], {columns, sort, search = true, csv, pageSize = 50, caption, rowKey}: DataTableOptions<T>): HTMLElement {
  ensureStyle();
  let sortKey: (keyof T & string) | undefined = sort?.key;
  let descending = sort?.descending ?? false;
  let query = "";
  let showAll = false;
  const numeric = (c: TableColumn<T>) => {
    if (c.numeric !== undefined) return c.numeric;
    const type = typeof rows.find((r) => r[c.key] !== null && r[c.key] !== undefined)?.[c.key];
    return type === "number" || type === "bigint";
  };
  const root = html`<div class="data-table"></div>` as HTMLElement;
  const count = html`<span class="data-table-count" aria-live="polite"></span>` as HTMLElement;
  const body = html`<tbody></tbody>` as HTMLElement;
  const more = html`<button type="button" hidden onclick=${() => {
    showAll = true;
    render();
  }}></button>` as HTMLButtonElement;
  const headers = columns.map((c) => {
    const th = html`<th scope="col" class=${[numeric(c) ? "num" : "", c.hideOnPhone ? "phone-hide" : ""].join(" ").trim()} tabindex="0" title="Sort by ${c.label}">${c.label}</th>` as HTMLElement;
    const toggle = () => {
      if (sortKey === c.key) descending = !descending;
      else {
        sortKey = c.key;
        descending = numeric(c); // numbers start largest first, text A to Z
      }
      render();
    };
    th.addEventListener("click", toggle);
    th.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
        e.preventDefault();
        toggle();
      }
    });
    return th;
  });
  let current: T[] = [];
  const download = csv
    ? (html`<a class="data-table-csv" href="#" download=${csv} onclick=${(e: Event) => {
        const a = e.currentTarget as HTMLAnchorElement;
        URL.revokeObjectURL(a.href);
        a.href = URL.createObjectURL(new Blob([toCsv(current, columns)], {type: "text/csv;charset=utf-8"}));
      }}>Download CSV</a>` as HTMLElement)
    : "";
  const render = () => {
    const matched = searchRows(rows, columns, query);
    current = sortKey ? sortRows(matched, sortKey, descending) : matched;
    for (const [i, th] of headers.entries()) {
      if (columns[i].key === sortKey) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    const shown = showAll ? current : current.slice(0, pageSize);
    body.replaceChildren(
      ...shown.map(
        (row) => html`<tr data-row=${rowKey ? String(row[rowKey]) : undefined}>${columns.map((c) => {
          const v = row[c.key];
          return html`<td class=${[numeric(c) ? "num" : "", c.hideOnPhone ? "phone-hide" : ""].join(" ").trim()}>${c.format ? c.format(v, row) : v === null || v === undefined ? "–" : String(v)}</td>`;
        })}</tr>`
      )
    );
    count.textContent = query ? `${current.length} of ${rows.length} rows` : `${rows.length} rows`;
    more.hidden = shown.length === current.length;
    more.textContent = `Show all ${current.length} rows`;
  };
  root.append(
    html`<div class="data-table-tools">
      ${search ? html`<input type="search" placeholder="Search…" aria-label=${`Search ${caption ?? "the table"}`} oninput=${(e: Event) => {
        query = (e.target as HTMLInputElement).value;
        render();
      }}>` : ""}
      ${count}${download}
    </div>`,
    html`<div class="data-table-scroll"><table>
      ${caption ? html`<caption class="sr-only" style="position:absolute;left:-9999px">${caption}</caption>` : ""}
      <thead><tr>${headers}</tr></thead>${body}</table></div>`,
    more
  );
  render();
  return root;
}
