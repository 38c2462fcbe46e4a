/**
 * Review text by score (src/analytics/text.ts): the most frequent words and two-word phrases of
 * the comments (title and message together) at each score, Portuguese stop words removed but
 * negations kept, with each term's log-odds z-score against the other scores.
 */
import {portugueseStopWords, termFrequencies} from "../../src/analytics/text.js";
import {out, type Output} from "./output.js";
import type {Staged} from "./staging.js";

export const TEXT_SETTINGS = {termsPerScore: 40, bigrams: true};

export function reviewTerms(s: Staged): Output[] {
  const r = s.reviews;
  const texts = r.message.map((m, i) => {
    const parts = [r.title[i], m].filter((x): x is string => x !== null && x.trim() !== "");
    return parts.length ? parts.join(". ") : null;
  });
  const stopWords = portugueseStopWords();
  const tf = termFrequencies(texts, Array.from(r.score), {stopWords, bigrams: TEXT_SETTINGS.bigrams});
  const rows = [];
  for (const g of tf.groups) {
    const terms = tf.terms.filter((t) => t.group === g);
    const byCount = [...terms].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term)).slice(0, TEXT_SETTINGS.termsPerScore);
    const byZ = [...terms].sort((a, b) => b.zScore - a.zScore || a.term.localeCompare(b.term)).slice(0, TEXT_SETTINGS.termsPerScore);
    const keep = new Map([...byCount, ...byZ].map((t) => [t.term, t]));
    const countRank = new Map(byCount.map((t, i) => [t.term, i + 1]));
    const zRank = new Map(byZ.map((t, i) => [t.term, i + 1]));
    for (const t of [...keep.values()].sort((a, b) => a.term.localeCompare(b.term))) rows.push({...t, countRank: countRank.get(t.term) ?? 0, zRank: zRank.get(t.term) ?? 0});
  }
  const scores = [1, 2, 3, 4, 5];
  const reviews = scores.map((sc) => r.score.filter((x) => x === sc).length);
  const commented = scores.map((sc) => texts.filter((t, i) => t !== null && r.score[i] === sc).length);
  return [
    out("review_terms", "The most frequent and the most distinctive terms of review comments at each score.", "score × term", [
      ["score", "int32", "Review score."],
      ["term", "utf8", "Word or two-word phrase (stop words removed, negations kept)."],
      ["count", "int32", "Occurrences in comments with this score."],
      ["documents", "int32", "Comments containing it."],
      ["share", "float64", "Occurrences / all term occurrences at this score."],
      ["z_score", "float64", "Log-odds z-score of this score vs the others (Monroe et al. 2008)."],
      ["count_rank", "int32", "Rank by count (0: not in the top list)."],
      ["z_rank", "int32", "Rank by z-score (0: not in the top list)."]
    ], {score: rows.map((t) => t.group as number), term: rows.map((t) => t.term), count: rows.map((t) => t.count), documents: rows.map((t) => t.documents), share: rows.map((t) => t.share), z_score: rows.map((t) => t.zScore), count_rank: rows.map((t) => t.countRank), z_rank: rows.map((t) => t.zRank)}),
    out("review_scores", "Reviews per score and how many have a comment.", "score", [
      ["score", "int32", "Review score."],
      ["reviews", "int32", "Reviews."],
      ["with_comment", "int32", "Of them, with a title or message."]
    ], {score: scores, reviews, with_comment: commented})
  ];
}
