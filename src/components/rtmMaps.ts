/**
 * Maps of the real-time marketing report, drawn with Plot's geo marks and no tile server: the
 * cities on a projected globe frame (sphere and graticule), and one offer's zone with where its
 * notifications and credited purchases happened.
 */
import * as Plot from "npm:@observablehq/plot";
import {RTM_COLORS, RTM_RATE_SCHEME} from "./palette.js";

export interface CityConversion {
  city_name: string;
  latitude: number;
  longitude: number;
  notifications: number;
  conversion: number;
}

export function rtmCityMap(cities: CityConversion[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: Math.round(width * 0.52),
    projection: "equal-earth",
    color: {type: "linear", scheme: RTM_RATE_SCHEME, label: "Notifications followed by a credited purchase", legend: true, tickFormat: ".1%"},
    r: {range: [3, width < 500 ? 9 : 15]},
    marks: [
      Plot.sphere({stroke: "currentColor", strokeOpacity: 0.35}),
      Plot.graticule({stroke: "currentColor", strokeOpacity: 0.12}),
      Plot.dot(cities, {
        x: "longitude",
        y: "latitude",
        r: "notifications",
        fill: "conversion",
        stroke: "currentColor",
        strokeWidth: 0.6,
        channels: {City: "city_name", Notifications: "notifications", Conversion: "conversion"},
        tip: {format: {x: false, y: false, r: false, fill: false, Notifications: ",d", Conversion: ".2%"}}
      }),
      width >= 560 ? Plot.text(cities, {x: "longitude", y: "latitude", text: "city_name", dx: 9, textAnchor: "start", fontSize: 10, fill: "currentColor"}) : null
    ]
  });
}

export interface ZoneEvent {
  kind: string;
  latitude: number;
  longitude: number;
  converted: boolean;
}

/** One offer's geofence (a GeoJSON polygon) with its notifications (coloured by whether a purchase followed) and credited purchases. */
export function rtmZoneMap(zone: {type: "Polygon"; coordinates: number[][][]}, events: ZoneEvent[], {width = 640}: {width?: number} = {}) {
  // Fit the zone (where every notification is); purchases elsewhere fall outside the frame.
  const domain = zone;
  const notifications = events.filter((e) => e.kind === "notification").map((e) => ({...e, outcome: e.converted ? "Notification, purchase followed" : "Notification, no purchase"}));
  const purchases = events.filter((e) => e.kind !== "notification");
  return Plot.plot({
    width,
    height: Math.min(520, Math.round(width * 0.8)),
    projection: {type: "mercator", domain, inset: 24},
    color: {domain: ["Notification, no purchase", "Notification, purchase followed"], range: [RTM_COLORS.control, RTM_COLORS.notified], legend: true},
    marks: [
      Plot.geo(zone, {fill: RTM_COLORS.zone, fillOpacity: 0.18, stroke: RTM_COLORS.zone, strokeWidth: 2}),
      Plot.dot(notifications, {x: "longitude", y: "latitude", r: 2.5, fill: "outcome", fillOpacity: 0.75, tip: {format: {x: ".5f", y: ".5f"}}}),
      Plot.dot(purchases, {clip: "frame", x: "longitude", y: "latitude", symbol: "star", r: 5, fill: RTM_COLORS.purchase, stroke: "var(--theme-background, white)", strokeWidth: 0.5, title: () => "Credited purchase"})
    ]
  });
}
