/**
 * "Showing results for lamp": when only fuzzy matching found products, the words a shopper
 * probably meant, read off the best match's name.
 */
import { fuzzySpellings, wordSimilarity } from "@shopwright/db";

/** The name's word closest to `typed` (over its swapped spellings), as the name spells it. */
function closestWord(typed: string, name: string): string {
  let best = { word: typed, similarity: 0 };
  for (const word of name.toLowerCase().split(/\s+/u)) {
    const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    for (const spelling of fuzzySpellings(typed)) {
      const similarity = wordSimilarity(spelling, clean);
      if (similarity > best.similarity) best = { word: clean, similarity };
    }
  }
  return best.word;
}

/** The typed text with each fuzzily matched word replaced; null when nothing changed. */
export function correctedQuery(typed: string, words: string[], bestName: string): string | null {
  const replacements = new Map(words.map((word) => [word, closestWord(word, bestName)]));
  const tokens = typed.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  const corrected = tokens.map((word) => replacements.get(word) ?? word).join(" ");
  return corrected === tokens.join(" ") ? null : corrected;
}
