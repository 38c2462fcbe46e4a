/**
 * A filter bar for dashboards: a date range (with presets relative to the last day of data) and
 * any number of multi-select facets (e.g. channel, then campaign), where a facet may depend on
 * another (campaigns listed only for the selected channels). It behaves as an Observable input:
 * its `value` is `{start, end, [facet]: selected values}` and it emits `input` events, so a page
 * writes `const filters = view(filterBar({...}))` and every cell that reads `filters` re-runs.
 *
 * The selection is mirrored in the address (?from=2025-01-01&to=…&channel=search,email) so a view
 * can be shared, and kept for the session under `storageKey` so it follows the reader across the
 * pages of a report. Dates are ms since epoch at UTC midnight (as Arrow dates arrive in pages).
 */
import {html} from "npm:htl";

const DAY = 86_400_000;

export interface FacetOption {
  value: string;
  label: string;
  /** Value of the parent facet this option belongs to (e.g. a campaign's channel). */
  group?: string;
}

export interface Facet {
  /** Key of the facet in the value and the address, e.g. "channel". */
  key: string;
  label: string;
  /** Plural noun for the summary line, e.g. "channels". */
  plural: string;
  options: readonly FacetOption[];
  /** Key of a facet whose selection limits these options (through each option's `group`). */
  dependsOn?: string;
}

export interface DatePreset {
  label: string;
  /** Range ending on the last day of data: number of days, "ytd" (year to date) or "all". */
  days: number | "ytd" | "all";
}

export const DEFAULT_PRESETS: readonly DatePreset[] = [
  {label: "Last 30 days", days: 30},
  {label: "Last 90 days", days: 90},
  {label: "Last 6 months", days: 182},
  {label: "Last 12 months", days: 365},
  {label: "Year to date", days: "ytd"},
  {label: "All dates", days: "all"}
];

export type FilterValue = {start: number; end: number} & Record<string, string[] | number>;

export interface FilterBarOptions {
  /** First and last day of the data (ms, UTC midnight). */
  min: number;
  max: number;
  facets?: readonly Facet[];
  presets?: readonly DatePreset[];
  /** Preset applied when neither the address nor the session holds a range (default "Last 12 months"). */
  defaultPreset?: string;
  /** Session storage key shared by the pages of one report; none = no persistence. */
  storageKey?: string;
  /** Mirror the selection in the address bar (default true). */
  syncUrl?: boolean;
}

interface State {
  start: number;
  end: number;
  /** Explicit selection per facet; null means every option. */
  selected: Map<string, Set<string> | null>;
}

export const toIsoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const fromIsoDay = (text: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : undefined;
};

/** The [start, end] range of a preset ending on `max`, clipped to `min`. */
export function presetRange(preset: DatePreset, min: number, max: number): [number, number] {
  if (preset.days === "all") return [min, max];
  if (preset.days === "ytd") return [Math.max(min, Date.UTC(new Date(max).getUTCFullYear(), 0, 1)), max];
  return [Math.max(min, max - (preset.days - 1) * DAY), max];
}

/** The options of a facet that are visible under the current selection of its parent facet. */
function visibleOptions(facet: Facet, facets: readonly Facet[], state: State): FacetOption[] {
  if (!facet.dependsOn) return [...facet.options];
  const parent = facets.find((f) => f.key === facet.dependsOn);
  if (!parent) return [...facet.options];
  const parentValues = new Set(selectedValues(parent, facets, state));
  return facet.options.filter((o) => o.group === undefined || parentValues.has(o.group));
}

function selectedValues(facet: Facet, facets: readonly Facet[], state: State): string[] {
  const chosen = state.selected.get(facet.key) ?? null;
  return visibleOptions(facet, facets, state)
    .map((o) => o.value)
    .filter((v) => chosen === null || chosen.has(v));
}

function stateValue(state: State, facets: readonly Facet[]): FilterValue {
  const value: FilterValue = {start: state.start, end: state.end};
  for (const f of facets) value[f.key] = selectedValues(f, facets, state);
  return value;
}

function readSaved(storageKey: string | undefined, syncUrl: boolean): Record<string, string> {
  const saved: Record<string, string> = {};
  try {
    if (storageKey) Object.assign(saved, JSON.parse(sessionStorage.getItem(storageKey) ?? "{}"));
  } catch {
    // Storage unavailable (private mode): start from the defaults.
  }
  if (syncUrl && typeof location !== "undefined") {
    const params = new URLSearchParams(location.search);
    if (params.has("from") || params.has("to")) {
      delete saved.from;
      delete saved.to;
    }
    for (const [k, v] of params) saved[k] = v;
  }
  return saved;
}

function ensureStyle(): void {
  if (typeof document === "undefined" || document.getElementById("filter-bar-style")) return;
  const style = document.createElement("style");
  style.id = "filter-bar-style";
  style.textContent = `
.filter-bar{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:flex-end;padding:.6rem .75rem;margin:0 0 1rem;border:1px solid var(--theme-foreground-faintest);border-radius:.5rem;background:var(--theme-background-alt);font-size:.85rem;max-width:none}
.filter-bar label{display:flex;flex-direction:column;gap:.15rem;color:var(--theme-foreground-muted);font-weight:500}
.filter-bar input[type=date],.filter-bar select{font:inherit;padding:.2rem .3rem;max-width:10.5rem;color:var(--theme-foreground);background:var(--theme-background);border:1px solid var(--theme-foreground-faint);border-radius:.25rem}
.filter-bar details{position:relative}
.filter-bar summary{cursor:pointer;padding:.25rem .5rem;border:1px solid var(--theme-foreground-faint);border-radius:.25rem;background:var(--theme-background);color:var(--theme-foreground);list-style:none;white-space:nowrap}
.filter-bar summary::-webkit-details-marker{display:none}
.filter-bar summary::after{content:" ▾";color:var(--theme-foreground-muted)}
.filter-bar .facet-label{display:block;color:var(--theme-foreground-muted);font-weight:500;margin-bottom:.15rem}
.filter-bar .facet-menu{position:absolute;z-index:20;margin-top:.25rem;padding:.5rem;min-width:14rem;max-width:min(22rem,86vw);max-height:60vh;overflow:auto;background:var(--theme-background);border:1px solid var(--theme-foreground-faint);border-radius:.4rem;box-shadow:0 4px 14px rgba(0,0,0,.18)}
.filter-bar .facet-menu label{flex-direction:row;align-items:center;gap:.4rem;font-weight:400;color:var(--theme-foreground);padding:.15rem 0}
.filter-bar .facet-actions{display:flex;gap:.5rem;margin-bottom:.35rem}
.filter-bar button{font:inherit;cursor:pointer;padding:.25rem .6rem;border-radius:.25rem;border:1px solid var(--theme-foreground-faint);background:var(--theme-background);color:var(--theme-foreground)}
.filter-bar .facet-actions button{padding:.1rem .45rem;font-size:.8rem}
.filter-bar .filter-summary{flex-basis:100%;color:var(--theme-foreground-muted);font-size:.8rem}
@media (min-width:900px){.filter-bar{position:sticky;top:.5rem;z-index:10}}
`;
  document.head.append(style);
}

/** A filter bar input (see the module comment). */
export function filterBar({min, max, facets = [], presets = DEFAULT_PRESETS, defaultPreset = "Last 12 months", storageKey, syncUrl = true}: FilterBarOptions): HTMLFormElement & {value: FilterValue} {
  ensureStyle();
  const saved = readSaved(storageKey, syncUrl);
  const preset = presets.find((p) => p.label === defaultPreset) ?? presets[presets.length - 1];
  let [start, end] = presetRange(preset, min, max);
  const from = saved.from ? fromIsoDay(saved.from) : undefined;
  const to = saved.to ? fromIsoDay(saved.to) : undefined;
  if (from !== undefined && to !== undefined && from <= to && to >= min && from <= max) [start, end] = [Math.max(min, from), Math.min(max, to)];
  const state: State = {start, end, selected: new Map()};
  for (const f of facets) {
    const text = saved[f.key];
    const known = new Set(f.options.map((o) => o.value));
    const chosen = text === undefined || text === "" ? null : new Set(text.split(",").filter((v) => known.has(v)));
    state.selected.set(f.key, chosen && chosen.size > 0 ? chosen : null);
  }

  const form = html`<form class="filter-bar" role="search" aria-label="Filters" onsubmit=${(e: Event) => e.preventDefault()}></form>` as HTMLFormElement & {value: FilterValue};
  const presetSelect = html`<select name="preset" aria-label="Date range preset">
    ${presets.map((p) => html`<option value=${p.label}>${p.label}</option>`)}
    <option value="custom">Custom range</option>
  </select>` as HTMLSelectElement;
  const startInput = html`<input type="date" name="from" min=${toIsoDay(min)} max=${toIsoDay(max)} required>` as HTMLInputElement;
  const endInput = html`<input type="date" name="to" min=${toIsoDay(min)} max=${toIsoDay(max)} required>` as HTMLInputElement;
  const summary = html`<div class="filter-summary" aria-live="polite"></div>` as HTMLElement;
  const facetHosts = new Map<string, HTMLElement>();

  const persist = () => {
    const out: Record<string, string> = {from: toIsoDay(state.start), to: toIsoDay(state.end)};
    for (const f of facets) {
      const chosen = state.selected.get(f.key);
      if (chosen) out[f.key] = [...chosen].join(",");
    }
    try {
      if (storageKey) sessionStorage.setItem(storageKey, JSON.stringify(out));
    } catch {
      // Storage unavailable: the selection lives only in this page.
    }
    if (syncUrl && typeof history !== "undefined") {
      const params = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(out)) params.set(k, v);
      for (const f of facets) if (!state.selected.get(f.key)) params.delete(f.key);
      history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
    }
  };

  const renderFacet = (facet: Facet) => {
    const host = facetHosts.get(facet.key)!;
    const options = visibleOptions(facet, facets, state);
    const values = new Set(selectedValues(facet, facets, state));
    const label = values.size === options.length ? `All ${facet.plural}` : values.size === 1 ? options.find((o) => values.has(o.value))!.label : `${values.size} of ${options.length} ${facet.plural}`;
    const wasOpen = (host.querySelector("details") as HTMLDetailsElement | null)?.open ?? false;
    const set = (next: Set<string> | null) => {
      state.selected.set(facet.key, next && next.size === options.length && options.every((o) => next.has(o.value)) ? null : next);
      // A child facet keeps only what is still visible.
      for (const child of facets.filter((f) => f.dependsOn === facet.key)) {
        const chosen = state.selected.get(child.key);
        if (chosen) {
          const visible = new Set(visibleOptions(child, facets, state).map((o) => o.value));
          const kept = new Set([...chosen].filter((v) => visible.has(v)));
          state.selected.set(child.key, kept.size ? kept : null);
        }
      }
      update();
    };
    host.replaceChildren(html`<span class="facet-label">${facet.label}</span><details open=${wasOpen} data-facet=${facet.key}>
      <summary aria-label=${`${facet.label}: ${label}`}>${label}</summary>
      <div class="facet-menu">
        <div class="facet-actions">
          <button type="button" onclick=${() => set(null)}>All</button>
          <button type="button" onclick=${() => set(new Set())} disabled=${options.length === 0}>None</button>
        </div>
        ${options.map(
          (o) => html`<label><input type="checkbox" value=${o.value} checked=${values.has(o.value)} onchange=${(e: Event) => {
            const next = new Set(values);
            if ((e.target as HTMLInputElement).checked) next.add(o.value);
            else next.delete(o.value);
            set(next);
          }}> ${o.label}</label>`
        )}
      </div>
    </details>`);
  };

  const update = (emit = true) => {
    startInput.value = toIsoDay(state.start);
    endInput.value = toIsoDay(state.end);
    const match = presets.find((p) => {
      const [s, e] = presetRange(p, min, max);
      return s === state.start && e === state.end;
    });
    presetSelect.value = match ? match.label : "custom";
    for (const f of facets) renderFacet(f);
    form.value = stateValue(state, facets);
    const days = Math.round((state.end - state.start) / DAY) + 1;
    summary.textContent = `${toIsoDay(state.start)} to ${toIsoDay(state.end)} (${days} days)`;
    if (emit) {
      persist();
      form.dispatchEvent(new Event("input", {bubbles: true}));
    }
  };

  presetSelect.addEventListener("change", () => {
    const p = presets.find((q) => q.label === presetSelect.value);
    if (!p) return;
    [state.start, state.end] = presetRange(p, min, max);
    update();
  });
  const onDate = () => {
    const s = fromIsoDay(startInput.value);
    const e = fromIsoDay(endInput.value);
    if (s === undefined || e === undefined) return;
    state.start = Math.min(Math.max(min, Math.min(s, e)), max);
    state.end = Math.max(Math.min(max, Math.max(s, e)), min);
    update();
  };
  startInput.addEventListener("change", onDate);
  endInput.addEventListener("change", onDate);
  // Close an open facet menu when the reader clicks elsewhere.
  if (typeof document !== "undefined")
    document.addEventListener("click", (e) => {
      for (const d of form.querySelectorAll("details[open]")) if (!d.contains(e.target as Node)) (d as HTMLDetailsElement).open = false;
    });
  const reset = html`<button type="button" onclick=${() => {
    [state.start, state.end] = presetRange(preset, min, max);
    for (const f of facets) state.selected.set(f.key, null);
    update();
  }}>Reset</button>`;

  form.append(
    html`<label>Period ${presetSelect}</label>`,
    html`<label>From ${startInput}</label>`,
    html`<label>To ${endInput}</label>`,
    ...facets.map((f) => {
      const host = html`<div class="filter-facet"></div>` as HTMLElement;
      facetHosts.set(f.key, host);
      return host;
    }),
    reset,
    summary
  );
  update(false);
  if (syncUrl) persist();
  return form;
}
