/**
 * The simulated catalogue: product categories (the Olist Portuguese names and their English
 * translations), each with its share of items sold, a typical price and package size, and the
 * shopping "themes" that tie categories together (a new parent buys baby goods, toys and bed
 * linen; a gamer buys consoles, computer accessories and audio). Themes are the planted item
 * affinities: every product belongs to one theme and, within it, to a small bundle of products
 * bought together or one after another (a crib, then a mattress, then a mobile). The
 * recommenders are judged on finding those bundles without being told.
 */

export interface CategoryInfo {
  /** Olist's Portuguese category name. */
  name: string;
  english: string;
  /** Share of items sold (weights). */
  share: number;
  /** Median item price (BRL) and the log-scale spread of prices across products. */
  medianPrice: number;
  priceSpread: number;
  /** Typical package weight (g). */
  weight: number;
}

// [name, english, share of items %, median price BRL, log-price sd, package weight g]
const ROWS: [string, string, number, number, number, number][] = [
  ["cama_mesa_banho", "bed_bath_table", 10, 80, 0.55, 1800],
  ["beleza_saude", "health_beauty", 9, 85, 0.7, 900],
  ["esporte_lazer", "sports_leisure", 7.7, 90, 0.7, 1500],
  ["moveis_decoracao", "furniture_decor", 7.4, 90, 0.6, 2500],
  ["informatica_acessorios", "computers_accessories", 7, 95, 0.8, 900],
  ["utilidades_domesticas", "housewares", 6.2, 70, 0.65, 1600],
  ["relogios_presentes", "watches_gifts", 5.3, 180, 0.65, 500],
  ["telefonia", "telephony", 4, 45, 0.8, 300],
  ["ferramentas_jardim", "garden_tools", 3.9, 95, 0.6, 2200],
  ["automotivo", "auto", 3.8, 100, 0.75, 1800],
  ["brinquedos", "toys", 3.7, 90, 0.7, 1300],
  ["cool_stuff", "cool_stuff", 3.4, 140, 0.7, 2200],
  ["perfumaria", "perfumery", 3, 90, 0.6, 500],
  ["bebes", "baby", 2.7, 110, 0.7, 2500],
  ["eletronicos", "electronics", 2.5, 45, 0.8, 400],
  ["papelaria", "stationery", 2.2, 70, 0.7, 1000],
  ["fashion_bolsas_e_acessorios", "fashion_bags_accessories", 1.8, 60, 0.6, 500],
  ["pet_shop", "pet_shop", 1.7, 85, 0.6, 2000],
  ["moveis_escritorio", "office_furniture", 1.5, 190, 0.5, 9000],
  ["consoles_games", "consoles_games", 1, 110, 0.9, 900],
  ["malas_acessorios", "luggage_accessories", 1, 150, 0.6, 3500],
  ["construcao_ferramentas_construcao", "construction_tools_construction", 0.8, 90, 0.7, 3000],
  ["eletrodomesticos", "home_appliances", 0.7, 90, 0.8, 3000],
  ["instrumentos_musicais", "musical_instruments", 0.6, 220, 0.8, 3000],
  ["eletroportateis", "small_appliances", 0.6, 230, 0.8, 4000],
  ["casa_construcao", "home_construction", 0.5, 90, 0.7, 2500],
  ["livros_interesse_geral", "books_general_interest", 0.5, 45, 0.5, 500],
  ["alimentos", "food", 0.45, 45, 0.5, 1000],
  ["moveis_sala", "furniture_living_room", 0.45, 160, 0.6, 9000],
  ["casa_conforto", "home_confort", 0.4, 90, 0.6, 2000],
  ["bebidas", "drinks", 0.35, 50, 0.6, 1500],
  ["audio", "audio", 0.33, 100, 0.8, 600],
  ["climatizacao", "air_conditioning", 0.25, 160, 0.8, 5000],
  ["pcs", "computers", 0.17, 1100, 0.5, 7000]
];

export const CATEGORIES: readonly CategoryInfo[] = ROWS.map(([name, english, share, medianPrice, priceSpread, weight]) => ({name, english, share, medianPrice, priceSpread, weight}));

/**
 * Categories in the products file whose English name is missing from the translation file, as in
 * the public data (where `pc_gamer` and `portateis_cozinha_e_preparadores_de_alimentos` lack one).
 * The simulation leaves `pcs` translated and drops none; transforms fall back to the Portuguese name.
 */
export const UNTRANSLATED_FALLBACK = "(untranslated)";

export interface Theme {
  id: string;
  /** What ties it together, for the docs and the planted-affinity table. */
  label: string;
  /** Categories the theme's products are drawn from (weights). */
  categories: Record<string, number>;
}

/** The planted shopping themes. Each product belongs to exactly one. */
export const THEMES: readonly Theme[] = [
  {id: "new_parents", label: "New parents", categories: {bebes: 5, brinquedos: 3, cama_mesa_banho: 2}},
  {id: "home_office", label: "Home office", categories: {informatica_acessorios: 4, moveis_escritorio: 3, papelaria: 2, eletronicos: 1}},
  {id: "gamers", label: "Gamers", categories: {consoles_games: 4, informatica_acessorios: 3, audio: 2, pcs: 1}},
  {id: "new_home", label: "Setting up a home", categories: {moveis_decoracao: 4, cama_mesa_banho: 4, utilidades_domesticas: 3, moveis_sala: 2, casa_conforto: 2}},
  {id: "kitchen", label: "Kitchen and pantry", categories: {utilidades_domesticas: 4, eletroportateis: 3, eletrodomesticos: 2, alimentos: 2, bebidas: 1}},
  {id: "fitness", label: "Fitness and outdoors", categories: {esporte_lazer: 6, beleza_saude: 2, malas_acessorios: 1}},
  {id: "beauty", label: "Beauty and self-care", categories: {beleza_saude: 5, perfumaria: 4}},
  {id: "gifts", label: "Gifts", categories: {relogios_presentes: 5, perfumaria: 2, fashion_bolsas_e_acessorios: 2, cool_stuff: 2}},
  {id: "pets", label: "Pet owners", categories: {pet_shop: 6, utilidades_domesticas: 1}},
  {id: "car", label: "Car care", categories: {automotivo: 6, ferramentas_jardim: 1}},
  {id: "garden_diy", label: "Garden and DIY", categories: {ferramentas_jardim: 5, construcao_ferramentas_construcao: 3, casa_construcao: 2}},
  {id: "phones", label: "Phones and gadgets", categories: {telefonia: 5, eletronicos: 3, audio: 1}},
  {id: "students", label: "Students and readers", categories: {papelaria: 4, livros_interesse_geral: 3, informatica_acessorios: 1}},
  {id: "travel", label: "Travel", categories: {malas_acessorios: 4, fashion_bolsas_e_acessorios: 3}},
  {id: "music", label: "Musicians", categories: {instrumentos_musicais: 5, audio: 2}},
  {id: "cool_stuff", label: "Novelties and climate", categories: {cool_stuff: 4, climatizacao: 2, eletronicos: 1}}
];

/** Products per planted bundle (the items a bundle's buyers go on to buy together or in turn). */
export const BUNDLE_SIZE = 4;
