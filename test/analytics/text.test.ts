// Review text (src/analytics/text.ts): tokens, stop words, term and document counts, bigrams and
// the log-odds z-score of Monroe, Colaresi & Quinn (2008), all hand-worked.
import {describe, expect, it} from "vitest";
import {PORTUGUESE_STOP_WORDS, bigrams, logOddsZ, portugueseStopWords, termFrequencies, tokenize} from "../../src/analytics/text.js";

describe("tokenising Portuguese", () => {
  it("lower-cases, keeps accents and inner hyphens, drops punctuation, numbers and one-letter words", () => {
    expect(tokenize("Ótimo produto!! Chegou em 3 dias, BEM-VINDO à loja; é 10/10")).toEqual(["ótimo", "produto", "chegou", "em", "dias", "bem-vindo", "loja"]);
    expect(tokenize("abc 123", {keepNumbers: true})).toEqual(["abc", "123"]);
  });

  it("removes Snowball's Portuguese stop words but keeps negations on request", () => {
    // Snowball's stop.txt (snowball.tartarus.org/algorithms/portuguese/stop.txt): 203 words.
    expect(PORTUGUESE_STOP_WORDS).toHaveLength(203);
    expect(new Set(PORTUGUESE_STOP_WORDS).size).toBe(203);
    const stop = portugueseStopWords();
    expect(tokenize("Ainda não recebi o produto e ninguém responde", {stopWords: stop})).toEqual(["ainda", "não", "recebi", "produto", "ninguém", "responde"]);
    expect(tokenize("não recebi", {stopWords: portugueseStopWords({keep: []})})).toEqual(["recebi"]);
  });

  it("pairs adjacent tokens into bigrams", () => {
    expect(bigrams(["antes", "prazo", "recomendo"])).toEqual(["antes prazo", "prazo recomendo"]);
    expect(bigrams(["só"])).toEqual([]);
  });
});

describe("term frequencies by group", () => {
  const texts = ["Produto ótimo, recomendo", "Ótimo! Ótimo!", null, "Não recebi o produto", "Produto não chegou"];
  const scores = [5, 5, 5, 1, 1];
  const tf = termFrequencies(texts, scores, {stopWords: portugueseStopWords()});

  it("counts occurrences, documents and shares per group, skipping empty texts", () => {
    expect(tf.groups).toEqual([1, 5]);
    expect(tf.documents.get(5)).toBe(2);
    expect(tf.totals.get(5)).toBe(5); // produto, ótimo, recomendo, ótimo, ótimo
    const otimo = tf.terms.find((t) => t.group === 5 && t.term === "ótimo")!;
    expect(otimo).toMatchObject({count: 3, documents: 2, share: 3 / 5});
    const nao = tf.terms.find((t) => t.group === 1 && t.term === "não")!;
    expect(nao).toMatchObject({count: 2, documents: 2, share: 2 / 6});
  });

  it("scores a term's log-odds against the other groups with the pooled prior (hand-worked)", () => {
    // "produto": 1 of 5 terms at score 5, 2 of 6 at score 1; pooled 3 of 11; prior a0 = 11, α = 3.
    const produto5 = tf.terms.find((t) => t.group === 5 && t.term === "produto")!;
    const delta = Math.log((1 + 3) / (5 + 11 - 1 - 3)) - Math.log((2 + 3) / (6 + 11 - 2 - 3));
    expect(produto5.zScore).toBeCloseTo(delta / Math.sqrt(1 / (1 + 3) + 1 / (2 + 3)), 12);
    expect(logOddsZ(1, 5, 2, 6, 3, 11)).toBeCloseTo(produto5.zScore, 12);
    // A word only one group uses is distinctive of it: positive there.
    expect(tf.terms.find((t) => t.group === 1 && t.term === "não")!.zScore).toBeGreaterThan(0);
  });

  it("adds bigrams when asked, and refuses mismatched inputs", () => {
    const withPairs = termFrequencies(["não recebi nada"], [1], {stopWords: portugueseStopWords(), bigrams: true});
    expect(withPairs.terms.map((t) => t.term).sort()).toEqual(["nada", "não", "não recebi", "recebi", "recebi nada"]);
    expect(() => termFrequencies(["a"], [1, 2])).toThrow(/1 texts but 2 groups/);
  });
});
