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
