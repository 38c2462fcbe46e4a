/** Colours shared across the site (readable on the light and dark themes). */
export const CHANNEL_ORDER = ["search", "social", "display", "email", "video", "affiliate"];
// Observable 10 categorical scheme (Plot's default "observable10"), fixed per channel so a
// channel keeps its colour on every page.
export const CHANNEL_COLORS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7"];

export const channelColor = {domain: CHANNEL_ORDER, range: CHANNEL_COLORS, legend: true};

/** Spend vs revenue, used wherever the two are drawn together. */
export const SPEND_COLOR = "#ff725c";
export const REVENUE_COLOR = "#4269d0";

/** Stages of a delivery funnel (impressions, clicks, conversions): one hue family, light to dark. */
export const FUNNEL_COLORS = ["#4269d0", "#6cc5b0", "#3ca951"];

/** Good and bad news in charts (matching --good / --bad in style.css, readable on both themes). */
export const GOOD_COLOR = "#3ca951";
export const BAD_COLOR = "#ff725c";

/** A model's result against a benchmark or baseline drawn beside it (forecast backtests, test arms). */
export const MODEL_COLOR = "#4269d0";
export const BASELINE_COLOR = "#9a9a9a";

/** Attribution models (last touch … Markov), in the order the pages list them; the truth is drawn in the foreground colour. */
export const ATTRIBUTION_MODEL_ORDER = ["Last touch", "First touch", "Linear", "Time decay", "Position-based", "Markov (data-driven)"];
export const ATTRIBUTION_MODEL_COLORS = ["#ff725c", "#efb118", "#a463f2", "#97bbf5", "#9c6b4e", "#3ca951"];

/** Customer segments and other categories that are not channels (Tableau 10 order, distinct from the channel hues where possible). */
export const SEGMENT_COLORS = ["#59a14f", "#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#edc949", "#af7aa1", "#ff9da7"];
/** Sequential scheme for rates in heatmaps (Plot's name), readable on both themes. */
export const RATE_SCHEME = "blues";

/** A/B test verdicts (kinds of src/analytics/abtest.ts `verdict`). */
export const VERDICT_ORDER = ["win", "loss", "no-difference", "underpowered", "srm"];
export const VERDICT_COLORS = ["#3ca951", "#ff725c", "#9a9a9a", "#efb118", "#a463f2"];

/** Real-time marketing: notified vs control exposures, the simulated truth, and map marks. */
export const RTM_COLORS = {
  notified: "#4269d0",
  control: "#9a9a9a",
  truth: "#ff725c",
  purchase: "#3ca951",
  zone: "#efb118",
  revenue: "#4269d0",
  cost: "#ff725c"
};
/** Sequential scheme for conversion rates on maps (Plot scheme name). */
export const RTM_RATE_SCHEME = "viridis";
