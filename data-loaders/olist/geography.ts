/**
 * Brazil as the simulation sees it: the 27 states with their region and the share of the
 * marketplace's customers and sellers in each (rounded shares of the kind the public Olist data
 * shows: São Paulo about 42% of customers and 60% of sellers), and real cities with approximate
 * coordinates and the zip code (CEP) prefix range the Correios assign them. The cities and ranges
 * are public facts; the shares are simulation parameters, not measurements.
 */
import type {State} from "./schema.js";

export type Region = "Norte" | "Nordeste" | "Centro-Oeste" | "Sudeste" | "Sul";

export interface StateInfo {
  state: State;
  name: string;
  region: Region;
  /** Share of customers (weights; normalised where used). */
  customerShare: number;
  /** Share of sellers (weights). */
  sellerShare: number;
}

export const STATE_INFO: readonly StateInfo[] = [
  {state: "SP", name: "São Paulo", region: "Sudeste", customerShare: 42.0, sellerShare: 59.7},
  {state: "RJ", name: "Rio de Janeiro", region: "Sudeste", customerShare: 12.9, sellerShare: 5.5},
  {state: "MG", name: "Minas Gerais", region: "Sudeste", customerShare: 11.7, sellerShare: 7.9},
  {state: "RS", name: "Rio Grande do Sul", region: "Sul", customerShare: 5.5, sellerShare: 4.2},
  {state: "PR", name: "Paraná", region: "Sul", customerShare: 5.1, sellerShare: 11.3},
  {state: "SC", name: "Santa Catarina", region: "Sul", customerShare: 3.7, sellerShare: 6.1},
  {state: "BA", name: "Bahia", region: "Nordeste", customerShare: 3.4, sellerShare: 0.6},
  {state: "DF", name: "Distrito Federal", region: "Centro-Oeste", customerShare: 2.2, sellerShare: 0.9},
  {state: "ES", name: "Espírito Santo", region: "Sudeste", customerShare: 2.0, sellerShare: 0.8},
  {state: "GO", name: "Goiás", region: "Centro-Oeste", customerShare: 2.0, sellerShare: 1.3},
  {state: "PE", name: "Pernambuco", region: "Nordeste", customerShare: 1.7, sellerShare: 0.3},
  {state: "CE", name: "Ceará", region: "Nordeste", customerShare: 1.3, sellerShare: 0.4},
  {state: "PA", name: "Pará", region: "Norte", customerShare: 1.0, sellerShare: 0.1},
  {state: "MT", name: "Mato Grosso", region: "Centro-Oeste", customerShare: 0.9, sellerShare: 0.1},
  {state: "MA", name: "Maranhão", region: "Nordeste", customerShare: 0.75, sellerShare: 0.1},
  {state: "MS", name: "Mato Grosso do Sul", region: "Centro-Oeste", customerShare: 0.7, sellerShare: 0.1},
  {state: "PB", name: "Paraíba", region: "Nordeste", customerShare: 0.55, sellerShare: 0.2},
  {state: "PI", name: "Piauí", region: "Nordeste", customerShare: 0.5, sellerShare: 0.1},
  {state: "RN", name: "Rio Grande do Norte", region: "Nordeste", customerShare: 0.5, sellerShare: 0.2},
  {state: "AL", name: "Alagoas", region: "Nordeste", customerShare: 0.4, sellerShare: 0.05},
  {state: "SE", name: "Sergipe", region: "Nordeste", customerShare: 0.35, sellerShare: 0.05},
  {state: "TO", name: "Tocantins", region: "Norte", customerShare: 0.3, sellerShare: 0.05},
  {state: "RO", name: "Rondônia", region: "Norte", customerShare: 0.25, sellerShare: 0.1},
  {state: "AM", name: "Amazonas", region: "Norte", customerShare: 0.15, sellerShare: 0.05},
  {state: "AC", name: "Acre", region: "Norte", customerShare: 0.08, sellerShare: 0.03},
  {state: "AP", name: "Amapá", region: "Norte", customerShare: 0.07, sellerShare: 0.02},
  {state: "RR", name: "Roraima", region: "Norte", customerShare: 0.05, sellerShare: 0.02}
];

export interface City {
  /** As the Olist files write cities: lower case, no accents. */
  city: string;
  state: State;
  lat: number;
  lng: number;
  /** Share of the state's people living there, as a weight. */
  weight: number;
  /** First and last 5-digit zip prefix of the city's CEP range (inclusive). */
  zipFrom: number;
  zipTo: number;
}

// [city, state, lat, lng, weight within state, first zip prefix, last zip prefix]
const CITY_ROWS: [string, State, number, number, number, number, number][] = [
  ["sao paulo", "SP", -23.55, -46.63, 40, 1000, 5999],
  ["campinas", "SP", -22.91, -47.06, 4.5, 13000, 13139],
  ["guarulhos", "SP", -23.46, -46.53, 4.5, 7000, 7399],
  ["sao bernardo do campo", "SP", -23.69, -46.56, 3, 9600, 9899],
  ["santo andre", "SP", -23.66, -46.53, 2.8, 9000, 9299],
  ["osasco", "SP", -23.53, -46.79, 2.5, 6000, 6299],
  ["santos", "SP", -23.96, -46.33, 2.2, 11000, 11099],
  ["sorocaba", "SP", -23.5, -47.46, 2.2, 18000, 18109],
  ["ribeirao preto", "SP", -21.18, -47.81, 2.2, 14000, 14114],
  ["sao jose dos campos", "SP", -23.18, -45.89, 2.2, 12200, 12248],
  ["jundiai", "SP", -23.19, -46.88, 1.4, 13200, 13219],
  ["piracicaba", "SP", -22.73, -47.65, 1.3, 13400, 13432],
  ["bauru", "SP", -22.31, -49.06, 1.2, 17000, 17109],
  ["sao jose do rio preto", "SP", -20.82, -49.38, 1.4, 15000, 15104],
  ["mogi das cruzes", "SP", -23.52, -46.19, 1.4, 8700, 8899],
  ["barueri", "SP", -23.51, -46.88, 0.9, 6400, 6499],
  ["franca", "SP", -20.54, -47.4, 1, 14400, 14414],
  ["taubate", "SP", -23.03, -45.56, 1, 12000, 12119],
  ["diadema", "SP", -23.69, -46.62, 1.3, 9900, 9999],
  ["carapicuiba", "SP", -23.52, -46.84, 1.2, 6300, 6399],
  ["rio de janeiro", "RJ", -22.91, -43.17, 50, 20000, 23799],
  ["niteroi", "RJ", -22.88, -43.1, 7, 24000, 24399],
  ["sao goncalo", "RJ", -22.83, -43.05, 7, 24400, 24799],
  ["duque de caxias", "RJ", -22.79, -43.31, 6, 25000, 25299],
  ["nova iguacu", "RJ", -22.76, -43.45, 5, 26000, 26099],
  ["petropolis", "RJ", -22.51, -43.18, 2.5, 25600, 25779],
  ["campos dos goytacazes", "RJ", -21.75, -41.32, 3, 28000, 28099],
  ["volta redonda", "RJ", -22.52, -44.1, 2, 27200, 27299],
  ["belo horizonte", "MG", -19.92, -43.94, 30, 30000, 31999],
  ["contagem", "MG", -19.93, -44.05, 7, 32000, 32399],
  ["juiz de fora", "MG", -21.76, -43.35, 7, 36000, 36099],
  ["uberlandia", "MG", -18.92, -48.28, 8, 38400, 38419],
  ["betim", "MG", -19.97, -44.2, 4, 32500, 32699],
  ["montes claros", "MG", -16.73, -43.86, 4, 39400, 39409],
  ["uberaba", "MG", -19.75, -47.93, 3.5, 38000, 38099],
  ["ipatinga", "MG", -19.47, -42.54, 2.5, 35160, 35164],
  ["vitoria", "ES", -20.32, -40.34, 30, 29000, 29099],
  ["vila velha", "ES", -20.33, -40.29, 30, 29100, 29129],
  ["serra", "ES", -20.13, -40.31, 25, 29160, 29179],
  ["cariacica", "ES", -20.26, -40.42, 15, 29140, 29159],
  ["salvador", "BA", -12.97, -38.5, 55, 40000, 42599],
  ["feira de santana", "BA", -12.27, -38.97, 20, 44000, 44099],
  ["vitoria da conquista", "BA", -14.86, -40.84, 15, 45000, 45099],
  ["ilheus", "BA", -14.79, -39.05, 10, 45650, 45659],
  ["aracaju", "SE", -10.91, -37.07, 100, 49000, 49099],
  ["recife", "PE", -8.05, -34.88, 50, 50000, 52999],
  ["jaboatao dos guararapes", "PE", -8.11, -35.01, 20, 54000, 54499],
  ["olinda", "PE", -8.01, -34.86, 12, 53000, 53399],
  ["caruaru", "PE", -8.28, -35.98, 10, 55000, 55099],
  ["petrolina", "PE", -9.39, -40.5, 8, 56300, 56329],
  ["maceio", "AL", -9.67, -35.74, 80, 57000, 57099],
  ["arapiraca", "AL", -9.75, -36.66, 20, 57300, 57319],
  ["joao pessoa", "PB", -7.12, -34.86, 65, 58000, 58099],
  ["campina grande", "PB", -7.23, -35.88, 35, 58400, 58449],
  ["natal", "RN", -5.79, -35.21, 75, 59000, 59159],
  ["mossoro", "RN", -5.19, -37.34, 25, 59600, 59649],
  ["fortaleza", "CE", -3.73, -38.53, 75, 60000, 61599],
  ["caucaia", "CE", -3.74, -38.66, 13, 61600, 61699],
  ["juazeiro do norte", "CE", -7.21, -39.31, 12, 63000, 63099],
  ["teresina", "PI", -5.09, -42.8, 80, 64000, 64099],
  ["parnaiba", "PI", -2.9, -41.78, 20, 64200, 64219],
  ["sao luis", "MA", -2.53, -44.3, 75, 65000, 65099],
  ["imperatriz", "MA", -5.53, -47.49, 25, 65900, 65919],
  ["belem", "PA", -1.46, -48.49, 55, 66000, 66999],
  ["ananindeua", "PA", -1.37, -48.37, 20, 67000, 67199],
  ["santarem", "PA", -2.44, -54.71, 13, 68000, 68109],
  ["maraba", "PA", -5.37, -49.12, 12, 68500, 68509],
  ["macapa", "AP", 0.03, -51.07, 100, 68900, 68914],
  ["manaus", "AM", -3.12, -60.02, 100, 69000, 69099],
  ["boa vista", "RR", 2.82, -60.67, 100, 69300, 69339],
  ["rio branco", "AC", -9.97, -67.81, 100, 69900, 69924],
  ["brasilia", "DF", -15.79, -47.88, 80, 70000, 71999],
  ["taguatinga", "DF", -15.83, -48.06, 20, 72000, 72199],
  ["goiania", "GO", -16.68, -49.25, 60, 74000, 74899],
  ["aparecida de goiania", "GO", -16.82, -49.24, 18, 74900, 74999],
  ["anapolis", "GO", -16.33, -48.95, 14, 75000, 75159],
  ["rio verde", "GO", -17.79, -50.92, 8, 75900, 75909],
  ["palmas", "TO", -10.18, -48.33, 65, 77000, 77299],
  ["araguaina", "TO", -7.19, -48.21, 35, 77800, 77829],
  ["cuiaba", "MT", -15.6, -56.1, 55, 78000, 78109],
  ["varzea grande", "MT", -15.65, -56.13, 25, 78110, 78159],
  ["rondonopolis", "MT", -16.47, -54.64, 20, 78700, 78749],
  ["porto velho", "RO", -8.76, -63.9, 65, 76800, 76849],
  ["ji-parana", "RO", -10.88, -61.95, 35, 76900, 76919],
  ["campo grande", "MS", -20.44, -54.65, 75, 79000, 79129],
  ["dourados", "MS", -22.22, -54.81, 25, 79800, 79849],
  ["curitiba", "PR", -25.43, -49.27, 45, 80000, 82999],
  ["londrina", "PR", -23.31, -51.16, 14, 86000, 86099],
  ["maringa", "PR", -23.42, -51.94, 11, 87000, 87099],
  ["ponta grossa", "PR", -25.09, -50.16, 8, 84000, 84099],
  ["cascavel", "PR", -24.96, -53.46, 7, 85800, 85829],
  ["sao jose dos pinhais", "PR", -25.53, -49.21, 8, 83000, 83099],
  ["foz do iguacu", "PR", -25.55, -54.59, 7, 85850, 85869],
  ["florianopolis", "SC", -27.6, -48.55, 25, 88000, 88099],
  ["joinville", "SC", -26.3, -48.85, 22, 89200, 89239],
  ["blumenau", "SC", -26.92, -49.07, 15, 89000, 89099],
  ["sao jose", "SC", -27.61, -48.63, 10, 88100, 88123],
  ["itajai", "SC", -26.91, -48.66, 9, 88300, 88319],
  ["chapeco", "SC", -27.1, -52.62, 9, 89800, 89816],
  ["criciuma", "SC", -28.68, -49.37, 10, 88800, 88819],
  ["porto alegre", "RS", -30.03, -51.23, 45, 90000, 91999],
  ["caxias do sul", "RS", -29.17, -51.18, 15, 95000, 95099],
  ["canoas", "RS", -29.92, -51.18, 11, 92000, 92479],
  ["pelotas", "RS", -31.77, -52.34, 10, 96000, 96099],
  ["santa maria", "RS", -29.68, -53.81, 9, 97000, 97119],
  ["novo hamburgo", "RS", -29.68, -51.13, 7, 93300, 93599],
  ["gravatai", "RS", -29.94, -50.99, 7, 94000, 94199]
];

export const CITIES: readonly City[] = CITY_ROWS.map(([city, state, lat, lng, weight, zipFrom, zipTo]) => ({city, state, lat, lng, weight, zipFrom, zipTo}));

export const STATE_REGION: Readonly<Record<State, Region>> = Object.fromEntries(STATE_INFO.map((s) => [s.state, s.region])) as Record<State, Region>;

/** Great-circle distance in km (haversine, Earth radius 6,371 km). */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A zip prefix as the files write it: five digits with leading zeros. */
export function formatZip(prefix: number): string {
  return String(prefix).padStart(5, "0");
}
