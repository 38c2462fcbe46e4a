/**
 * What is in each basket, what it cost, and what came back. Lines per order: 1 + Poisson(the
 * segment's basket size × the member's basket factor; smaller online). Each line's category comes
 * from the member's category weights tilted by the season and, for the promotion-sensitive,
 * towards categories on promotion; the product within the category by its Zipf popularity. A
 * promotion active for the category, channel and day discounts the line. Lines come back with the
 * category's return rate, 3.5× (and at least 15%) for members with a high return propensity, 1.4× online.
 */
import type {Random} from "../shared/random.js";
import {DAYS, SEASON_CATEGORY_TILT, SEASON_OF_DAY, dayIndex} from "./calendar.js";
import {CATEGORY_SPECS, type Product, type Promotion} from "./catalog.js";
import {HIGH_RETURNER_FACTOR, HIGH_RETURNER_FLOOR, SEGMENTS, SEGMENT_TRUTH} from "./parameters.js";
import {CATEGORIES, RETURN_REASONS} from "./schema.js";
import type {Members} from "./simulateMembers.js";

/** Every basket line, column by column in typed arrays (millions of lines at large scale). */
export interface Lines {
  order: Int32Array; // index of the order (in output order)
  lineNumber: Int32Array;
  product: Int32Array;
  quantity: Int32Array;
  unitPrice: Float64Array;
  promo: Int32Array; // index into promotions, -1 none
  /** Return day, -1 when kept. */
  returnDay: Int32Array;
  returnReason: Int32Array;
}

/** A typed column grown by doubling, for lines whose count is known only at the end. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(private values: T, private readonly make: (n: number) => T) {}
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  /** The values pushed (a view, no copy). */
  done(): T {
    return this.values.subarray(0, this.length) as T;
  }
}

const ints = () => new Column(new Int32Array(1 << 16), (n) => new Int32Array(n));

const GUEST_MIX = [0.08, 0.14, 0.66, 0.12];
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Products of each category with cumulative popularity, for drawing. */
function productTables(products: readonly Product[]) {
  return CATEGORIES.map((category) => {
    const ids: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    products.forEach((p, k) => {
      if (p.category !== category) return;
      total += p.popularity;
      ids.push(k);
      cumulative.push(total);
    });
    return {ids, cumulative: cumulative.map((c) => c / total)};
  });
}

function drawProduct(random: Random, table: {ids: number[]; cumulative: number[]}): number {
  const u = random.uniform();
  let lo = 0;
  let hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return table.ids[lo];
}

/** Best promotion per day, category and place (0 store, 1 online): index or -1. */
function promotionTable(promotions: readonly Promotion[]): Int16Array {
  const table = new Int16Array(DAYS * 4 * 2).fill(-1);
  promotions.forEach((p, k) => {
    for (let d = Math.max(0, dayIndex(p.start)); d <= Math.min(DAYS - 1, dayIndex(p.end)); d++) {
      for (let c = 0; c < 4; c++) {
        if (p.category !== null && p.category !== CATEGORIES[c]) continue;
        for (let place = 0; place < 2; place++) {
          if ((p.scope === "online" && place === 0) || (p.scope === "store" && place === 1)) continue;
          const at = (d * 4 + c) * 2 + place;
          const current = table[at];
          if (current < 0 || promotions[current].discount < p.discount) table[at] = k;
        }
      }
    }
  });
  return table;
}

const meanQuantity = (category: number, familyish: boolean) => (category === 2 ? 1 + (familyish ? 0.9 : 0.5) : 1.06);

/**
 * A member's expected order value at list prices (SGD): expected lines × the mean line value of
 * their category weights. Ignores seasons and promotions (a few percent); the truth the lifetime
 * value pages compare against.
 */
export function orderValueEstimator(members: Members, products: readonly Product[]): (i: number) => number {
  const tables = productTables(products);
  const lineValue = tables.map((t) => {
    let value = 0;
    let prev = 0;
    t.ids.forEach((k, j) => {
      value += (t.cumulative[j] - prev) * products[k].listPrice;
      prev = t.cumulative[j];
    });
    return value;
  });
  return (i) => {
    const segment = SEGMENT_TRUTH[SEGMENTS[members.segment[i]]];
    const family = segment.segment === "Family stock-up";
    const omega = members.onlineShare[i];
    const lines = 1 + segment.basket * members.basketFactor[i] * (1 - omega + 0.8 * omega);
    let line = 0;
    for (let c = 0; c < 4; c++) line += members.mix[4 * i + c] * lineValue[c] * meanQuantity(c, family);
    return lines * line;
  };
}

export function simulateBaskets(
  random: Random,
  orders: {member: Int32Array; day: Int32Array; channel: Uint8Array},
  members: Members,
  products: readonly Product[],
  promotions: readonly Promotion[]
): Lines {
  const rnd = random.fork("baskets");
  const tables = productTables(products);
  const promoAt = promotionTable(promotions);
  const returnRate = CATEGORIES.map((c) => CATEGORY_SPECS.find((s) => s.category === c)!.returnRate);
  const lines = {order: ints(), lineNumber: ints(), product: ints(), quantity: ints(), unitPrice: new Column(new Float64Array(1 << 16), (n) => new Float64Array(n)), promo: ints(), returnDay: ints(), returnReason: ints()};
  const weights = new Float64Array(4);
  for (let o = 0; o < orders.member.length; o++) {
    const i = orders.member[o];
    const d = orders.day[o];
    const online = orders.channel[o] !== 0;
    const place = online ? 1 : 0;
    const segment = i >= 0 ? SEGMENT_TRUTH[SEGMENTS[members.segment[i]]] : null;
    const family = segment?.segment === "Family stock-up";
    const basket = segment ? segment.basket * members.basketFactor[i] : 1.2;
    const count = Math.min(30, 1 + rnd.poisson(basket * (online ? 0.8 : 1)));
    const season = SEASON_OF_DAY[d];
    const tilt = season ? SEASON_CATEGORY_TILT[season] : {};
    for (let c = 0; c < 4; c++) {
      const base = i >= 0 ? members.mix[4 * i + c] : GUEST_MIX[c];
      const onPromo = promoAt[(d * 4 + c) * 2 + place] >= 0;
      weights[c] = base * (tilt[CATEGORIES[c]] ?? 1) * (onPromo && segment ? segment.promoSensitivity : 1);
    }
    const highReturner = i >= 0 && members.highReturner[i] === 1;
    const onlineFactor = online ? 1.4 : 1;
    for (let l = 0; l < count; l++) {
      const c = rnd.weightedIndex(weights);
      const k = drawProduct(rnd, tables[c]);
      const quantity = c === 2 ? 1 + rnd.poisson(meanQuantity(c, family) - 1) : rnd.uniform() < 0.06 ? 2 : 1;
      const promo = promoAt[(d * 4 + c) * 2 + place];
      const price = promo >= 0 ? round2(products[k].listPrice * (1 - promotions[promo].discount)) : products[k].listPrice;
      let returnDay = -1;
      let reason = -1;
      const rate = (highReturner ? Math.max(HIGH_RETURNER_FLOOR, HIGH_RETURNER_FACTOR * returnRate[c]) : returnRate[c]) * onlineFactor;
      if (rnd.uniform() < rate) {
        const day = d + 2 + rnd.int(25);
        if (day < DAYS) {
          returnDay = day;
          reason = c === 1 ? rnd.weightedIndex([0.05, 0.05, 0.5, 0.15, 0.2, online ? 0.05 : 0]) : rnd.weightedIndex([0.25, 0.3, 0, 0.2, 0.2, online ? 0.05 : 0]);
        }
      }
      lines.order.push(o);
      lines.lineNumber.push(l + 1);
      lines.product.push(k);
      lines.quantity.push(quantity);
      lines.unitPrice.push(price);
      lines.promo.push(promo);
      lines.returnDay.push(returnDay);
      lines.returnReason.push(reason);
    }
  }
  return {
    order: lines.order.done(),
    lineNumber: lines.lineNumber.done(),
    product: lines.product.done(),
    quantity: lines.quantity.done(),
    unitPrice: lines.unitPrice.done(),
    promo: lines.promo.done(),
    returnDay: lines.returnDay.done(),
    returnReason: lines.returnReason.done()
  };
}

export {RETURN_REASONS};
