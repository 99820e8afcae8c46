/**
 * The typed word and the spellings a slip of the keyboard would explain: two neighbouring letters
 * swapped ("lmap" for "lamp") and a space or hyphen left out ("tshirt" for "t-shirt"). Trigrams
 * alone catch a letter dropped, doubled or changed ("lampp") but score these low or tie them
 * ("lmap" shares one trigram with "lamp"; "tshirt" is as near "Denim Shirt" as "T-Shirt").
 */
const MIN_SPLIT_LENGTH = 5;

export function fuzzySpellings(word: string): string[] {
  const chars = [...word.toLowerCase()];
  const spellings = new Set([chars.join("")]);
  for (let i = 0; i + 1 < chars.length; i++) {
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    spellings.add(swapped.join(""));
    // Splitting a short word leaves fragments whose trigrams half the catalog shares.
    if (chars.length >= MIN_SPLIT_LENGTH)
      spellings.add(`${chars.slice(0, i + 1).join("")} ${chars.slice(i + 1).join("")}`);
  }
  return [...spellings];
}
