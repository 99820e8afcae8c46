/**
 * Free text read the way a search box is typed. The last word, unless a space or punctuation
 * follows it, is still being typed and is matched as a prefix whatever its length or meaning:
 * "be" finds Bedside, "desk l" finds Desk Lamps. A finished English stop word ("the", "for")
 * says nothing about the products and is left out; text without a letter or digit is no text.
 */
import type { WordQuery } from "@shopwright/db";
import { isStopWord } from "./stop-words.ts";

/** The text as parsed: what the database's word matching reads (`db.sql.wordMatches`). */
export type SearchText = WordQuery;

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
/**
 * Fuzzy matching compares words of 3 to 30 letters (two letters have too few trigrams to compare;
 * no product word is longer), at most five of them: each word costs its every misspelling.
 */
const FUZZY_LENGTH = { min: 3, max: 30 };
const FUZZY_WORDS_MAX = 5;

/** Null when the text holds no word to search for (empty, spaces, punctuation, stop words only). */
export function parseSearchText(input: string): SearchText | null {
  // Control characters are never meant, and Postgres rejects a NUL in text outright.
  const text = input.replace(/\p{Cc}/gu, " ").toLowerCase();
  const tokens = text
    .split(/\s+/u)
    .map((token) => token.match(WORD))
    .filter((words): words is RegExpMatchArray => words !== null)
    .map((words) => [...words]);
  const prefix = LETTER_OR_DIGIT.test(text) ? (tokens.pop() ?? null) : null;
  const words = tokens.filter((group) => group.length > 1 || !isStopWord(group[0]!));
  if (words.length === 0 && prefix === null) return null;
  return { finished: prefix === null ? text : text.replace(/\S+$/u, ""), words, prefix };
}

/** The words fuzzy matching compares with names: every word the text requires, long enough. */
export function fuzzyWords(text: SearchText): string[] {
  const words = new Set(
    [...text.words.flat(), ...(text.prefix ?? [])].filter((word) => {
      const length = [...word].length;
      return length >= FUZZY_LENGTH.min && length <= FUZZY_LENGTH.max && !isStopWord(word);
    }),
  );
  return [...words].slice(0, FUZZY_WORDS_MAX);
}
