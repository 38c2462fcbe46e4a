/**
 * Portuguese review comments for the simulation: what a customer who gave a score writes, and
 * what a customer whose order came late or never came complains about. Phrases are written for
 * this project in the style of marketplace reviews; names come from faker's pt_BR locale. The
 * text carries the planted story the review-text page should find: praise of speed and quality
 * at 4-5, "não recebi", "atraso" and "prazo" at 1-2.
 */
import type {Faker} from "@faker-js/faker";
import type {Random} from "../shared/random.js";

const PRAISE = [
  "Produto chegou antes do prazo, recomendo!",
  "Ótimo produto, entrega rápida.",
  "Excelente vendedor, tudo certo com a compra.",
  "Muito bom, superou minhas expectativas.",
  "Recebi bem antes do prazo estipulado.",
  "Produto de ótima qualidade, chegou bem embalado.",
  "Adorei o produto, recomendo a loja.",
  "Tudo conforme o anunciado, parabéns.",
  "Entrega super rápida, produto perfeito.",
  "Gostei muito, voltarei a comprar.",
  "Chegou rápido e em perfeito estado.",
  "Qualidade excelente pelo preço.",
  "Loja confiável, recomendo a todos.",
  "Produto lindo, exatamente como na foto."
];

const GOOD = [
  "Produto bom, chegou dentro do prazo.",
  "Gostei, atendeu ao que eu precisava.",
  "Bom produto, mas a embalagem poderia ser melhor.",
  "Entrega no prazo, produto conforme a descrição.",
  "Bom custo benefício.",
  "Produto bom, recomendo."
];

const MIXED = [
  "Produto bom, mas a entrega demorou um pouco.",
  "O produto é razoável, esperava mais.",
  "Chegou certo, mas a embalagem estava amassada.",
  "Qualidade mediana pelo preço.",
  "Atende, mas o acabamento deixa a desejar.",
  "A cor é diferente da foto, mas serve."
];

const COMPLAINTS = [
  "Produto com defeito, quero devolver.",
  "Péssimo atendimento, não recomendo.",
  "Veio faltando peças, estou aguardando a troca.",
  "Comprei dois e recebi apenas um.",
  "Produto diferente do anunciado.",
  "Qualidade muito ruim, me arrependi da compra.",
  "Veio quebrado e ninguém responde."
];

const LATE = [
  "A entrega atrasou muito, prazo não cumprido.",
  "Atrasou mais de uma semana.",
  "Chegou depois do prazo, fiquei decepcionado.",
  "O prazo de entrega não foi respeitado.",
  "Demorou demais para chegar."
];

const NOT_DELIVERED = [
  "Ainda não recebi o produto.",
  "Não recebi o produto e ninguém responde.",
  "Produto não foi entregue, quero meu dinheiro de volta.",
  "Até hoje não recebi, o prazo já passou.",
  "Paguei e não recebi, não recomendo."
];

const TITLES: Record<number, string[]> = {
  5: ["Recomendo", "Super recomendo", "Ótimo", "Excelente", "Perfeito", "Amei"],
  4: ["Bom", "Muito bom", "Recomendo", "Gostei"],
  3: ["Razoável", "Regular", "Ok"],
  2: ["Ruim", "Atraso na entrega", "Decepcionado"],
  1: ["Não recebi", "Péssimo", "Não recomendo", "Produto com defeito"]
};

const GIFT = ["Comprei de presente para {name} e {pronoun} adorou.", "Presente para {name}, chegou a tempo."];

export interface ReviewContext {
  score: number;
  /** Days after the promised date it arrived (negative: early); NaN if never delivered. */
  daysLate: number;
  delivered: boolean;
}

export interface ReviewText {
  title: string | null;
  message: string | null;
}

/** Share of reviews with a comment, by score (the public data: about 4 in 10 overall, more when unhappy). */
const MESSAGE_SHARE: Record<number, number> = {1: 0.7, 2: 0.65, 3: 0.5, 4: 0.35, 5: 0.33};

/** A title and a comment (either may be empty) for a review with this score and delivery. */
export function reviewText(context: ReviewContext, random: Random, faker: Faker): ReviewText {
  const {score, daysLate, delivered} = context;
  const title = random.bernoulli(0.12) ? random.pick(TITLES[score]) : null;
  if (!random.bernoulli(MESSAGE_SHARE[score])) return {title, message: null};
  const parts: string[] = [];
  if (!delivered) parts.push(random.pick(NOT_DELIVERED));
  else if (score >= 5) parts.push(random.pick(PRAISE));
  else if (score === 4) parts.push(random.pick(random.bernoulli(0.5) ? PRAISE : GOOD));
  else if (score === 3) parts.push(random.pick(MIXED));
  else parts.push(random.pick(daysLate > 0 && random.bernoulli(0.7) ? LATE : COMPLAINTS));
  if (delivered && daysLate > 3 && score <= 3 && random.bernoulli(0.5)) parts.push(random.pick(LATE));
  if (score >= 4 && random.bernoulli(0.12)) {
    const female = random.bernoulli(0.5);
    const name = faker.person.firstName(female ? "female" : "male");
    parts.push(random.pick(GIFT).replace("{name}", name).replace("{pronoun}", female ? "ela" : "ele"));
  }
  const message = [...new Set(parts)].join(" ");
  return {title, message: random.bernoulli(0.15) ? message.toLowerCase() : message};
}
