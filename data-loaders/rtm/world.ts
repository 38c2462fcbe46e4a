/**
 * The simulated platform's fixed world: cities (real names and centres), vendors (faker names,
 * categories and domains), offers with their zones, bids and required segments. It depends on the
 * seed only, never on the scale: scale changes how many subscribers walk through it.
 */
import {createFaker, type Random} from "../shared/random.js";
import {boundingBox, offsetMeters, ringToWkt, starPolygon, type BoundingBox, type Ring} from "./geo.js";
import {encodeOpenLocationCode} from "./openLocationCode.js";
import {SEGMENT_WINDOW_MS, type SegmentKind, type SegmentWindow, type VendorCategory} from "./schema.js";

export interface City {
  id: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  diameterKm: number;
  utcOffsetHours: number;
  /** Share of subscribers living there (relative weight). */
  weight: number;
}

// Centres are the cities' usual reference coordinates; offsets are standard time (no daylight saving).
export const CITIES: readonly City[] = [
  {id: 1, name: "New York", country: "United States", latitude: 40.7128, longitude: -74.006, diameterKm: 9, utcOffsetHours: -5, weight: 1.6},
  {id: 2, name: "London", country: "United Kingdom", latitude: 51.5074, longitude: -0.1278, diameterKm: 9, utcOffsetHours: 0, weight: 1.4},
  {id: 3, name: "Paris", country: "France", latitude: 48.8566, longitude: 2.3522, diameterKm: 7, utcOffsetHours: 1, weight: 1.1},
  {id: 4, name: "Tokyo", country: "Japan", latitude: 35.6762, longitude: 139.6503, diameterKm: 10, utcOffsetHours: 9, weight: 1.7},
  {id: 5, name: "Singapore", country: "Singapore", latitude: 1.3521, longitude: 103.8198, diameterKm: 8, utcOffsetHours: 8, weight: 0.9},
  {id: 6, name: "Sydney", country: "Australia", latitude: -33.8688, longitude: 151.2093, diameterKm: 8, utcOffsetHours: 10, weight: 0.8},
  {id: 7, name: "São Paulo", country: "Brazil", latitude: -23.5505, longitude: -46.6333, diameterKm: 10, utcOffsetHours: -3, weight: 1.3},
  {id: 8, name: "Toronto", country: "Canada", latitude: 43.6532, longitude: -79.3832, diameterKm: 7, utcOffsetHours: -5, weight: 0.7},
  {id: 9, name: "Berlin", country: "Germany", latitude: 52.52, longitude: 13.405, diameterKm: 8, utcOffsetHours: 1, weight: 0.9},
  {id: 10, name: "Mumbai", country: "India", latitude: 19.076, longitude: 72.8777, diameterKm: 10, utcOffsetHours: 5.5, weight: 1.5},
  {id: 11, name: "Mexico City", country: "Mexico", latitude: 19.4326, longitude: -99.1332, diameterKm: 10, utcOffsetHours: -6, weight: 1.2},
  {id: 12, name: "Lagos", country: "Nigeria", latitude: 6.5244, longitude: 3.3792, diameterKm: 9, utcOffsetHours: 1, weight: 0.8},
  {id: 13, name: "Seoul", country: "South Korea", latitude: 37.5665, longitude: 126.978, diameterKm: 9, utcOffsetHours: 9, weight: 1.2},
  {id: 14, name: "San Francisco", country: "United States", latitude: 37.7749, longitude: -122.4194, diameterKm: 6, utcOffsetHours: -8, weight: 0.6},
  {id: 15, name: "Madrid", country: "Spain", latitude: 40.4168, longitude: -3.7038, diameterKm: 7, utcOffsetHours: 1, weight: 0.8},
  {id: 16, name: "Cape Town", country: "South Africa", latitude: -33.9249, longitude: 18.4241, diameterKm: 7, utcOffsetHours: 2, weight: 0.5}
];

/** Average order value by category (USD) and how many vendors of each kind there are (weight). */
export const CATEGORY_PROFILE: Record<VendorCategory, {averageOrder: number; weight: number; items: string[]}> = {
  coffee: {averageOrder: 6.5, weight: 3, items: ["lattes", "cold brew", "pastries with any coffee"]},
  bakery: {averageOrder: 9, weight: 2, items: ["fresh croissants", "sourdough loaves", "cakes"]},
  fast_food: {averageOrder: 13, weight: 3, items: ["burger combos", "wraps", "fries"]},
  restaurant: {averageOrder: 38, weight: 2, items: ["lunch menus", "dinner for two", "tasting menus"]},
  grocery: {averageOrder: 42, weight: 2, items: ["fresh produce", "weekly baskets", "organic range"]},
  pharmacy: {averageOrder: 21, weight: 1, items: ["vitamins", "skincare", "sun care"]},
  apparel: {averageOrder: 62, weight: 2, items: ["sneakers", "denim", "the new season"]},
  electronics: {averageOrder: 160, weight: 1, items: ["headphones", "phone cases", "chargers"]},
  books: {averageOrder: 24, weight: 1, items: ["bestsellers", "comics", "travel guides"]},
  beauty: {averageOrder: 34, weight: 1, items: ["fragrances", "make-up", "hair care"]},
  sports: {averageOrder: 70, weight: 1, items: ["running shoes", "yoga gear", "bikes service"]},
  cinema: {averageOrder: 26, weight: 1, items: ["evening screenings", "popcorn combos", "premieres"]}
};

export interface Vendor {
  id: number;
  name: string;
  category: VendorCategory;
  domain: string;
  /** Relative popularity among subscribers of a city where it has stores. */
  popularity: number;
}

export interface Segment {
  id: number;
  kind: SegmentKind;
  target: string;
  window: SegmentWindow;
  windowMs: number;
}

export interface Offer {
  id: number;
  vendorId: number;
  cityId: number;
  content: string;
  maxBid: number;
  zone: Ring;
  box: BoundingBox;
  segmentIds: number[];
}

export interface World {
  cities: readonly City[];
  vendors: Vendor[];
  offers: Offer[];
  segments: Segment[];
  /** Vendors with stores in each city, by city id. */
  cityVendors: Map<number, number[]>;
  /** Points of interest per city ([lon, lat]): where walks, zones and cell segments concentrate. */
  hotspots: Map<number, [number, number][]>;
}

export const VENDOR_COUNT = 60;
export const OFFERS_PER_CITY = 6;
const HOTSPOTS_PER_CITY = 3;

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A uniform point in the disc of `radius` metres around (lon, lat). */
export function pointInDisc(random: Random, lon: number, lat: number, radius: number): [number, number] {
  const r = radius * Math.sqrt(random.uniform());
  const a = random.uniform() * 2 * Math.PI;
  return offsetMeters(lon, lat, r * Math.cos(a), r * Math.sin(a));
}

export function buildWorld(root: Random): World {
  const faker = createFaker(root.fork("vendor-names"));
  const random = root.fork("world");
  const categories = Object.keys(CATEGORY_PROFILE) as VendorCategory[];
  const categoryWeights = categories.map((c) => CATEGORY_PROFILE[c].weight);
  const vendors: Vendor[] = [];
  const domains = new Set<string>();
  for (let id = 1; id <= VENDOR_COUNT; id++) {
    const name = faker.company.name();
    let domain = `${slug(name.split(/[ ,]/)[0] + " " + (name.split(/[ ,]+/)[1] ?? ""))}.com`;
    for (let k = 2; domains.has(domain); k++) domain = domain.replace(/(-\d+)?\.com$/, `-${k}.com`);
    domains.add(domain);
    vendors.push({id, name, category: random.pickWeighted(categories, categoryWeights), domain, popularity: random.logNormal(0, 0.6)});
  }
  const cityVendors = new Map<number, number[]>();
  for (const city of CITIES) cityVendors.set(city.id, []);
  for (const v of vendors) {
    for (const city of random.sample([...CITIES], random.intBetween(5, 10))) cityVendors.get(city.id)!.push(v.id);
  }
  for (const list of cityVendors.values()) list.sort((a, b) => a - b);

  const hotspots = new Map<number, [number, number][]>();
  for (const city of CITIES) {
    const radius = (city.diameterKm * 1000) / 2;
    hotspots.set(city.id, Array.from({length: HOTSPOTS_PER_CITY}, () => pointInDisc(random, city.longitude, city.latitude, 0.45 * radius)));
  }

  const segments: Segment[] = [];
  const segmentIndex = new Map<string, number>();
  const segmentId = (kind: SegmentKind, target: string, window: SegmentWindow) => {
    const key = `${kind}|${target}|${window}`;
    let id = segmentIndex.get(key);
    if (id === undefined) {
      id = segments.length + 1;
      segments.push({id, kind, target, window, windowMs: SEGMENT_WINDOW_MS[window]});
      segmentIndex.set(key, id);
    }
    return id;
  };

  const offers: Offer[] = [];
  for (const city of CITIES) {
    const present = cityVendors.get(city.id)!;
    const chosen = random.sample(present, Math.min(OFFERS_PER_CITY, present.length)).sort((a, b) => a - b);
    const spots = hotspots.get(city.id)!;
    chosen.forEach((vendorId, k) => {
      const vendor = vendors[vendorId - 1];
      const [hx, hy] = spots[k % spots.length];
      const [cx, cy] = pointInDisc(random, hx, hy, 350);
      const zone = starPolygon(random, cx, cy, random.between(280, 650), random.intBetween(6, 9));
      const cellOf = ([x, y]: [number, number]) => encodeOpenLocationCode(y, x, 8);
      // Required segments: none (everyone in the zone), loyal buyers, recent visitors of the
      // vendor's site, people who passed the hotspot, or a combination.
      const draw = random.uniform();
      const segmentIds: number[] = [];
      if (draw < 0.3) {
        // no segment
      } else if (draw < 0.55) segmentIds.push(segmentId("vendor_purchase", String(vendorId), "week"));
      else if (draw < 0.75) segmentIds.push(segmentId("domain", vendor.domain, random.pick(["hour", "day"] as const)));
      else if (draw < 0.9) segmentIds.push(segmentId("cell", cellOf([hx, hy]), random.pick(["hour", "day"] as const)));
      else {
        segmentIds.push(segmentId("domain", vendor.domain, "week"));
        segmentIds.push(segmentId("cell", cellOf([cx, cy]), "minute"));
      }
      const profile = CATEGORY_PROFILE[vendor.category];
      const discount = random.pick([10, 15, 20, 25, 30, 40]);
      offers.push({
        id: offers.length + 1,
        vendorId,
        cityId: city.id,
        content: `${discount}% off ${random.pick(profile.items)} at ${vendor.name} ${random.pick(["for the next two hours", "today only", "this afternoon", "when you show this message", "until closing"])}`,
        maxBid: Math.round(Math.min(3, Math.max(0.06, random.logNormal(Math.log(0.35), 0.6))) * 100) / 100,
        zone,
        box: boundingBox(zone),
        segmentIds
      });
    });
  }
  return {cities: CITIES, vendors, offers, segments, cityVendors, hotspots};
}

/** The world's dimension tables in the raw schema. */
export function worldTables(world: World): Map<string, Record<string, unknown[]>> {
  return new Map<string, Record<string, unknown[]>>([
    [
      "cities",
      {
        city_id: world.cities.map((c) => c.id),
        city_name: world.cities.map((c) => c.name),
        country: world.cities.map((c) => c.country),
        latitude: world.cities.map((c) => c.latitude),
        longitude: world.cities.map((c) => c.longitude),
        diameter_km: world.cities.map((c) => c.diameterKm),
        utc_offset_hours: world.cities.map((c) => c.utcOffsetHours)
      }
    ],
    [
      "vendors",
      {
        vendor_id: world.vendors.map((v) => v.id),
        vendor_name: world.vendors.map((v) => v.name),
        category: world.vendors.map((v) => v.category),
        domain: world.vendors.map((v) => v.domain)
      }
    ],
    [
      "offers",
      {
        offer_id: world.offers.map((o) => o.id),
        vendor_id: world.offers.map((o) => o.vendorId),
        city_id: world.offers.map((o) => o.cityId),
        content: world.offers.map((o) => o.content),
        max_bid: world.offers.map((o) => o.maxBid),
        zone_wkt: world.offers.map((o) => ringToWkt(o.zone))
      }
    ],
    [
      "segments",
      {
        segment_id: world.segments.map((s) => s.id),
        kind: world.segments.map((s) => s.kind),
        target: world.segments.map((s) => s.target),
        window: world.segments.map((s) => s.window)
      }
    ],
    [
      "offer_segments",
      {
        offer_id: world.offers.flatMap((o) => o.segmentIds.map(() => o.id)),
        segment_id: world.offers.flatMap((o) => o.segmentIds)
      }
    ]
  ]);
}
