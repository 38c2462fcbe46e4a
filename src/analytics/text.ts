/**
 * Review text, counted: tokenising Portuguese comments, removing stop words, and term frequencies
 * by group (e.g. review score), with the terms most distinctive of each group.
 *
 * Estimates: per group, how many times each term (word or two-word phrase after stop-word
 * removal) occurs and in how many documents; and each term's weighted log-odds of belonging to a
 * group rather than to the others, with an informative Dirichlet prior (the pooled counts):
 *     δ_w = log[(y_w + α_w)/(n + α₀ − y_w − α_w)] − log[(y'_w + α_w)/(n' + α₀ − y'_w − α_w)],
 *     z_w = δ_w / √(1/(y_w + α_w) + 1/(y'_w + α_w)),
 * where y, n are the group's counts and y', n' the rest's, α_w = a₀·(pooled share of w).
 * References: Monroe, Colaresi & Quinn (2008), "Fightin' words: lexical feature selection and
 * evaluation for identifying the content of political conflict", Political Analysis 16(4), eq. 16-22;
 * the stop words are Snowball's Portuguese list (snowball.tartarus.org/algorithms/portuguese/stop.txt),
 * with negations kept on request because "não recebi" is the complaint itself.
 * Tests (test/analytics/text.test.ts) prove: hand-worked tokens (accents, case, punctuation,
 * numbers), stop-word removal, counts and document frequencies, bigrams, and a hand-computed
 * log-odds z-score.
 */

/** Snowball's Portuguese stop-word list (203 words). */
export const PORTUGUESE_STOP_WORDS: readonly string[] = [
  "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais",
  "as", "dos", "como", "mas", "ao", "ele", "das", "à", "seu", "sua", "ou", "quando", "muito", "nos", "já", "eu", "também",
  "só", "pelo", "pela", "até", "isso", "ela", "entre", "depois", "sem", "mesmo", "aos", "seus", "quem", "nas", "me", "esse",
  "eles", "você", "essa", "num", "nem", "suas", "meu", "às", "minha", "numa", "pelos", "elas", "qual", "nós", "lhe", "deles",
  "essas", "esses", "pelas", "este", "dele", "tu", "te", "vocês", "vos", "lhes", "meus", "minhas", "teu", "tua", "teus",
  "tuas", "nosso", "nossa", "nossos", "nossas", "dela", "delas", "esta", "estes", "estas", "aquele", "aquela", "aqueles",
  "aquelas", "isto", "aquilo", "estou", "está", "estamos", "estão", "estive", "esteve", "estivemos", "estiveram", "estava",
  "estávamos", "estavam", "estivera", "estivéramos", "esteja", "estejamos", "estejam", "estivesse", "estivéssemos",
  "estivessem", "estiver", "estivermos", "estiverem", "hei", "há", "havemos", "hão", "houve", "houvemos", "houveram",
  "houvera", "houvéramos", "haja", "hajamos", "hajam", "houvesse", "houvéssemos", "houvessem", "houver", "houvermos",
  "houverem", "houverei", "houverá", "houveremos", "houverão", "houveria", "houveríamos", "houveriam", "sou", "somos",
  "são", "era", "éramos", "eram", "fui", "foi", "fomos", "foram", "fora", "fôramos", "seja", "sejamos", "sejam", "fosse",
  "fôssemos", "fossem", "for", "formos", "forem", "serei", "será", "seremos", "serão", "seria", "seríamos", "seriam",
  "tenho", "tem", "temos", "tém", "tinha", "tínhamos", "tinham", "tive", "teve", "tivemos", "tiveram", "tivera",
  "tivéramos", "tenha", "tenhamos", "tenham", "tivesse", "tivéssemos", "tivessem", "tiver", "tivermos", "tiverem", "terei",
  "terá", "teremos", "terão", "teria", "teríamos", "teriam"
];

/** Negations a sentiment reading should keep. */
export const PORTUGUESE_NEGATIONS: readonly string[] = ["não", "nem", "nunca", "nada"];

export interface TokenizeOptions {
  /** Words to drop (compared after lower-casing). Default: none. */
  stopWords?: ReadonlySet<string>;
  /** Shortest token kept (default 2 characters). */
  minLength?: number;
  /** Keep tokens made only of digits (default false). */
  keepNumbers?: boolean;
}

/**
 * Lower-cased word tokens: letters (accents kept, as Portuguese needs them: "é" ≠ "e"),
 * digits and inner hyphens; everything else separates words.
 */
export function tokenize(text: string, {stopWords, minLength = 2, keepNumbers = false}: TokenizeOptions = {}): string[] {
  const tokens = text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.filter((t) => t.length >= minLength && (keepNumbers || !/^\p{N}+$/u.test(t)) && !stopWords?.has(t));
}

/** Adjacent pairs of tokens joined by a space ("antes prazo" from "antes do prazo" once stop words are gone). */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** A stop-word set: the Snowball list minus the words to keep. */
export function portugueseStopWords({keep = PORTUGUESE_NEGATIONS}: {keep?: readonly string[]} = {}): Set<string> {
  const kept = new Set(keep);
  return new Set(PORTUGUESE_STOP_WORDS.filter((w) => !kept.has(w)));
}

export interface TermCount {
  group: number | string;
  term: string;
  /** Occurrences in the group's documents. */
  count: number;
  /** Documents of the group containing the term. */
  documents: number;
  /** count / all term occurrences in the group. */
  share: number;
  /** Weighted log-odds z-score of the group vs the rest (Monroe et al. 2008). */
  zScore: number;
}

export interface TermFrequencyOptions extends TokenizeOptions {
  /** Also count two-word phrases (default false). */
  bigrams?: boolean;
  /** Prior strength a₀ of the informative Dirichlet prior (default: the total number of terms counted, i.e. α_w = pooled count). */
  priorStrength?: number;
}

export interface TermFrequencies {
  groups: (number | string)[];
  /** Documents per group (all, and those with at least one term). */
  documents: Map<number | string, number>;
  /** Term occurrences per group. */
  totals: Map<number | string, number>;
  /** Every (group, term) with count > 0. */
  terms: TermCount[];
}

/** Term counts per group and their log-odds z-scores. Documents with a null text are skipped. */
export function termFrequencies(texts: ArrayLike<string | null>, groups: ArrayLike<number | string>, options: TermFrequencyOptions = {}): TermFrequencies {
  if (texts.length !== groups.length) throw new Error(`termFrequencies: ${texts.length} texts but ${groups.length} groups`);
  const counts = new Map<number | string, Map<string, number>>();
  const docCounts = new Map<number | string, Map<string, number>>();
  const documents = new Map<number | string, number>();
  const totals = new Map<number | string, number>();
  const pooled = new Map<string, number>();
  for (let d = 0; d < texts.length; d++) {
    const text = texts[d];
    if (text === null || text === undefined) continue;
    const g = groups[d];
    if (!counts.has(g)) {
      counts.set(g, new Map());
      docCounts.set(g, new Map());
      documents.set(g, 0);
      totals.set(g, 0);
    }
    documents.set(g, documents.get(g)! + 1);
    const words = tokenize(text, options);
    const terms = options.bigrams ? [...words, ...bigrams(words)] : words;
    const c = counts.get(g)!;
    for (const t of terms) {
      c.set(t, (c.get(t) ?? 0) + 1);
      pooled.set(t, (pooled.get(t) ?? 0) + 1);
    }
    totals.set(g, totals.get(g)! + terms.length);
    const dc = docCounts.get(g)!;
    for (const t of new Set(terms)) dc.set(t, (dc.get(t) ?? 0) + 1);
  }
  const grandTotal = [...totals.values()].reduce((a, b) => a + b, 0);
  const a0 = options.priorStrength ?? grandTotal;
  const groupList = [...counts.keys()].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))));
  const terms: TermCount[] = [];
  for (const g of groupList) {
    const c = counts.get(g)!;
    const n = totals.get(g)!;
    const nRest = grandTotal - n;
    for (const [term, y] of c) {
      const pooledCount = pooled.get(term)!;
      const alpha = (a0 * pooledCount) / grandTotal;
      const yRest = pooledCount - y;
      terms.push({group: g, term, count: y, documents: docCounts.get(g)!.get(term)!, share: y / n, zScore: logOddsZ(y, n, yRest, nRest, alpha, a0)});
    }
  }
  terms.sort((a, b) => (a.group === b.group ? b.count - a.count || a.term.localeCompare(b.term) : groupList.indexOf(a.group) - groupList.indexOf(b.group)));
  return {groups: groupList, documents, totals, terms};
}

/** Monroe, Colaresi & Quinn (2008) eq. 16-22: the z-score of δ between a group (y of n) and the rest (y' of n'). */
export function logOddsZ(y: number, n: number, yRest: number, nRest: number, alpha: number, alphaTotal: number): number {
  const delta = Math.log((y + alpha) / (n + alphaTotal - y - alpha)) - Math.log((yRest + alpha) / (nRest + alphaTotal - yRest - alpha));
  const variance = 1 / (y + alpha) + 1 / (yRest + alpha);
  return delta / Math.sqrt(variance);
}
