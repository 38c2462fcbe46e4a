/**
 * Recommenders for implicit feedback (purchases), usable at build time and in the browser:
 * the interaction matrix, popularity and rating baselines, ALS (Hu, Koren & Volinsky 2008),
 * item2vec / customer2vec embeddings, item similarities, and offline evaluation on a time split.
 * The model page is docs/models/recommend.md.
 */
export * from "./interactions.js";
export * from "./topk.js";
export * from "./als.js";
export * from "./embeddings.js";
export * from "./similar.js";
export * from "./popularity.js";
export * from "./evaluate.js";
