/**
 * The linear part of the market mix model: intercept, trend, yearly Fourier seasonality and the
 * control variables (price, promotions, holidays, market index), as columns of a design matrix.
 *
 *   trend_t          = t / (n − 1)                       (0 at the first week, 1 at the last)
 *   seasonality_t    = Σ_{k=1..K} a_k sin(2πk·d_t/365.25) + b_k cos(2πk·d_t/365.25)
 *                      with d_t the day of the year of week t (Prophet's and PyMC-Marketing's
 *                      `yearly_seasonality = K` Fourier modes; Harvey & Shephard 1993)
 *   controls         = the given columns, centred and scaled to unit sd so one small ridge penalty
 *                      treats them alike (coefficients are reported back in the original units).
 *
 * K = 3 by default: three harmonics draw a yearly cycle with one main peak and a secondary one
 * (Q4 gifting and a spring bump) without absorbing the week-to-week media signal; Prophet's
 * default for yearly seasonality is 10 with daily data, PyMC-Marketing's example uses 2 on 179
 * weeks. Holidays whose date moves (Thanksgiving) belong in the controls, not in the harmonics.
 *
 * Tests (test/analytics/mmm-transforms.test.ts) prove the Fourier columns against hand values and
 * the round trip of standardised coefficients.
 */
import type {ControlVariable} from "./types.js";

export interface DesignOptions {
  /** Number of yearly harmonics (default 3; 0 for none). */
  fourierOrder?: number;
  /** Include a linear trend (default true). */
  trend?: boolean;
}

/** A design matrix stored by column, with what is needed to report coefficients in original units. */
export interface BaseDesign {
  /** Column names: "intercept", "trend", "sin1", "cos1", …, then the controls. */
  names: string[];
  /** columns[j][t]: standardised values (the intercept is all ones). */
  columns: Float64Array[];
  /** Mean and sd used to standardise each column (0 and 1 for intercept, trend and Fourier terms). */
  centre: number[];
  scale: number[];
  /** Which columns are controls supplied by the caller (the rest are intercept, trend, seasonality). */
  kind: ("intercept" | "trend" | "seasonality" | "control")[];
}

/** Day of the year (1..366) of an ISO date YYYY-MM-DD, in UTC. */
export function dayOfYear(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`dayOfYear: expected an ISO date YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(m[1]);
  const t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  return Math.round((t - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** Fourier columns sin(2πk·d/365.25), cos(2πk·d/365.25) for k = 1..order, d the day of the year. */
export function fourierColumns(dates: string[], order: number): {names: string[]; columns: Float64Array[]} {
  const names: string[] = [];
  const columns: Float64Array[] = [];
  const days = dates.map(dayOfYear);
  for (let k = 1; k <= order; k++) {
    const s = new Float64Array(dates.length);
    const c = new Float64Array(dates.length);
    for (let t = 0; t < dates.length; t++) {
      const angle = (2 * Math.PI * k * days[t]) / 365.25;
      s[t] = Math.sin(angle);
      c[t] = Math.cos(angle);
    }
    names.push(`sin${k}`, `cos${k}`);
    columns.push(s, c);
  }
  return {names, columns};
}

/** Intercept, trend, Fourier seasonality and standardised controls. */
export function buildBaseDesign(dates: string[], controls: ControlVariable[], {fourierOrder = 3, trend = true}: DesignOptions = {}): BaseDesign {
  const n = dates.length;
  const design: BaseDesign = {names: [], columns: [], centre: [], scale: [], kind: []};
  const add = (name: string, column: Float64Array, kind: BaseDesign["kind"][number], centre = 0, scale = 1) => {
    design.names.push(name);
    design.columns.push(column);
    design.centre.push(centre);
    design.scale.push(scale);
    design.kind.push(kind);
  };
  add("intercept", new Float64Array(n).fill(1), "intercept");
  if (trend) add("trend", Float64Array.from({length: n}, (_, t) => (n > 1 ? t / (n - 1) : 0)), "trend");
  const fourier = fourierColumns(dates, fourierOrder);
  fourier.columns.forEach((c, i) => add(fourier.names[i], c, "seasonality"));
  for (const control of controls) {
    if (control.values.length !== n) throw new Error(`buildBaseDesign: control "${control.name}" has ${control.values.length} values, expected ${n} (one per week)`);
    let mean = 0;
    for (let t = 0; t < n; t++) mean += control.values[t];
    mean /= n;
    let ss = 0;
    for (let t = 0; t < n; t++) ss += (control.values[t] - mean) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, n - 1));
    if (!(sd > 0)) throw new Error(`buildBaseDesign: control "${control.name}" is constant over the ${n} weeks; a constant cannot be told apart from the intercept, leave it out`);
    add(control.name, Float64Array.from(control.values, (v) => (v - mean) / sd), "control", mean, sd);
  }
  return design;
}

/**
 * Coefficients of the standardised columns → coefficients in the original units of each column
 * (and the intercept adjusted for the centring), as {name: coefficient}.
 */
export function unstandardizeCoefficients(design: BaseDesign, coefficients: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  let intercept = 0;
  design.names.forEach((name, j) => {
    const b = coefficients[j] / design.scale[j];
    if (design.kind[j] === "intercept") intercept += coefficients[j];
    else {
      out[name] = b;
      intercept -= b * design.centre[j];
    }
  });
  return {intercept, ...out};
}
