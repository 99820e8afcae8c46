/**
 * pg_trgm's `word_similarity` for the SQLite test database, registered as a SQL function there so
 * search's SQL is the same on both dialects. A string's trigrams are those of each run of letters
 * and digits, lower-cased, padded with two spaces in front and one behind ("lamp" gives "  l",
 * " la", "lam", "amp", "mp "). The similarity of `query` to `text` is the best Jaccard index
 * between the query's trigrams and any contiguous run of the text's trigrams, so a word matches
 * inside a longer name.
 */
const WORD = /[\p{L}\p{N}]+/gu;

function trigramsInOrder(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const padded = `  ${word} `;
    const chars = [...padded];
    for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(""));
  }
  return out;
}

export function wordSimilarity(query: string, text: string): number {
  const wanted = new Set(trigramsInOrder(query));
  if (wanted.size === 0) return 0;
  const sequence = trigramsInOrder(text);
  let best = 0;
  // The best run starts and ends on a shared trigram, so only those starts need trying.
  for (let start = 0; start < sequence.length; start++) {
    if (!wanted.has(sequence[start]!)) continue;
    const seen = new Set<string>();
    let shared = 0;
    for (let end = start; end < sequence.length; end++) {
      const trigram = sequence[end]!;
      if (seen.has(trigram)) continue;
      seen.add(trigram);
      if (wanted.has(trigram)) {
        shared++;
        best = Math.max(best, shared / (wanted.size + seen.size - shared));
      }
    }
  }
  return best;
}
