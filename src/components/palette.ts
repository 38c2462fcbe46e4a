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

/** Olist marketplace: sales measures, delivery against the promise, model comparisons and scores. */
export const OLIST_COLORS = {
  revenue: "#4269d0",
  orders: "#efb118",
  onTime: "#3ca951",
  late: "#ff725c",
  model: "#4269d0",
  alternative: "#a463f2",
  truth: "#ff725c",
  random: "#9a9a9a",
  popular: "#9a9a9a"
};
/** Review scores 1-5, red to green (readable on light and dark backgrounds). */
export const OLIST_SCORE_COLORS = ["#d6453d", "#ff8c5a", "#efb118", "#8fc46c", "#3ca951"];
/** Sequential schemes (Plot names): money on the map, rates in the cohort heatmap. */
export const OLIST_MAP_SCHEME = "blues";
export const OLIST_RATE_SCHEME = "purples";

/** MegaMart: order channels, store regions (and Online), product categories, message channels. */
export const MEGAMART_CHANNEL_ORDER = ["store", "web", "app"];
export const MEGAMART_CHANNEL_COLORS = ["#4269d0", "#efb118", "#3ca951"];
export const MEGAMART_REGION_ORDER = ["Central", "East", "North", "North-East", "West", "Online"];
export const MEGAMART_REGION_COLORS = ["#4269d0", "#ff725c", "#6cc5b0", "#a463f2", "#efb118", "#9a9a9a"];
export const MEGAMART_CATEGORY_ORDER = ["electronics", "fashion", "groceries", "home goods"];
export const MEGAMART_CATEGORY_COLORS = ["#4269d0", "#ff8ab7", "#3ca951", "#9c6b4e"];
export const MEGAMART_MESSAGE_ORDER = ["email", "sms", "push"];
export const MEGAMART_MESSAGE_COLORS = ["#4269d0", "#efb118", "#a463f2"];
/** Diverging scheme for growth (Plot name): red for decline, blue for growth, readable on both themes. */
export const MEGAMART_GROWTH_SCHEME = "rdbu";

/** Alyce clients and gifts: services (in the simulation's order; a real file's extra services take the rest of SEGMENT_COLORS), send sizes, the concentration curve. */
export const ALYCE_SERVICE_ORDER = ["One-to-one gifting", "Swag Select", "Gift Marketplace", "Event gifting", "Direct mail"];
export const ALYCE_SERVICE_COLORS = ["#4269d0", "#efb118", "#3ca951", "#a463f2", "#ff725c", "#6cc5b0", "#ff8ab7", "#9c6b4e"];
export const ALYCE_SEND_SIZE_COLORS = {Single: "#4269d0", Bulk: "#efb118"};
export const ALYCE_CLIENT_COLORS = {revenue: "#4269d0", clients: "#efb118", fee: "#3ca951", equality: "#9a9a9a"};
/** Sequential schemes (Plot names): active share in the cohort heatmap, money in the industry × region and recipient heatmaps. */
export const ALYCE_RATE_SCHEME = "blues";
export const ALYCE_MONEY_SCHEME = "purples";

/** Alyce market mix: media levers (extra levers of a real file cycle through the rest), the non-media parts of sales, and budget scenarios. */
export const ALYCE_LEVER_ORDER = ["tv", "search", "social", "display"];
export const ALYCE_LEVER_COLORS = ["#a463f2", "#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#ff8ab7", "#9c6b4e", "#97bbf5"];
export const ALYCE_BASE_COLORS = {baseline: "#9a9a9a", price_promotions: "#3ca951", holidays: "#6cc5b0", market_index: "#9c6b4e"};
export const ALYCE_SCENARIO_ORDER = ["Recommended", "Current mix", "Equal split"];
export const ALYCE_SCENARIO_COLORS = ["#3ca951", "#9a9a9a", "#97bbf5"];
