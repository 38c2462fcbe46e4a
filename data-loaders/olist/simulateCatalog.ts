/**
 * The supply side of the simulated marketplace: sellers (São Paulo-heavy, each in a real city with
 * a zip prefix of that city) and products (category, price, package, theme, bundle, quality and
 * launch day), plus the samplers the demand side draws products from month by month.
 */
import type {Random} from "../shared/random.js";
import {BUNDLE_SIZE, CATEGORIES, THEMES} from "./catalog.js";
import {CITIES, STATE_INFO, type City} from "./geography.js";

export interface Seller {
  id: string;
  city: City;
  zip: number;
  /** Mean days from approval to hand-over to the carrier. */
  handlingDays: number;
  /** Extra probability of a slow hand-over (a badly run shop). */
  sloppiness: number;
  /** Category indices it sells. */
  categories: number[];
}

export interface Product {
  id: string;
  index: number;
  category: number;
  theme: number;
  /** Planted bundle id (global): products bought together or one after another. */
  bundle: number;
  price: number;
  /** log(price / category median): the product's price position in its category. */
  priceLevel: number;
  weightG: number;
  lengthCm: number;
  heightCm: number;
  widthCm: number;
  nameLength: number;
  descriptionLength: number;
  photos: number;
  /** Latent quality (adds to review scores). */
  quality: number;
  /** Base popularity (lognormal). */
  popularity: number;
  /** Day it went on sale (days since epoch); -Infinity for products on sale from the start. */
  launchDay: number;
  seller: number;
  /** The public data has products without a category; the simulation blanks a few the same way. */
  categoryMissing: boolean;
}

/** 32 lowercase hex digits, like the dataset's hashed keys. */
export function hexId(random: Random): string {
  let s = "";
  for (let k = 0; k < 4; k++) s += random.nextUint32().toString(16).padStart(8, "0");
  return s;
}

/** Index drawn from fixed weights by binary search on their running sum (O(log n) per draw). */
export class CumulativeSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;
  constructor(
    readonly items: Int32Array,
    weights: ArrayLike<number>
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i];
    this.total = sum;
  }
  draw(random: Random): number {
    const u = random.uniform() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

function pickCity(random: Random, stateWeights: (s: (typeof STATE_INFO)[number]) => number): City {
  const state = random.pickWeighted(STATE_INFO, STATE_INFO.map(stateWeights)).state;
  const cities = CITIES.filter((c) => c.state === state);
  return random.pickWeighted(cities, cities.map((c) => c.weight));
}

export function pickCustomerCity(random: Random): City {
  return pickCity(random, (s) => s.customerShare);
}

export function zipIn(city: City, random: Random): number {
  return random.intBetween(city.zipFrom, city.zipTo);
}

export function simulateSellers(random: Random, count: number): Seller[] {
  const sellers: Seller[] = [];
  for (let i = 0; i < count; i++) {
    const city = pickCity(random, (s) => s.sellerShare);
    // Every category gets at least one seller; then sellers pick one or two categories by share.
    const first = i < CATEGORIES.length ? i : random.weightedIndex(CATEGORIES.map((c) => c.share));
    const categories = [first];
    if (random.bernoulli(0.3)) {
      const second = random.weightedIndex(CATEGORIES.map((c) => c.share));
      if (second !== first) categories.push(second);
    }
    sellers.push({
      id: hexId(random),
      city,
      zip: zipIn(city, random),
      handlingDays: random.logNormal(Math.log(2.2), 0.45),
      sloppiness: random.bernoulli(0.12) ? random.between(0.15, 0.4) : random.between(0, 0.04),
      categories
    });
  }
  return sellers;
}

export function simulateProducts(random: Random, count: number, sellers: readonly Seller[], startDay: number, days: number): Product[] {
  // Products per category grow less than proportionally with the category's sales (long tails are
  // longer in small categories); every category and theme gets some.
  const categoryWeights = CATEGORIES.map((c) => Math.pow(c.share, 0.8));
  const sellersByCategory = CATEGORIES.map((_, k) => sellers.map((s, i) => (s.categories.includes(k) ? i : -1)).filter((i) => i >= 0));
  const sellerSize = sellers.map(() => random.logNormal(0, 1.1));
  const products: Product[] = [];
  for (let index = 0; index < count; index++) {
    const category = index < CATEGORIES.length ? index : random.weightedIndex(categoryWeights);
    const info = CATEGORIES[category];
    const themesWith = THEMES.map((t, k) => (t.categories[info.name] ? k : -1)).filter((k) => k >= 0);
    const theme = themesWith.length ? random.pickWeighted(themesWith, themesWith.map((k) => THEMES[k].categories[info.name])) : random.int(THEMES.length);
    const priceLevel = random.normal(0, info.priceSpread);
    const price = Math.max(4.9, Math.round(info.medianPrice * Math.exp(priceLevel)) - 0.1);
    const weightG = Math.max(50, Math.round(info.weight * Math.exp(random.normal(0, 0.7) + 0.3 * priceLevel)));
    const side = Math.cbrt(weightG / 0.25); // cm, package density about 0.25 g/cm³
    const candidates = sellersByCategory[category];
    const seller = candidates.length ? random.pickWeighted(candidates, candidates.map((s) => sellerSize[s])) : random.int(sellers.length);
    const launched = random.bernoulli(0.3);
    products.push({
      id: hexId(random),
      index,
      category,
      theme,
      bundle: -1,
      price,
      priceLevel,
      weightG,
      lengthCm: Math.max(7, Math.round(side * random.between(0.9, 1.6))),
      heightCm: Math.max(2, Math.round(side * random.between(0.4, 1))),
      widthCm: Math.max(6, Math.round(side * random.between(0.7, 1.2))),
      nameLength: random.intBetween(18, 64),
      descriptionLength: Math.round(random.logNormal(Math.log(600), 0.7)) + 20,
      photos: 1 + random.poisson(1.2),
      quality: random.normal(0, 0.45),
      popularity: random.logNormal(0, 1.0),
      launchDay: launched ? startDay + random.int(Math.floor(days * 0.9)) : -Infinity,
      seller,
      categoryMissing: random.bernoulli(0.015)
    });
  }
  // Bundles: the products of a theme, shuffled, in groups of BUNDLE_SIZE.
  let bundle = 0;
  for (let t = 0; t < THEMES.length; t++) {
    const members = random.shuffle(products.filter((p) => p.theme === t));
    for (let k = 0; k < members.length; k += BUNDLE_SIZE) {
      for (const p of members.slice(k, k + BUNDLE_SIZE)) p.bundle = bundle;
      bundle++;
    }
  }
  return products;
}

/** Popularity multiplier of a product on a day: new launches sell well, then settle. */
export function lifecycle(product: Product, day: number): number {
  if (product.launchDay === -Infinity) return 1;
  const age = day - product.launchDay;
  if (age < 0) return 0;
  return 0.6 + 2.4 * Math.exp(-age / 120);
}

/** How strongly a shopper's price taste tilts choices: weight × exp(tilt × priceLevel). */
export const PRICE_TILTS = [-1.2, 0, 1.6] as const;

/**
 * Month-by-month samplers: for each month, price taste and theme (or the whole catalogue), a
 * sampler over products weighted by popularity × category share × lifecycle × price tilt.
 */
export class ProductSamplers {
  private readonly samplers = new Map<string, CumulativeSampler>();
  readonly themeMembers: Int32Array[];
  readonly bundleMembers: Map<number, number[]>;
  constructor(
    private readonly products: readonly Product[],
    private readonly startDay: number
  ) {
    this.themeMembers = THEMES.map((_, t) => Int32Array.from(products.filter((p) => p.theme === t).map((p) => p.index)));
    this.bundleMembers = new Map();
    for (const p of products) {
      const list = this.bundleMembers.get(p.bundle) ?? [];
      list.push(p.index);
      this.bundleMembers.set(p.bundle, list);
    }
  }
  private weight(p: Product, day: number, tilt: number, withinTheme: boolean): number {
    // Within a theme, category shares matter less (a gamer buys the theme's audio too).
    const share = withinTheme ? Math.sqrt(CATEGORIES[p.category].share) : CATEGORIES[p.category].share;
    return (p.popularity * share * lifecycle(p, day) * Math.exp(tilt * p.priceLevel)) / Math.max(1, countInCategory(this.products, p.category));
  }
  /** A product for a shopper with this price taste, from a theme (or anywhere with theme = -1), on a day. */
  draw(random: Random, day: number, tiltIndex: number, theme: number): number {
    const month = Math.floor((day - this.startDay) / 30.5);
    const key = `${month}:${tiltIndex}:${theme}`;
    let sampler = this.samplers.get(key);
    if (!sampler) {
      const mid = this.startDay + Math.round((month + 0.5) * 30.5);
      const items = theme < 0 ? Int32Array.from(this.products.map((p) => p.index)) : this.themeMembers[theme];
      const weights = Float64Array.from(items, (i) => this.weight(this.products[i], mid, PRICE_TILTS[tiltIndex], theme >= 0));
      sampler = new CumulativeSampler(items, weights);
      this.samplers.set(key, sampler);
    }
    // A product launched later in the month is not for sale yet: draw again (rarely needed).
    for (let attempt = 0; attempt < 20; attempt++) {
      const index = sampler.draw(random);
      if (this.products[index].launchDay <= day) return index;
    }
    return sampler.draw(random);
  }
}

const categoryCounts = new WeakMap<readonly Product[], Int32Array>();
function countInCategory(products: readonly Product[], category: number): number {
  let counts = categoryCounts.get(products);
  if (!counts) {
    counts = new Int32Array(CATEGORIES.length);
    for (const p of products) counts[p.category]++;
    categoryCounts.set(products, counts);
  }
  return counts[category];
}
