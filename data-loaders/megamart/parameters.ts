/**
 * The true parameters of MegaMart's simulated business, kept so that tests and pages can check
 * what the models recover: the planted customer segments and their buying behaviour (a BG/NBD
 * process: Poisson purchases at rate λ while alive, dropping out with probability p after each
 * purchase, so lifetime value is knowable), the planted churn drivers (which shift p), the true
 * cost of acquisition per channel, and each campaign test's true effect and who it moves.
 */
import type {AcquisitionChannel, Category, MessageChannel, SpendChannel} from "./schema.js";

export const SEGMENTS = ["Affluent loyalists", "Family stock-up", "Deal seekers", "Tech upgraders", "One-and-done"] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface SegmentTruth {
  segment: Segment;
  /** Mean purchase rate while alive, per week (gamma across members, shape `rateShape`). */
  weeklyRate: number;
  /** Mean dropout probability after a purchase, before the churn drivers (on the logit scale). */
  dropout: number;
  /** Mean extra lines per basket (lines = 1 + Poisson(basket × the member's basket factor)). */
  basket: number;
  /** Category weights of a basket line. */
  mix: Record<Category, number>;
  /** Mean share of orders placed online. */
  onlineShare: number;
  /** Purchase-rate multiplier while a promotion runs. */
  promoSensitivity: number;
  /** Multiplier of a campaign's base effect (who campaigns move). */
  campaignResponse: number;
  /** Age range at the start of the window. */
  age: [number, number];
}

export const RATE_SHAPE = 3;

export const SEGMENT_TRUTH: Record<Segment, SegmentTruth> = {
  "Affluent loyalists": {segment: "Affluent loyalists", weeklyRate: 0.3, dropout: 0.025, basket: 6, mix: {electronics: 0.22, fashion: 0.2, groceries: 0.2, "home goods": 0.38}, onlineShare: 0.4, promoSensitivity: 1, campaignResponse: 0.2, age: [35, 68]},
  "Family stock-up": {segment: "Family stock-up", weeklyRate: 0.4, dropout: 0.04, basket: 5, mix: {electronics: 0.03, fashion: 0.08, groceries: 0.8, "home goods": 0.09}, onlineShare: 0.3, promoSensitivity: 1.2, campaignResponse: 0.6, age: [30, 52]},
  "Deal seekers": {segment: "Deal seekers", weeklyRate: 0.1, dropout: 0.12, basket: 1.6, mix: {electronics: 0.12, fashion: 0.55, groceries: 0.2, "home goods": 0.13}, onlineShare: 0.7, promoSensitivity: 3.5, campaignResponse: 2.6, age: [20, 45]},
  "Tech upgraders": {segment: "Tech upgraders", weeklyRate: 0.05, dropout: 0.1, basket: 0.8, mix: {electronics: 0.75, fashion: 0.08, groceries: 0.07, "home goods": 0.1}, onlineShare: 0.7, promoSensitivity: 1.4, campaignResponse: 0.7, age: [20, 42]},
  "One-and-done": {segment: "One-and-done", weeklyRate: 0.08, dropout: 0.6, basket: 2, mix: {electronics: 0.08, fashion: 0.14, groceries: 0.6, "home goods": 0.18}, onlineShare: 0.2, promoSensitivity: 1, campaignResponse: 1.2, age: [18, 75]}
};

/** Segment mix of new members by acquisition channel (rows sum to 1, in SEGMENTS order). */
export const SEGMENT_MIX_BY_CHANNEL: Record<AcquisitionChannel, readonly number[]> = {
  in_store: [0.14, 0.4, 0.14, 0.07, 0.25],
  organic: [0.14, 0.2, 0.22, 0.18, 0.26],
  paid_search: [0.1, 0.18, 0.2, 0.27, 0.25],
  paid_social: [0.06, 0.14, 0.38, 0.1, 0.32],
  display: [0.06, 0.16, 0.3, 0.12, 0.36],
  affiliate: [0.07, 0.12, 0.42, 0.12, 0.27],
  referral: [0.22, 0.3, 0.14, 0.1, 0.24]
};

/** Share of new members by acquisition channel. */
export const ACQUISITION_SHARE: Record<AcquisitionChannel, number> = {
  in_store: 0.32,
  organic: 0.12,
  paid_search: 0.18,
  paid_social: 0.2,
  display: 0.05,
  affiliate: 0.06,
  referral: 0.07
};

/** True cost per acquired member on an ordinary day (SGD); peak seasons cost 25% more (busier auctions). */
export const TRUE_CAC: Record<SpendChannel, number> = {paid_search: 42, paid_social: 28, display: 75, affiliate: 33, referral: 18};
export const PEAK_CAC_FACTOR = 1.25;

/**
 * The planted churn drivers: log-odds added to a member's dropout probability p. Gender and age
 * have no effect (a model should find none). Independent of the segment, so they are drivers on
 * top of behaviour.
 */
export const CHURN_DRIVERS = {
  /** Members with a high propensity to return goods (dissatisfied): 15% of members, 3.5× the returns (at least 15% of lines). */
  highReturner: 1.2,
  /** Acquired through paid social ads. */
  paidSocial: 0.55,
  /** Uses the app. */
  appUser: -0.7,
  /** In the paid loyalty tier. */
  loyaltyTier: -0.5
} as const;

export const HIGH_RETURNER_SHARE = 0.15;
export const HIGH_RETURNER_FACTOR = 3.5;
/** A high returner sends back at least this share of lines, whatever the category. */
export const HIGH_RETURNER_FLOOR = 0.15;
export const APP_USER_SHARE = 0.45;
export const LOYALTY_TIER_SHARE = 0.25;

/** A campaign test and its true effect (the probability that a live member makes an extra purchase because of the message). */
export interface CampaignTruth {
  id: string;
  name: string;
  channel: MessageChannel;
  sendDate: string;
  windowDays: number;
  offerA: string;
  offerB: string | null;
  discountA: number;
  discountB: number | null;
  controlShare: number;
  costPerSend: number;
  audience: string;
  /** Eligible: opted in to the channel and last purchase between these many days before the send. */
  lastPurchaseWithin: [number, number];
  /** Base probability of an extra purchase for a typical member, per variant. */
  effectA: number;
  effectB: number | null;
  /** Share of control assignments lost by a logging bug (sample ratio mismatch), 0 for none. */
  lostControlShare: number;
}

export const CAMPAIGNS: readonly CampaignTruth[] = [
  {id: "C01", name: "CNY 2023 reunion feast", channel: "email", sendDate: "2023-01-10", windowDays: 10, offerA: "12% off groceries", offerB: "Free delivery", discountA: 0.12, discountB: 0, controlShare: 0.2, costPerSend: 0.004, audience: "E-mail opt-ins who bought in the last 180 days", lastPurchaseWithin: [0, 180], effectA: 0.05, effectB: 0.03, lostControlShare: 0},
  {id: "C02", name: "GSS 2023 flash SMS", channel: "sms", sendDate: "2023-06-05", windowDays: 7, offerA: "S$10 off S$80", offerB: null, discountA: 0.1, discountB: null, controlShare: 0.3, costPerSend: 0.045, audience: "SMS opt-ins who bought in the last 365 days", lastPurchaseWithin: [0, 365], effectA: 0.04, effectB: null, lostControlShare: 0},
  {id: "C03", name: "App deals push", channel: "push", sendDate: "2023-08-18", windowDays: 5, offerA: "App-only 8% off", offerB: "Double points", discountA: 0.08, discountB: 0, controlShare: 0.5, costPerSend: 0.001, audience: "Push opt-ins", lastPurchaseWithin: [0, 730], effectA: 0.03, effectB: 0.008, lostControlShare: 0},
  {id: "C04", name: "11.11 2023 e-mail", channel: "email", sendDate: "2023-11-08", windowDays: 6, offerA: "Extra 11% off online", offerB: null, discountA: 0.11, discountB: null, controlShare: 0.2, costPerSend: 0.004, audience: "E-mail opt-ins who bought in the last 365 days", lastPurchaseWithin: [0, 365], effectA: 0.06, effectB: null, lostControlShare: 0},
  {id: "C05", name: "Christmas 2023 gift guide", channel: "push", sendDate: "2023-12-08", windowDays: 10, offerA: "Gift guide", offerB: null, discountA: 0, discountB: null, controlShare: 0.3, costPerSend: 0.001, audience: "Push opt-ins", lastPurchaseWithin: [0, 730], effectA: 0.015, effectB: null, lostControlShare: 0},
  {id: "C06", name: "Win-back 2024", channel: "email", sendDate: "2024-03-05", windowDays: 21, offerA: "S$15 voucher", offerB: "20% off", discountA: 0.15, discountB: 0.2, controlShare: 0.25, costPerSend: 0.004, audience: "E-mail opt-ins whose last purchase was 90-365 days ago", lastPurchaseWithin: [90, 365], effectA: 0.05, effectB: 0.06, lostControlShare: 0},
  {id: "C07", name: "GSS 2024 flash SMS", channel: "sms", sendDate: "2024-06-03", windowDays: 7, offerA: "S$10 off S$80", offerB: null, discountA: 0.1, discountB: null, controlShare: 0.3, costPerSend: 0.045, audience: "SMS opt-ins who bought in the last 365 days", lastPurchaseWithin: [0, 365], effectA: 0.04, effectB: null, lostControlShare: 0.25},
  {id: "C08", name: "11.11 2024 e-mail", channel: "email", sendDate: "2024-11-07", windowDays: 6, offerA: "Extra 11% off online", offerB: null, discountA: 0.11, discountB: null, controlShare: 0.5, costPerSend: 0.004, audience: "E-mail opt-ins who bought in the last 365 days", lastPurchaseWithin: [0, 365], effectA: 0.06, effectB: null, lostControlShare: 0},
  {id: "C09", name: "Christmas 2024 push", channel: "push", sendDate: "2024-12-05", windowDays: 10, offerA: "Gift guide", offerB: "Free gift wrap + 5% off", discountA: 0, discountB: 0.05, controlShare: 0.3, costPerSend: 0.001, audience: "Push opt-ins", lastPurchaseWithin: [0, 730], effectA: 0.015, effectB: 0.035, lostControlShare: 0}
];

/** The campaign whose test (half control) checks the uplift model, and the earlier test of the same offer it also learns from. */
export const UPLIFT_CAMPAIGN = "C08";
export const UPLIFT_TRAINING_CAMPAIGNS = ["C04"];

/**
 * Who a campaign moves: the base effect times the segment's `campaignResponse`, times
 * exp(UPLIFT_RECENCY × [bought in the 30 days before the send]) and exp(UPLIFT_YOUNG × [under 35]),
 * capped at UPLIFT_CAP. Dead members (dropped out) do not respond.
 */
export const UPLIFT_RECENCY = 0.8;
export const UPLIFT_YOUNG = 0.5;
export const UPLIFT_CAP = 0.35;

/** Message funnel probabilities per channel (opened: of delivered; clicked: of opened, or of delivered for SMS, which has no open tracking). */
export const FUNNEL: Record<MessageChannel, {delivered: number; opened: number | null; clicked: number}> = {
  email: {delivered: 0.965, opened: 0.24, clicked: 0.14},
  sms: {delivered: 0.985, opened: null, clicked: 0.045},
  push: {delivered: 0.9, opened: 0.09, clicked: 0.4}
};

/** Share of e-mail clicks with no open event (images blocked, so the open pixel never loaded). */
export const CLICK_WITHOUT_OPEN = 0.08;

/** Noise planted in the raw exports (share of rows), each cleaned and counted by a staging rule. */
export const NOISE = {
  storeRegionVariants: 0.2,
  storeAreaCase: 0.12,
  productCategoryVariants: 0.06,
  productMissingCost: 0.03,
  customerDuplicates: 0.015,
  customerEmailCase: 0.05,
  customerGenderMissing: 0.08,
  customerGenderWords: 0.1,
  customerBadBirthYear: 0.005,
  customerChannelVariants: 0.04,
  orderDuplicates: 0.008,
  orderChannelVariants: 0.03,
  testOrders: 0.001,
  itemDuplicates: 0.005,
  itemMissingPrice: 0.01,
  itemVoidedLines: 0.007,
  returnOverRefund: 0.02,
  eventDuplicates: 0.02,
  eventTypeVariants: 0.02,
  spendDuplicates: 0.01
} as const;
