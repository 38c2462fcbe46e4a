/**
 * Open Location Code (plus code) encoding: a latitude and longitude become a short code naming the
 * grid cell that holds them. The real-time platform records each location tick's cell as an 8-digit
 * code (a cell of 1/400° × 1/400°, about 275 m at the equator, e.g. "87G8Q257+").
 *
 * Algorithm: Google's Open Location Code specification (github.com/google/open-location-code,
 * Documentation/Specification/specification.md), the integer "reverse encoding": latitude and
 * longitude are floored to integers at the finest resolution (2.5e7 and 8.192e6 per degree),
 * latitude clipped and longitude normalised, then digits 15..11 come from a 5 × 4 grid and
 * digits 10..1 from base-20 pairs. Tests (test/rtm/openLocationCode.test.ts) run the
 * specification's published encoding vectors (test_data/encoding.csv).
 */

export const OLC_ALPHABET = "23456789CFGHJMPQRVWX";
const SEPARATOR_POSITION = 8;
const PAIR_CODE_LENGTH = 10;
const MAX_DIGITS = 15;
const LAT_PRECISION = 25_000_000; // 20^3 * 5^5 per degree: the finest latitude step
const LNG_PRECISION = 8_192_000; // 20^3 * 4^5 per degree
const LAT_RANGE = 180 * LAT_PRECISION;
const LNG_RANGE = 360 * LNG_PRECISION;

/**
 * floor(degrees × precision), after rounding the product to 6 decimals: 40.6 × 2.5e7 is
 * 1014999999.9999999 in binary floating point, and the published vectors expect 1015000000 (the
 * reference implementations round the same way before truncating).
 */
function floorScaled(degrees: number, precision: number): number {
  return Math.floor(Math.round(degrees * precision * 1e6) / 1e6);
}

/** The integer coordinates of the specification's "prerequisites" step. */
export function olcIntegers(latitude: number, longitude: number): {lat: number; lng: number} {
  let lat = floorScaled(latitude, LAT_PRECISION) + 90 * LAT_PRECISION;
  if (lat < 0) lat = 0;
  else if (lat >= LAT_RANGE) lat = LAT_RANGE - 1;
  // Longitudes beyond ±180° lose integer precision once multiplied: take whole turns off first.
  const lon = Math.abs(longitude) >= 180 ? longitude - 360 * Math.trunc(longitude / 360) : longitude;
  let lng = floorScaled(lon, LNG_PRECISION) + 180 * LNG_PRECISION;
  lng = ((lng % LNG_RANGE) + LNG_RANGE) % LNG_RANGE;
  return {lat, lng};
}

/**
 * The plus code of a location at `length` digits (2, 4, 6, 8, 10 or 11..15; longer requests give
 * 15). Codes shorter than 8 digits are padded with "0" before the "+".
 */
export function encodeOpenLocationCode(latitude: number, longitude: number, length = PAIR_CODE_LENGTH): string {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new Error(`encodeOpenLocationCode: latitude and longitude must be finite numbers, got ${latitude}, ${longitude}`);
  if (length < 2 || (length < PAIR_CODE_LENGTH && length % 2 === 1)) throw new Error(`encodeOpenLocationCode: length must be an even number from 2 to 10 or 11 to 15, got ${length}`);
  const digits = Math.min(length, MAX_DIGITS);
  let {lat, lng} = olcIntegers(latitude, longitude);
  const code: string[] = new Array(MAX_DIGITS);
  // Digits 15..11: one character per step from a grid of 5 rows (latitude) by 4 columns.
  for (let i = MAX_DIGITS - 1; i >= PAIR_CODE_LENGTH; i--) {
    code[i] = OLC_ALPHABET[(lat % 5) * 4 + (lng % 4)];
    lat = Math.floor(lat / 5);
    lng = Math.floor(lng / 4);
  }
  // Digits 10..1: latitude then longitude in base 20.
  for (let i = PAIR_CODE_LENGTH - 2; i >= 0; i -= 2) {
    code[i] = OLC_ALPHABET[lat % 20];
    code[i + 1] = OLC_ALPHABET[lng % 20];
    lat = Math.floor(lat / 20);
    lng = Math.floor(lng / 20);
  }
  if (digits >= SEPARATOR_POSITION) return code.slice(0, SEPARATOR_POSITION).join("") + "+" + code.slice(SEPARATOR_POSITION, digits).join("");
  return code.slice(0, digits).join("") + "0".repeat(SEPARATOR_POSITION - digits) + "+";
}

/**
 * A number naming the 8-digit cell of a location (row × 144000 + column of the 1/400° grid), equal
 * for two locations exactly when their 8-digit codes are equal: the simulation compares and caches
 * cells by this key instead of building strings on every tick.
 */
export function olcCellKey8(latitude: number, longitude: number): number {
  const {lat, lng} = olcIntegers(latitude, longitude);
  return Math.floor(lat / 62_500) * 144_000 + Math.floor(lng / 20_480);
}

/** A memoised 8-digit encoder: the same code as `encodeOpenLocationCode(lat, lng, 8)`. */
export function createCellEncoder(): (latitude: number, longitude: number) => {key: number; code: string} {
  const cache = new Map<number, string>();
  return (latitude, longitude) => {
    const key = olcCellKey8(latitude, longitude);
    let code = cache.get(key);
    if (code === undefined) cache.set(key, (code = encodeOpenLocationCode(latitude, longitude, 8)));
    return {key, code};
  };
}
