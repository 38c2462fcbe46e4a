/**
 * MegaMart's product catalogue and price promotions: four categories with sub-categories, each
 * with a price range and a true gross margin, so product and category profit are knowable. The
 * catalogue is the same at every scale (320 products); popularity within a category follows a
 * Zipf law, so a few products sell most (as in real retail).
 */
import type {Random} from "../shared/random.js";
import type {Category} from "./schema.js";

interface SubcategorySpec {
  name: string;
  /** Price range of its products, SGD (log-uniform). */
  minPrice: number;
  maxPrice: number;
  nouns: readonly string[];
}

interface CategorySpec {
  category: Category;
  /** True mean gross margin (price − cost) / price; products vary around it by ±5 points. */
  margin: number;
  products: number;
  brands: readonly string[];
  subcategories: readonly SubcategorySpec[];
  /** Base probability that a line of this category is returned. */
  returnRate: number;
}

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  {
    category: "electronics",
    margin: 0.16,
    products: 70,
    returnRate: 0.035,
    brands: ["Voltra", "Kirin Tech", "Novalux", "Zenbeam", "Orbit", "Pulse Audio"],
    subcategories: [
      {name: "phones", minPrice: 180, maxPrice: 1600, nouns: ["Smartphone", "Phone Lite", "Phone Pro"]},
      {name: "laptops", minPrice: 600, maxPrice: 2600, nouns: ["Notebook", "Ultrabook", "Laptop Air"]},
      {name: "audio", minPrice: 25, maxPrice: 450, nouns: ["Wireless Earbuds", "Headphones", "Bluetooth Speaker", "Soundbar"]},
      {name: "tv & display", minPrice: 280, maxPrice: 2400, nouns: ["4K TV", "Smart Monitor", "OLED TV"]},
      {name: "small appliances", minPrice: 30, maxPrice: 520, nouns: ["Air Fryer", "Rice Cooker", "Blender", "Air Purifier", "Robot Vacuum"]},
      {name: "accessories", minPrice: 9, maxPrice: 90, nouns: ["Charger", "USB-C Cable", "Power Bank", "Phone Case"]}
    ]
  },
  {
    category: "fashion",
    margin: 0.52,
    products: 80,
    returnRate: 0.09,
    brands: ["Lumen", "Kopi Club", "Marina Lane", "Sora", "Tanjong", "Urban Monsoon"],
    subcategories: [
      {name: "women", minPrice: 19, maxPrice: 140, nouns: ["Linen Dress", "Blouse", "Midi Skirt", "Cardigan"]},
      {name: "men", minPrice: 19, maxPrice: 130, nouns: ["Polo Shirt", "Chinos", "Oxford Shirt", "Shorts"]},
      {name: "kids", minPrice: 9, maxPrice: 60, nouns: ["Kids Tee", "School Shoes", "Kids Pyjamas"]},
      {name: "shoes", minPrice: 29, maxPrice: 180, nouns: ["Sneakers", "Sandals", "Loafers"]},
      {name: "bags & accessories", minPrice: 12, maxPrice: 160, nouns: ["Tote Bag", "Backpack", "Cap", "Wallet"]}
    ]
  },
  {
    category: "groceries",
    margin: 0.23,
    products: 110,
    returnRate: 0.004,
    brands: ["MegaMart Value", "Golden Harvest", "Pasar Fresh", "Island Dairy", "Kampong Kitchen", "Sunrise"],
    subcategories: [
      {name: "fresh produce", minPrice: 1.5, maxPrice: 12, nouns: ["Bananas", "Kai Lan", "Mandarin Oranges", "Tomatoes", "Durian Pack"]},
      {name: "dairy & eggs", minPrice: 2.2, maxPrice: 14, nouns: ["Fresh Milk", "Eggs 10s", "Greek Yoghurt", "Cheddar"]},
      {name: "rice & noodles", minPrice: 2.5, maxPrice: 32, nouns: ["Jasmine Rice 5kg", "Mee Pok", "Bee Hoon", "Instant Noodles 5s"]},
      {name: "beverages", minPrice: 1.2, maxPrice: 28, nouns: ["Kopi-O Sachets", "Green Tea", "Soy Milk", "Sparkling Water"]},
      {name: "snacks", minPrice: 1.5, maxPrice: 18, nouns: ["Pineapple Tarts", "Love Letters", "Crackers", "Kaya Spread"]},
      {name: "household", minPrice: 2.5, maxPrice: 26, nouns: ["Detergent", "Dishwashing Liquid", "Tissue 10s", "Trash Bags"]}
    ]
  },
  {
    category: "home goods",
    margin: 0.41,
    products: 60,
    returnRate: 0.03,
    brands: ["Casa Merlion", "Rumah", "Nordic Kampung", "Bamboo & Co", "Hearth"],
    subcategories: [
      {name: "kitchenware", minPrice: 8, maxPrice: 160, nouns: ["Wok", "Knife Set", "Steamer", "Cookware Set"]},
      {name: "bedding", minPrice: 19, maxPrice: 260, nouns: ["Bedsheet Set", "Pillow", "Comforter"]},
      {name: "furniture", minPrice: 59, maxPrice: 900, nouns: ["Bookshelf", "Study Desk", "Sofa Bed", "Dining Chair"]},
      {name: "storage", minPrice: 6, maxPrice: 80, nouns: ["Storage Box", "Shoe Rack", "Laundry Basket"]},
      {name: "decor", minPrice: 8, maxPrice: 120, nouns: ["Table Lamp", "Photo Frame", "Scented Candle", "Festive Lantern"]}
    ]
  }
];

export interface Product {
  id: string;
  name: string;
  category: Category;
  subcategory: string;
  brand: string;
  listPrice: number;
  unitCost: number;
  /** Relative popularity within the category (Zipf). */
  popularity: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Prices end in .90 or .50 (or whole dollars above S$100), as shelf prices do. */
function shelfPrice(x: number): number {
  if (x >= 100) return Math.round(x) - 0.1;
  return Math.max(0.9, Math.floor(x) + (x - Math.floor(x) >= 0.5 ? 0.9 : 0.5));
}

/** The catalogue: products per category in a fixed order, ids P0001…, from the generator. */
export function buildCatalog(random: Random): Product[] {
  const products: Product[] = [];
  for (const spec of CATEGORY_SPECS) {
    for (let i = 0; i < spec.products; i++) {
      const sub = spec.subcategories[i % spec.subcategories.length];
      const price = shelfPrice(Math.exp(random.between(Math.log(sub.minPrice), Math.log(sub.maxPrice))));
      const margin = Math.min(0.8, Math.max(0.03, spec.margin + random.between(-0.05, 0.05)));
      const brand = random.pick(spec.brands);
      const noun = random.pick(sub.nouns);
      const model = 100 + random.int(900);
      products.push({
        id: `P${String(products.length + 1).padStart(4, "0")}`,
        name: `${brand} ${noun} ${model}`,
        category: spec.category,
        subcategory: sub.name,
        brand,
        listPrice: price,
        unitCost: round2(price * (1 - margin)),
        // Zipf with exponent 1 by a random rank (set below), so popularity is not tied to the id order.
        popularity: 0
      });
    }
    const start = products.length - spec.products;
    const ranks = random.shuffle(Array.from({length: spec.products}, (_, k) => k + 1));
    // Cheaper products sell more units: popularity also falls with price (elasticity 0.7 across the range).
    const median = products.slice(start).map((p) => p.listPrice).sort((a, b) => a - b)[spec.products >> 1];
    for (let k = 0; k < spec.products; k++) products[start + k].popularity = (1 / ranks[k]) * Math.pow(products[start + k].listPrice / median, -0.7);
  }
  return products;
}

export interface Promotion {
  id: string;
  name: string;
  start: string;
  end: string;
  category: Category | null;
  scope: "all" | "online" | "store";
  discount: number;
}

/** Seasonal sales plus a payday weekend on groceries each month (last Friday to Sunday). */
export function buildPromotions(): Promotion[] {
  const promos: Promotion[] = [];
  const add = (name: string, start: string, end: string, category: Category | null, scope: Promotion["scope"], discount: number) =>
    promos.push({id: `PR${String(promos.length + 1).padStart(3, "0")}`, name, start, end, category, scope, discount});
  for (const year of [2023, 2024]) {
    const cny = year === 2023 ? ["2023-01-08", "2023-01-23"] : ["2024-01-27", "2024-02-11"];
    add(`CNY ${year} groceries`, cny[0], cny[1], "groceries", "all", 0.1);
    add(`CNY ${year} new clothes`, cny[0], cny[1], "fashion", "all", 0.15);
    const gss = year === 2023 ? ["2023-06-01", "2023-07-09"] : ["2024-05-31", "2024-07-07"];
    add(`GSS ${year} fashion`, gss[0], gss[1], "fashion", "all", 0.2);
    add(`GSS ${year} electronics`, gss[0], gss[1], "electronics", "all", 0.1);
    add(`11.11 ${year} online sale`, `${year}-11-10`, `${year}-11-12`, null, "online", 0.15);
    add(`Christmas ${year} home`, `${year}-12-01`, `${year}-12-26`, "home goods", "all", 0.15);
    add(`Christmas ${year} gadgets`, `${year}-12-01`, `${year}-12-26`, "electronics", "all", 0.08);
    for (let month = 0; month < 12; month++) {
      const last = new Date(Date.UTC(year, month + 1, 0));
      const friday = new Date(last);
      friday.setUTCDate(last.getUTCDate() - ((last.getUTCDay() + 2) % 7));
      const sunday = new Date(friday);
      sunday.setUTCDate(friday.getUTCDate() + 2);
      add(`Payday weekend ${friday.toISOString().slice(0, 7)}`, friday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10), "groceries", "all", 0.05);
    }
  }
  return promos;
}
