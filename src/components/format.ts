/** Number formats shared by every page, so a dollar looks the same everywhere. */
const compact = new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 1});
const integer = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});

export function formatMoney(value: number, {currency = "USD", compactAbove = 10_000}: {currency?: string; compactAbove?: number} = {}): string {
  if (!Number.isFinite(value)) return "–";
  const symbol = currency === "USD" ? "$" : currency === "SGD" ? "S$" : currency === "BRL" ? "R$" : `${currency} `;
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= compactAbove) return `${sign}${symbol}${compact.format(abs)}`;
  return `${sign}${symbol}${abs >= 100 ? integer.format(abs) : abs.toFixed(2)}`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.abs(value) >= 100_000 ? compact.format(value) : integer.format(value);
}

export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "–";
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatRatio(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return "–";
  return `${value.toFixed(digits)}×`;
}

/** A signed relative change: +12.3% / −4.0%. */
export function formatDelta(change: number, digits = 1): string {
  if (!Number.isFinite(change)) return "–";
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${Math.abs(change * 100).toFixed(digits)}%`;
}
