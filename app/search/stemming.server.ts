import snowball from "snowball-stemmers";

const swedish = snowball.newStemmer("swedish");

/** Words of a text, lower-cased, letters and digits only (å, ä, ö included). */
export function words(text: string): string[] {
  return text.toLocaleLowerCase("sv-SE").match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Indexing asks for the same few thousand words over and over, and the
// Snowball stemmer is most of stemText's time (remembering stems makes it
// about six times faster). The bound keeps odd input (numbers, names) from
// growing the map for ever.
const stems = new Map<string, string>();
const STEMS_KEPT = 50_000;

export function stem(word: string): string {
  const lower = word.toLocaleLowerCase("sv-SE");
  let found = stems.get(lower);
  if (found === undefined) {
    found = swedish.stem(lower);
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(lower, found);
  }
  return found;
}

/** The text as Swedish stems, which is what the search index holds. */
export function stemText(text: string): string {
  return words(text).map(stem).join(" ");
}

export type Segment = { text: string; match: boolean };

/**
 * Split a text into segments, marking words that share a stem prefix with the
 * query, so the page can highlight matches without building HTML.
 */
export function highlight(text: string, queryStems: string[]): Segment[] {
  if (!queryStems.length) return [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const wordStem = stem(found[0]);
    if (!queryStems.some((q) => wordStem.startsWith(q) || q.startsWith(wordStem) && wordStem.length >= 4)) continue;
    if (found.index! > last) segments.push({ text: text.slice(last, found.index), match: false });
    segments.push({ text: found[0], match: true });
    last = found.index! + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
