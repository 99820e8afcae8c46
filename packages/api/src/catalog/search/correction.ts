/**
 * "Showing results for lamp": when only fuzzy matching found products, the words a shopper
 * probably meant, read off the best match's name. Each word of the name is compared with each
 * typed word's spellings by the database's `word_similarity`, the function fuzzy matching found
 * the name by.
 */
import type { Db } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { fuzzySpellings } from "./spellings.ts";

const values = (items: string[]) =>
  sql`(values ${sql.join(
    items.map((item) => sql`(${item})`),
    sql`, `,
  )})`;

/** `word_similarity(spelling, word)` of every pair, keyed by both. */
async function similarities(db: Db, spellings: string[], words: string[]): Promise<Map<string, number>> {
  // VALUES names its one column column1 on both dialects.
  const rows = await db.execute<{ spelling: string; word: string; similarity: number }>(
    sql`select spellings.column1 as spelling, words.column1 as word,
      word_similarity(spellings.column1, words.column1) as similarity
    from ${values(spellings)} as spellings cross join ${values(words)} as words`,
  );
  return new Map(rows.map((row) => [`${row.spelling} ${row.word}`, Number(row.similarity)]));
}

/** The typed text with each fuzzily matched word replaced; null when nothing changed. */
export async function correctedQuery(db: Db, typed: string, words: string[], bestName: string): Promise<string | null> {
  const nameWords = [
    ...new Set(
      bestName
        .toLowerCase()
        .split(/\s+/u)
        .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")),
    ),
  ];
  const spellingsOf = new Map(words.map((word) => [word, fuzzySpellings(word)]));
  const similarity = await similarities(db, [...new Set([...spellingsOf.values()].flat())], nameWords);
  // The name's word closest to each typed one (over its spellings), as the name spells it.
  const replacements = new Map(
    words.map((typedWord) => {
      let best = { word: typedWord, similarity: 0 };
      for (const word of nameWords)
        for (const spelling of spellingsOf.get(typedWord)!) {
          const s = similarity.get(`${spelling} ${word}`) ?? 0;
          if (s > best.similarity) best = { word, similarity: s };
        }
      return [typedWord, best.word];
    }),
  );
  const tokens = typed.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  const corrected = tokens.map((word) => replacements.get(word) ?? word).join(" ");
  return corrected === tokens.join(" ") ? null : corrected;
}
