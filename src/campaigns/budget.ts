/**
 * Budget reallocation from each channel's fitted response to spend.
 *
 * Response: per channel, a constant-elasticity model of a campaign's daily revenue,
 *     E[revenue_kt] = exp(α_k + weekday_t + month_t) · spend_kt^e
 * (α_k a campaign fixed effect; weekday and calendar-month effects absorb the weekly cycle and the
 * holiday season, when budgets and demand rise together), fitted by Poisson pseudo-maximum
 * likelihood (Santos Silva & Tenreyro 2006, "The log of gravity", REStat 88(4)): consistent for
 * the mean whatever the noise, and unlike a log-log regression it keeps days without revenue.
 * Iteratively reweighted least squares; standard errors cluster-robust by ISO week (sandwich
 * estimator with the G/(G−1) correction), so a common weekly shock does not fake precision.
 * Each equation solve uses the shared ridge/NNLS solver of the market mix model (unconstrained here).
 *
 * Reallocation: scaling every campaign-day of channel c by m_c turns its revenue R_c into
 * R_c · m_c^e_c (the fitted means of a Poisson fit with fixed effects add up to the observed
 * revenue). The mix that maximises Σ_c R_c m_c^e_c for a given total spend Σ_c S_c m_c, within
 * bounds on each change, equalises marginal ROAS e_c R_c m_c^(e_c − 1) / S_c across the channels
 * not at a bound (found by bisection on that common marginal return).
 *
 * Uncertainty and caution: elasticities are drawn from their sampling distribution and the revenue
 * gain of a mix is evaluated on each draw. The recommended mix moves from today's (scaled to the
 * budget) towards the fitted optimum only as far as maximises the lower end of the gain's interval,
 * so it is never expected to lose money at that confidence, and no change is recommended when
 * the data cannot tell which way to move.
 *
 * Tests (test/campaigns/budget.test.ts): the fit against statsmodels' Poisson GLM with the same
 * design (test/fixtures/campaigns/ppml_reference.py), the optimum against a brute-force search,
 * and the recommendation on the simulation's true response curves: never worse than today's mix.
 */
import {solveNonNegativeQuadratic} from "../analytics/mmm/least-squares.js";
import {Random} from "../analytics/random.js";
import {isoWeekStart} from "../analytics/time.js";

export interface ResponseRow {
  date: number;
  campaign_id: string;
  channel: string;
  spend: number;
  revenue: number;
}

export interface ChannelResponseFit {
  channel: string;
  /** Revenue elasticity of spend: +1% spend → +e% revenue. */
  elasticity: number;
  standardError: number;
  /** Spend and revenue of the rows fitted (the base the reallocation scales). */
  spend: number;
  revenue: number;
  observations: number;
  campaigns: number;
  /** Weeks (clusters of the standard error). */
  weeks: number;
  converged: boolean;
  iterations: number;
  /** All coefficients by name, for checks. */
  coefficients: Record<string, number>;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Design {
  names: string[];
  /** Row-major n × p. */
  x: Float64Array;
  y: Float64Array;
  cluster: Float64Array;
  p: number;
  n: number;
  spendColumn: number;
}

/** The design matrix of one channel's rows: campaign effects, log spend, weekday and month effects (only levels present, first as reference). */
export function responseDesign(rows: readonly ResponseRow[], {weekdays = true, months = true}: {weekdays?: boolean; months?: boolean} = {}): Design {
  const used = rows.filter((r) => r.spend > 0 && Number.isFinite(r.revenue) && r.revenue >= 0);
  const campaigns = [...new Set(used.map((r) => r.campaign_id))].sort();
  const weekdayOf = (d: number) => (new Date(d).getUTCDay() + 6) % 7;
  const monthOf = (d: number) => new Date(d).getUTCMonth();
  const presentDays = [...new Set(used.map((r) => weekdayOf(r.date)))].sort((a, b) => a - b);
  const presentMonths = [...new Set(used.map((r) => monthOf(r.date)))].sort((a, b) => a - b);
  const dayLevels = weekdays ? presentDays.slice(1) : [];
  const monthLevels = months ? presentMonths.slice(1) : [];
  const names = [...campaigns.map((c) => `campaign:${c}`), "log_spend", ...dayLevels.map((d) => `weekday:${WEEKDAYS[d]}`), ...monthLevels.map((m) => `month:${MONTHS[m]}`)];
  const p = names.length;
  const n = used.length;
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  const cluster = new Float64Array(n);
  const campaignIndex = new Map(campaigns.map((c, i) => [c, i]));
  const spendColumn = campaigns.length;
  const dayIndex = new Map(dayLevels.map((d, i) => [d, spendColumn + 1 + i]));
  const monthIndex = new Map(monthLevels.map((m, i) => [m, spendColumn + 1 + dayLevels.length + i]));
  used.forEach((r, i) => {
    const row = i * p;
    x[row + campaignIndex.get(r.campaign_id)!] = 1;
    x[row + spendColumn] = Math.log(r.spend);
    const d = dayIndex.get(weekdayOf(r.date));
    if (d !== undefined) x[row + d] = 1;
    const m = monthIndex.get(monthOf(r.date));
    if (m !== undefined) x[row + m] = 1;
    y[i] = r.revenue;
    cluster[i] = isoWeekStart(r.date);
  });
  return {names, x, y, cluster, p, n, spendColumn};
}

function poissonDeviance(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
  return d;
}

/** Poisson pseudo-maximum likelihood by IRLS: coefficients, means and the cluster-robust covariance column of one coefficient. */
export function fitPoissonPml(design: Design, {maxIterations = 100, tolerance = 1e-10, robustFor}: {maxIterations?: number; tolerance?: number; robustFor?: number} = {}): {beta: Float64Array; mu: Float64Array; converged: boolean; iterations: number; variance: number; clusters: number} {
  const {x, y, p, n} = design;
  // Start: campaign effects at log mean revenue, elasticity 0.5 (centred on the mean log spend).
  const beta = new Float64Array(p);
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  const meanY = y.reduce((a, b) => a + b, 0) / Math.max(1, n);
  for (let i = 0; i < n; i++) eta[i] = Math.log(Math.max(meanY, 1e-9));
  for (let i = 0; i < n; i++) mu[i] = Math.exp(eta[i]);
  let deviance = poissonDeviance(y, mu);
  let converged = false;
  let iterations = 0;
  const G = new Float64Array(p * p);
  const c = new Float64Array(p);
  const free = new Array(p).fill(false);
  for (; iterations < maxIterations; iterations++) {
    G.fill(0);
    c.fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i];
      const z = eta[i] + (y[i] - mu[i]) / mu[i];
      const row = i * p;
      for (let a = 0; a < p; a++) {
        const xa = x[row + a];
        if (xa === 0) continue;
        c[a] += w * xa * z;
        for (let b = a; b < p; b++) G[a * p + b] += w * xa * x[row + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) G[a * p + b] = G[b * p + a];
    for (let a = 0; a < p; a++) G[a * p + a] *= 1 + 1e-12; // numerical safety only
    const next = solveNonNegativeQuadratic(G, c, free);
    // Step halving if the deviance rises.
    let step = 1;
    let nextDeviance = Infinity;
    const candidate = new Float64Array(p);
    for (let half = 0; half < 30; half++) {
      for (let a = 0; a < p; a++) candidate[a] = beta[a] + step * (next[a] - beta[a]);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * p;
        for (let a = 0; a < p; a++) s += x[row + a] * candidate[a];
        eta[i] = s;
        mu[i] = Math.exp(Math.min(s, 700));
      }
      nextDeviance = poissonDeviance(y, mu);
      if (nextDeviance <= deviance * (1 + 1e-12) || iterations === 0) break;
      step /= 2;
    }
    beta.set(candidate);
    const change = Math.abs(deviance - nextDeviance) / (Math.abs(nextDeviance) + 0.1);
    deviance = nextDeviance;
    if (change < tolerance && iterations > 0) {
      converged = true;
      iterations++;
      break;
    }
  }
  // Cluster-robust variance of one coefficient: a' B a with a = A⁻¹ e_j, A = X'WX at the optimum.
  let variance = NaN;
  let clusters = 0;
  if (robustFor !== undefined) {
    G.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * p;
      for (let a = 0; a < p; a++) {
        const xa = x[row + a];
        if (xa === 0) continue;
        for (let b = a; b < p; b++) G[a * p + b] += mu[i] * xa * x[row + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) G[a * p + b] = G[b * p + a];
    const unit = new Float64Array(p);
    unit[robustFor] = 1;
    const aVec = solveNonNegativeQuadratic(G, unit, free);
    const scores = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      let ax = 0;
      const row = i * p;
      for (let a = 0; a < p; a++) ax += aVec[a] * x[row + a];
      const g = design.cluster[i];
      scores.set(g, (scores.get(g) ?? 0) + (y[i] - mu[i]) * ax);
    }
    clusters = scores.size;
    let b = 0;
    for (const s of scores.values()) b += s * s;
    variance = clusters > 1 ? (b * clusters) / (clusters - 1) : NaN;
  }
  return {beta, mu, converged, iterations, variance, clusters};
}

/** Fits the response of one channel's rows (see the module comment). */
export function fitChannelResponse(channel: string, rows: readonly ResponseRow[], options: {weekdays?: boolean; months?: boolean} = {}): ChannelResponseFit {
  const design = responseDesign(rows, options);
  const spend = rows.reduce((s, r) => s + (r.spend > 0 ? r.spend : 0), 0);
  const revenue = rows.reduce((s, r) => s + (r.spend > 0 ? r.revenue : 0), 0);
  const campaigns = design.spendColumn;
  if (design.n < design.p + 10) {
    return {channel, elasticity: NaN, standardError: NaN, spend, revenue, observations: design.n, campaigns, weeks: 0, converged: false, iterations: 0, coefficients: {}};
  }
  const fit = fitPoissonPml(design, {robustFor: design.spendColumn});
  return {
    channel,
    elasticity: fit.beta[design.spendColumn],
    standardError: Math.sqrt(fit.variance),
    spend,
    revenue,
    observations: design.n,
    campaigns,
    weeks: fit.clusters,
    converged: fit.converged,
    iterations: fit.iterations,
    coefficients: Object.fromEntries(design.names.map((name, i) => [name, fit.beta[i]]))
  };
}

/** One fit per channel present in the rows. */
export function fitChannelResponses(rows: readonly ResponseRow[], options: {weekdays?: boolean; months?: boolean} = {}): ChannelResponseFit[] {
  const byChannel = new Map<string, ResponseRow[]>();
  for (const r of rows) {
    let list = byChannel.get(r.channel);
    if (!list) byChannel.set(r.channel, (list = []));
    list.push(r);
  }
  return [...byChannel].map(([channel, list]) => fitChannelResponse(channel, list, options));
}

/** A channel as the allocator sees it: today's spend S and revenue R, and the elasticity e. */
export interface ChannelCurve {
  channel: string;
  spend: number;
  revenue: number;
  elasticity: number;
}

/** Revenue of the channels at spend multipliers m (R · m^e each). */
export function revenueAt(curves: readonly ChannelCurve[], multipliers: ArrayLike<number>): number {
  let total = 0;
  curves.forEach((c, i) => (total += c.revenue * Math.pow(multipliers[i], c.elasticity)));
  return total;
}

/** Marginal ROAS of a channel at multiplier m: d(R m^e)/d(S m) = e R m^(e−1) / S. */
export const marginalRoas = (c: ChannelCurve, m = 1) => (c.spend > 0 ? (c.elasticity * c.revenue * Math.pow(m, c.elasticity - 1)) / c.spend : NaN);

/** Largest elasticity the allocator trusts: at or above 1 there are no diminishing returns and the optimum runs to a bound. */
export const MAX_ELASTICITY = 0.98;

/**
 * Multipliers maximising revenue for total spend `budgetFactor` × today's, each within
 * [1 − maxChange, 1 + maxChange] × today's spend (and ≥ 0). Bisection on the common marginal ROAS λ.
 */
export function optimalMultipliers(curves: readonly ChannelCurve[], {budgetFactor = 1, maxChange = 0.5}: {budgetFactor?: number; maxChange?: number} = {}): number[] {
  const lo = Math.max(0, 1 - maxChange);
  const hi = 1 + maxChange;
  const total = curves.reduce((s, c) => s + c.spend, 0);
  const target = total * budgetFactor;
  if (!(total > 0)) return curves.map(() => budgetFactor);
  if (target <= lo * total) return curves.map(() => lo);
  if (target >= hi * total) return curves.map(() => hi);
  const at = (lambda: number) =>
    curves.map((c) => {
      if (!(c.spend > 0) || !(c.revenue > 0)) return lo;
      const e = Math.min(Math.max(c.elasticity, 1e-6), MAX_ELASTICITY);
      // Solve e R m^(e−1) / S = λ for m, then clip.
      const m = Math.pow((lambda * c.spend) / (e * c.revenue), 1 / (e - 1));
      return Math.min(hi, Math.max(lo, m));
    });
  const spendAt = (ms: number[]) => ms.reduce((s, m, i) => s + m * curves[i].spend, 0);
  let a = 1e-9;
  let b = 1e9;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(a * b);
    if (spendAt(at(mid)) > target) a = mid;
    else b = mid;
    if (b / a < 1 + 1e-13) break;
  }
  return at(Math.sqrt(a * b));
}

export interface GainSummary {
  /** Expected revenue change vs today (point estimate). */
  expected: number;
  /** Interval of the revenue change from the elasticity draws. */
  lower: number;
  upper: number;
  /** Share of draws with a revenue change above the budget-only baseline. */
  probabilityBetter: number;
}

export interface Recommendation {
  channels: (ChannelCurve & {standardError: number; multiplier: number; recommendedSpend: number; marginalRoasNow: number; marginalRoasAfter: number; revenueAfter: number})[];
  /** Share of the way from today's mix (scaled to the budget) to the fitted optimum that is recommended (0 = no change, 1 = the optimum). */
  step: number;
  budgetFactor: number;
  maxChange: number;
  level: number;
  /** Revenue change of the recommended mix vs today, and of the mix alone vs today's mix scaled to the same budget. */
  total: GainSummary;
  mixOnly: GainSummary;
  /** Revenue change at the fitted optimum (point estimate), for reference. */
  optimumExpected: number;
  /** Channels whose fit found no diminishing returns (elasticity ≥ MAX_ELASTICITY) or failed. */
  warnings: string[];
}

function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The recommended reallocation for curves with elasticity standard errors (see the module comment).
 * `level` is the coverage of the gain interval (default 0.9: a 5% lower bound).
 */
export function recommendReallocation(
  fits: readonly (ChannelCurve & {standardError: number})[],
  {budgetFactor = 1, maxChange = 0.5, level = 0.9, draws = 2000, seed = 7, steps = 20}: {budgetFactor?: number; maxChange?: number; level?: number; draws?: number; seed?: number; steps?: number} = {}
): Recommendation {
  const warnings: string[] = [];
  const usable = fits.filter((f) => {
    const ok = Number.isFinite(f.elasticity) && Number.isFinite(f.standardError) && f.spend > 0 && f.revenue > 0;
    if (!ok) warnings.push(`${f.channel}: too little data to fit its response; its spend is only scaled with the budget`);
    else if (f.elasticity >= MAX_ELASTICITY) warnings.push(`${f.channel}: no diminishing returns detected (elasticity ${f.elasticity.toFixed(2)}); the recommendation treats it as ${MAX_ELASTICITY} and stops at the change limit`);
    else if (f.elasticity <= 0) warnings.push(`${f.channel}: revenue does not rise with spend in this data (elasticity ${f.elasticity.toFixed(2)})`);
    return ok;
  });
  const curves = usable.map((f) => ({...f, elasticity: Math.min(Math.max(f.elasticity, 1e-6), MAX_ELASTICITY)}));
  const optimum = optimalMultipliers(curves, {budgetFactor, maxChange});
  const baseline = curves.map(() => Math.min(1 + maxChange, Math.max(Math.max(0, 1 - maxChange), budgetFactor)));
  const mixAt = (t: number) => baseline.map((b, i) => b + t * (optimum[i] - b));
  const today = curves.map(() => 1);
  // Elasticity draws: independent normals per channel (channels are fitted separately).
  const random = new Random(seed);
  const drawn: number[][] = [];
  for (let d = 0; d < draws; d++) drawn.push(usable.map((f) => f.elasticity + f.standardError * random.normal()));
  const gainOf = (ms: number[], es: number[], against: number[]) => {
    let g = 0;
    curves.forEach((c, i) => (g += c.revenue * (Math.pow(ms[i], es[i]) - Math.pow(against[i], es[i]))));
    return g;
  };
  const tail = (1 - level) / 2;
  const summarize = (ms: number[], against: number[]): GainSummary => {
    const values = Float64Array.from(drawn, (es) => gainOf(ms, es, against)).sort();
    let better = 0;
    for (const v of values) if (v > 0) better++;
    return {expected: gainOf(ms, curves.map((c) => c.elasticity), against), lower: quantile(values, tail), upper: quantile(values, 1 - tail), probabilityBetter: values.length ? better / values.length : NaN};
  };
  // The step along the path to the optimum that maximises the lower bound of the mix's gain.
  let bestStep = 0;
  let bestLower = 0;
  for (let k = 1; k <= steps; k++) {
    const t = k / steps;
    const lower = summarize(mixAt(t), baseline).lower;
    if (lower > bestLower + 1e-9) {
      bestLower = lower;
      bestStep = t;
    }
  }
  const chosen = mixAt(bestStep);
  const channels = curves.map((c, i) => ({
    ...c,
    elasticity: usable[i].elasticity,
    standardError: usable[i].standardError,
    multiplier: chosen[i],
    recommendedSpend: c.spend * chosen[i],
    marginalRoasNow: marginalRoas(c, 1),
    marginalRoasAfter: marginalRoas(c, chosen[i]),
    revenueAfter: c.revenue * Math.pow(chosen[i], c.elasticity)
  }));
  // Channels without a usable fit keep today's share of the budget.
  for (const f of fits.filter((f) => !usable.includes(f))) {
    channels.push({...f, multiplier: budgetFactor, recommendedSpend: f.spend * budgetFactor, marginalRoasNow: NaN, marginalRoasAfter: NaN, revenueAfter: NaN});
  }
  return {
    channels,
    step: bestStep,
    budgetFactor,
    maxChange,
    level,
    total: summarize(chosen, today),
    mixOnly: summarize(chosen, baseline),
    optimumExpected: revenueAt(curves, optimum) - revenueAt(curves, today),
    warnings
  };
}
