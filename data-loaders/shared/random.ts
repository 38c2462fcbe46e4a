/**
 * Seeded randomness for simulations: the shared generator (src/analytics/random.ts, usable in the
 * browser too) and a faker instance whose stream is derived from it.
 */
import {Faker, base, en, pt_BR} from "@faker-js/faker";
import {Random} from "../../src/analytics/random.js";

export {Random, createRandom} from "../../src/analytics/random.js";

const LOCALES = {en: [en, base], pt_BR: [pt_BR, en, base]} as const;

/**
 * A Faker seeded from `random` (one draw), so names and addresses follow the build's seed.
 * Each call makes an independent instance: fork the generator per table for stable output.
 */
export function createFaker(random: Random, locale: keyof typeof LOCALES = "en"): Faker {
  const faker = new Faker({locale: [...LOCALES[locale]]});
  faker.seed(random.nextUint32());
  return faker;
}
