// Which units of a perspective's evidence the HTML report quotes in full, which it lists with the
// beginning of their text, and which it only refers to (speaker and line). Shared with run/corpus.ts
// and run/job.ts, which fetch exactly these units with one second look at the transcripts: the quoted
// ones coded, the listed ones with the beginning of their text, the others without their text.
//
// The size of the page stays bounded by the number of perspectives, not by the corpus: a perspective
// of thousands of units adds a few kilobytes of quotes and lines and about 15 bytes a unit for the rest.

/** How many units of each perspective the HTML report quotes in full when not told otherwise. */
export const DEFAULT_MAX_QUOTES = 5;

/** How many more units of each perspective it lists with the beginning of their text when not told otherwise. */
export const DEFAULT_MAX_SNIPPETS = 50;

/** Characters of a unit's text an evidence line shows (the whole text is in segments.csv and report.json). */
export const BRIEF_CHARS = 120;

/** The transcript of a unit id `transcript#segment`. */
export function transcriptOf(id: string): string {
  return id.slice(0, id.lastIndexOf('#'));
}

/**
 * Evidence ids in quoting order: the first unit of each transcript (transcripts in the order they
 * first appear), then the second of each, and so on; within a transcript the order given. So the
 * first quotes of a perspective come from as many transcripts as support it.
 */
export function spreadEvidence(ids: readonly string[]): string[] {
  const byTranscript = new Map<string, string[]>();
  for (const id of ids) {
    const t = transcriptOf(id);
    let list = byTranscript.get(t);
    if (!list) byTranscript.set(t, (list = []));
    list.push(id);
  }
  const lists = [...byTranscript.values()];
  const out: string[] = [];
  for (let round = 0; out.length < ids.length; round++) for (const list of lists) if (round < list.length) out.push(list[round]!);
  return out;
}

/** How the HTML report shows a perspective's evidence. */
export interface EvidenceSplit {
  /** The units quoted in full: the first `maxQuotes` in quoting order. */
  quoted: string[];
  /** Every other unit, in evidence order. */
  listed: string[];
  /** The listed units shown with the beginning of their text (the next `maxSnippets` in quoting order); the others by speaker and line. */
  snippets: ReadonlySet<string>;
}

/** The units of a perspective's evidence quoted, listed with the beginning of their text, and referred to. */
export function splitEvidence(ids: readonly string[], maxQuotes: number, maxSnippets: number): EvidenceSplit {
  const spread = spreadEvidence(ids);
  const quotes = Math.max(0, maxQuotes);
  const quoted = spread.slice(0, quotes);
  const shown = new Set(quoted);
  return { quoted, listed: ids.filter((id) => !shown.has(id)), snippets: new Set(spread.slice(quotes, quotes + Math.max(0, maxSnippets))) };
}

/** As much of a unit's text as `snippet` looks at: what a fetch keeps of a unit that is only listed. */
export function briefText(text: string): string {
  return text.slice(0, BRIEF_CHARS + 1);
}

/**
 * The beginning of a unit's text as an evidence list shows it: white space collapsed, at most
 * `BRIEF_CHARS` characters, cut after a word where one ends late enough, `…` when cut. It depends
 * only on `briefText(text)`, so a listed unit fetched briefly shows as one fetched whole.
 */
export function snippet(text: string): string {
  const head = briefText(text);
  if (head.length <= BRIEF_CHARS) return head.replace(/\s+/gu, ' ').trim();
  let cut = head.slice(0, BRIEF_CHARS);
  const space = cut.search(/\s\S*$/u);
  if (space > BRIEF_CHARS * 0.6) cut = cut.slice(0, space);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/\s+/gu, ' ').trim()}…`;
}
