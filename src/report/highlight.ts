/** A span of a text to highlight: UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** How a highlighted passage is marked: a colour function, or `[[…]]` when colour is off. */
export type Marker = (text: string) => string;

/** The plain-text marker: `[[words]]`, readable in files, pipes and tests. */
export const BRACKETS: Marker = (text) => `[[${text}]]`;

/** Spans sorted and merged where they overlap or touch, clipped to a text's length. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** A piece of a text, and whether it lies in a highlighted span. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/** A text cut into its pieces outside and inside the spans (merged first), in order; no piece is empty. */
export function markedParts(text: string, spans: readonly Span[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const s of mergeSpans(spans, text.length)) {
    if (s.start > at) parts.push({ text: text.slice(at, s.start), marked: false });
    parts.push({ text: text.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** A text with every span (merged first) passed through the marker; the rest unchanged. */
export function highlight(text: string, spans: readonly Span[], mark: Marker): string {
  return markedParts(text, spans)
    .map((p) => (p.marked ? mark(p.text) : p.text))
    .join('');
}
