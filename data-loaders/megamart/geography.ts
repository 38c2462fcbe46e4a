/**
 * Singapore's planning areas where MegaMart has stores, with the URA planning region of each and
 * an approximate centre (WGS84, rounded to about 100 m; from public maps of the town centres, not
 * survey data), and the 50 stores of the simulation. Residents per area (in thousands, rounded,
 * approximately the 2020 census) weight where simulated members live.
 */
import type {Region} from "./schema.js";

export interface PlanningArea {
  name: string;
  region: Region;
  latitude: number;
  longitude: number;
  /** Approximate residents, thousands. */
  residents: number;
}

export const PLANNING_AREAS: readonly PlanningArea[] = [
  {name: "Downtown Core", region: "Central", latitude: 1.287, longitude: 103.853, residents: 3},
  {name: "Orchard", region: "Central", latitude: 1.305, longitude: 103.832, residents: 1},
  {name: "Bukit Merah", region: "Central", latitude: 1.282, longitude: 103.823, residents: 150},
  {name: "Queenstown", region: "Central", latitude: 1.294, longitude: 103.786, residents: 96},
  {name: "Toa Payoh", region: "Central", latitude: 1.334, longitude: 103.856, residents: 120},
  {name: "Bishan", region: "Central", latitude: 1.351, longitude: 103.848, residents: 87},
  {name: "Novena", region: "Central", latitude: 1.320, longitude: 103.844, residents: 49},
  {name: "Kallang", region: "Central", latitude: 1.311, longitude: 103.866, residents: 100},
  {name: "Geylang", region: "Central", latitude: 1.320, longitude: 103.892, residents: 110},
  {name: "Marine Parade", region: "Central", latitude: 1.302, longitude: 103.907, residents: 46},
  {name: "Bukit Timah", region: "Central", latitude: 1.329, longitude: 103.802, residents: 78},
  {name: "Tampines", region: "East", latitude: 1.353, longitude: 103.945, residents: 260},
  {name: "Bedok", region: "East", latitude: 1.324, longitude: 103.930, residents: 280},
  {name: "Pasir Ris", region: "East", latitude: 1.373, longitude: 103.949, residents: 150},
  {name: "Changi", region: "East", latitude: 1.340, longitude: 103.987, residents: 2},
  {name: "Woodlands", region: "North", latitude: 1.436, longitude: 103.786, residents: 255},
  {name: "Yishun", region: "North", latitude: 1.429, longitude: 103.835, residents: 225},
  {name: "Sembawang", region: "North", latitude: 1.449, longitude: 103.820, residents: 105},
  {name: "Ang Mo Kio", region: "North-East", latitude: 1.370, longitude: 103.849, residents: 163},
  {name: "Hougang", region: "North-East", latitude: 1.371, longitude: 103.893, residents: 227},
  {name: "Sengkang", region: "North-East", latitude: 1.392, longitude: 103.895, residents: 250},
  {name: "Punggol", region: "North-East", latitude: 1.405, longitude: 103.902, residents: 175},
  {name: "Serangoon", region: "North-East", latitude: 1.350, longitude: 103.873, residents: 117},
  {name: "Jurong West", region: "West", latitude: 1.340, longitude: 103.706, residents: 260},
  {name: "Jurong East", region: "West", latitude: 1.333, longitude: 103.742, residents: 76},
  {name: "Bukit Batok", region: "West", latitude: 1.349, longitude: 103.750, residents: 158},
  {name: "Bukit Panjang", region: "West", latitude: 1.378, longitude: 103.762, residents: 138},
  {name: "Choa Chu Kang", region: "West", latitude: 1.385, longitude: 103.745, residents: 190},
  {name: "Clementi", region: "West", latitude: 1.315, longitude: 103.765, residents: 92},
  {name: "Tengah", region: "West", latitude: 1.364, longitude: 103.727, residents: 10}
];

export type StoreFormat = "hypermarket" | "supermarket" | "express";

export interface StoreSite {
  id: string;
  name: string;
  planningArea: string;
  format: StoreFormat;
  /** Offset from the planning area's centre, in degrees (so two stores in one area do not overlap). */
  dLat: number;
  dLon: number;
  opened: string;
}

const site = (id: number, name: string, planningArea: string, format: StoreFormat, dLat: number, dLon: number, opened: string): StoreSite => ({
  id: `S${String(id).padStart(3, "0")}`,
  name: `MegaMart ${name}`,
  planningArea,
  format,
  dLat,
  dLon,
  opened
});

/** The 50 stores. Three opened during the simulated two years (new-store ramp-up shows in the league table). */
export const STORE_SITES: readonly StoreSite[] = [
  site(1, "Raffles Place", "Downtown Core", "express", 0, 0, "2012-03-01"),
  site(2, "Marina Bay", "Downtown Core", "supermarket", -0.005, 0.006, "2015-06-15"),
  site(3, "Orchard Road", "Orchard", "supermarket", 0, 0, "2010-11-01"),
  site(4, "Somerset", "Orchard", "express", -0.004, 0.006, "2018-02-01"),
  site(5, "Tiong Bahru", "Bukit Merah", "supermarket", 0.004, 0.005, "2011-05-01"),
  site(6, "Telok Blangah", "Bukit Merah", "express", -0.006, -0.006, "2016-09-01"),
  site(7, "Queenstown", "Queenstown", "supermarket", 0, 0, "2009-04-01"),
  site(8, "Toa Payoh Central", "Toa Payoh", "hypermarket", 0, 0, "2008-01-15"),
  site(9, "Bishan Junction", "Bishan", "supermarket", 0, 0, "2010-08-01"),
  site(10, "Novena Square", "Novena", "express", 0, 0, "2014-03-01"),
  site(11, "Kallang Wave", "Kallang", "supermarket", 0, 0, "2015-10-01"),
  site(12, "Geylang East", "Geylang", "supermarket", 0, 0, "2012-07-01"),
  site(13, "Paya Lebar", "Geylang", "express", -0.003, -0.006, "2019-11-01"),
  site(14, "Parkway Parade", "Marine Parade", "hypermarket", 0, 0, "2007-09-01"),
  site(15, "Bukit Timah Plaza", "Bukit Timah", "supermarket", 0, 0, "2011-02-01"),
  site(16, "Tampines Central", "Tampines", "hypermarket", 0, 0, "2006-05-01"),
  site(17, "Tampines East", "Tampines", "supermarket", 0.002, 0.012, "2013-04-01"),
  site(18, "Tampines West", "Tampines", "express", -0.005, -0.012, "2017-08-01"),
  site(19, "Bedok Mall", "Bedok", "hypermarket", 0, 0, "2008-06-01"),
  site(20, "Bedok North", "Bedok", "supermarket", 0.01, 0.002, "2014-12-01"),
  site(21, "Pasir Ris", "Pasir Ris", "supermarket", 0, 0, "2010-02-01"),
  site(22, "Changi City Point", "Changi", "express", 0, 0, "2016-04-01"),
  site(23, "Causeway Point", "Woodlands", "hypermarket", 0, 0, "2007-03-01"),
  site(24, "Woodlands North", "Woodlands", "supermarket", 0.008, 0.004, "2018-06-01"),
  site(25, "Yishun Northpoint", "Yishun", "hypermarket", 0, 0, "2008-10-01"),
  site(26, "Yishun Ring", "Yishun", "express", -0.008, 0.006, "2020-01-15"),
  site(27, "Sembawang", "Sembawang", "supermarket", 0, 0, "2012-11-01"),
  site(28, "Ang Mo Kio Hub", "Ang Mo Kio", "hypermarket", 0, 0, "2006-09-01"),
  site(29, "Ang Mo Kio North", "Ang Mo Kio", "express", 0.009, -0.004, "2019-05-01"),
  site(30, "Hougang Mall", "Hougang", "supermarket", 0, 0, "2009-07-01"),
  site(31, "Hougang Green", "Hougang", "express", 0.006, 0.008, "2021-03-01"),
  site(32, "Compass One", "Sengkang", "hypermarket", 0, 0, "2011-09-01"),
  site(33, "Sengkang West", "Sengkang", "supermarket", 0.002, -0.01, "2023-09-01"),
  site(34, "Waterway Point", "Punggol", "supermarket", 0, 0, "2016-01-15"),
  site(35, "Punggol Digital District", "Punggol", "express", 0.008, 0.01, "2024-05-01"),
  site(36, "NEX Serangoon", "Serangoon", "hypermarket", 0, 0, "2010-12-01"),
  site(37, "Jurong Point", "Jurong West", "hypermarket", 0, 0, "2006-11-01"),
  site(38, "Jurong West Central", "Jurong West", "supermarket", 0.006, 0.008, "2015-03-01"),
  site(39, "JEM", "Jurong East", "hypermarket", 0, 0, "2013-12-01"),
  site(40, "Westgate", "Jurong East", "supermarket", 0.001, -0.005, "2014-06-01"),
  site(41, "Bukit Batok West", "Bukit Batok", "supermarket", 0, 0, "2012-04-01"),
  site(42, "Bukit Panjang Plaza", "Bukit Panjang", "supermarket", 0, 0, "2011-06-01"),
  site(43, "Lot One", "Choa Chu Kang", "hypermarket", 0, 0, "2009-09-01"),
  site(44, "Yew Tee", "Choa Chu Kang", "express", 0.012, 0.001, "2017-02-01"),
  site(45, "Clementi Mall", "Clementi", "supermarket", 0, 0, "2011-11-01"),
  site(46, "West Coast", "Clementi", "express", -0.01, -0.004, "2018-10-01"),
  site(47, "Tengah Garden", "Tengah", "express", 0, 0, "2024-02-01"),
  site(48, "Serangoon Gardens", "Serangoon", "express", 0.012, -0.006, "2015-08-01"),
  site(49, "Kembangan", "Bedok", "express", -0.006, -0.014, "2019-07-01"),
  site(50, "Holland Village", "Bukit Timah", "express", -0.018, -0.007, "2013-05-01")
];

/** Sales floor per format, sq ft (mean; stores vary ±20%). */
export const FORMAT_SIZE: Record<StoreFormat, number> = {hypermarket: 60_000, supermarket: 18_000, express: 4_500};

/** Relative till traffic per format (guests and members alike). */
export const FORMAT_TRAFFIC: Record<StoreFormat, number> = {hypermarket: 3.2, supermarket: 1.6, express: 0.7};

export function planningArea(name: string): PlanningArea {
  const area = PLANNING_AREAS.find((a) => a.name === name);
  if (!area) throw new Error(`unknown planning area "${name}"`);
  return area;
}

/** Great-circle distance in km (haversine), for store choice. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
