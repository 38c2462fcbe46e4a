// @vitest-environment jsdom
// The reusable page components the campaign report introduced: the data table (sort, search, CSV)
// and the filter bar (presets, dependent facets, the value it reports, the address it writes).
import {afterEach, describe, expect, it} from "vitest";
import {filterBar, fromIsoDay, presetRange, toIsoDay} from "../../src/components/filters.js";
import {dataTable, searchRows, sortRows, toCsv} from "../../src/components/table.js";

const DAY = 86_400_000;

describe("data table", () => {
  const rows = [
    {name: "Brand, search", roas: 4.2, spend: 100},
    {name: "Banners", roas: NaN, spend: 50},
    {name: "Newsletter", roas: 9.1, spend: 10}
  ];
  const columns = [
    {key: "name" as const, label: "Campaign"},
    {key: "roas" as const, label: "ROAS", format: (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : "–")},
    {key: "spend" as const, label: "Spend"}
  ];

  it("sorts numbers and text, missing values last in either direction", () => {
    expect(sortRows(rows, "roas").map((r) => r.name)).toEqual(["Brand, search", "Newsletter", "Banners"]);
    expect(sortRows(rows, "roas", true).map((r) => r.name)).toEqual(["Newsletter", "Brand, search", "Banners"]);
    expect(sortRows(rows, "name").map((r) => r.name)).toEqual(["Banners", "Brand, search", "Newsletter"]);
  });

  it("searches the displayed text for every word", () => {
    expect(searchRows(rows, columns, "brand 4.2").map((r) => r.name)).toEqual(["Brand, search"]);
    expect(searchRows(rows, columns, "  ")).toHaveLength(3);
  });

  it("writes CSV with raw values and RFC 4180 quoting", () => {
    expect(toCsv(rows, columns)).toBe('name,roas,spend\n"Brand, search",4.2,100\nBanners,,50\nNewsletter,9.1,10\n');
  });

  it("renders a table that re-sorts on a header click and filters as one types", () => {
    const el = dataTable(rows, {columns, sort: {key: "spend", descending: true}, csv: "x.csv"});
    const names = () => [...el.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")!.textContent);
    expect(names()).toEqual(["Brand, search", "Banners", "Newsletter"]);
    (el.querySelectorAll("th")[1] as HTMLElement).click(); // ROAS, largest first
    expect(names()).toEqual(["Newsletter", "Brand, search", "Banners"]);
    expect(el.querySelectorAll("th")[1].getAttribute("aria-sort")).toBe("descending");
    const search = el.querySelector("input[type=search]") as HTMLInputElement;
    search.value = "news";
    search.dispatchEvent(new Event("input"));
    expect(names()).toEqual(["Newsletter"]);
    expect(el.querySelector(".data-table-count")!.textContent).toBe("1 of 3 rows");
    expect(el.querySelector("a.data-table-csv")!.getAttribute("download")).toBe("x.csv");
  });
});

describe("filter bar", () => {
  const min = Date.UTC(2024, 0, 1);
  const max = Date.UTC(2025, 11, 31);
  const facets = [
    {key: "channel", label: "Channel", plural: "channels", options: [{value: "search", label: "Search"}, {value: "email", label: "Email"}]},
    {key: "campaign", label: "Campaign", plural: "campaigns", dependsOn: "channel", options: [{value: "S1", label: "Brand", group: "search"}, {value: "E1", label: "News", group: "email"}]}
  ];
  afterEach(() => {
    history.replaceState(null, "", "/");
    sessionStorage.clear();
  });

  it("computes preset ranges from the last day of data", () => {
    expect(presetRange({label: "", days: 30}, min, max)).toEqual([max - 29 * DAY, max]);
    expect(presetRange({label: "", days: "ytd"}, min, max)).toEqual([Date.UTC(2025, 0, 1), max]);
    expect(presetRange({label: "", days: 1000}, min, max)).toEqual([min, max]);
    expect(toIsoDay(fromIsoDay("2025-02-28")!)).toBe("2025-02-28");
    expect(fromIsoDay("2025-02-30x")).toBeUndefined();
  });

  it("reports its value, narrows campaigns to the chosen channels, and mirrors the selection in the address", () => {
    const bar = filterBar({min, max, facets, storageKey: "test-filters"});
    document.body.append(bar);
    expect(bar.value).toEqual({start: max - 364 * DAY, end: max, channel: ["search", "email"], campaign: ["S1", "E1"]});
    let events = 0;
    bar.addEventListener("input", () => events++);
    const emailBox = bar.querySelector('details[data-facet=channel] input[value=email]') as HTMLInputElement;
    emailBox.checked = false;
    emailBox.dispatchEvent(new Event("change"));
    expect(events).toBe(1);
    expect(bar.value.channel).toEqual(["search"]);
    expect(bar.value.campaign).toEqual(["S1"]);
    expect(new URLSearchParams(location.search).get("channel")).toBe("search");
    expect(JSON.parse(sessionStorage.getItem("test-filters")!).channel).toBe("search");
    const preset = bar.querySelector("select") as HTMLSelectElement;
    preset.value = "Last 30 days";
    preset.dispatchEvent(new Event("change"));
    expect(bar.value.start).toBe(max - 29 * DAY);
    expect(new URLSearchParams(location.search).get("from")).toBe("2025-12-02");
    bar.remove();
  });

  it("starts from the address when it holds a selection", () => {
    history.replaceState(null, "", "/?from=2025-03-01&to=2025-03-31&campaign=E1");
    const bar = filterBar({min, max, facets});
    expect(bar.value).toEqual({start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 2, 31), channel: ["search", "email"], campaign: ["E1"]});
  });
});
