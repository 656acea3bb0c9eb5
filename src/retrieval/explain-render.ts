import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { Explanation, QuotedMatch } from './explain.js';
import { highlight, type Marker } from '../report/highlight.js';
import { stableStringify } from '../report/json.js';
import { unitHeading } from './show.js';
import { safeText } from '../text/safe-text.js';

const ENGLISH = messagesFor('en');

/** `term brauch*` or `rule near/4: fehl*, angebot*` — rule labels carry a `:`, terms never do. */
export function describeBy(by: string, t: Messages = ENGLISH): string {
  return t.t(by.includes(':') ? 'retrieval.rule' : 'retrieval.term', { by });
}

/** One match as `"words" by term x at 12–20` (UTF-16 offsets in the unit's text, end exclusive). */
function matchLine(m: QuotedMatch, t: Messages): string {
  return t.t('retrieval.match', { text: safeText(m.text.replace(/\s+/g, ' ')), by: safeText(describeBy(m.by, t)), start: m.start, end: m.end });
}

/**
 * Why one unit is coded as it is, as text: heading, the unit's text with every coded match marked,
 * then each coded category with its own matches and the subcategories it was rolled up from, then
 * each blocked category with the exclude that blocked it and the hits it overruled; ends with `\n`.
 */
export function renderExplanation(e: Explanation, mark: Marker, t: Messages = ENGLISH): string {
  const lines = [unitHeading(e.unit, t)];
  const spans = e.coded.flatMap((c) => c.own);
  lines.push(...highlight(safeText(e.unit.text), spans, mark).split('\n').map((l) => `  ${l}`), '');
  if (e.unit.moderator) {
    lines.push(t.t('retrieval.explain.moderator'));
    return lines.join('\n') + '\n';
  }
  if (e.coded.length === 0) lines.push(t.t('retrieval.explain.coded-nothing'));
  else {
    lines.push(t.t('retrieval.explain.coded'));
    for (const c of e.coded) {
      lines.push(`  ${safeText(c.path)} (${safeText(c.label)}): ${t.t('count.hits', { n: c.hits })}`);
      for (const m of c.own) lines.push(`    ${matchLine(m, t)}`);
      if (c.from.length > 0) lines.push(`    ${t.t('retrieval.explain.rolled-up', { from: safeText(c.from.join(', ')) })}`);
    }
  }
  for (const s of e.stopped ?? []) {
    lines.push('', t.t('retrieval.explain.stopped', { pattern: safeText(s.pattern), category: safeText(s.category) }));
  }
  if (e.blocked.length > 0) {
    lines.push('', t.t('retrieval.explain.blocked'));
    for (const b of e.blocked) {
      const whose = b.by === b.path ? t.t('retrieval.explain.own-exclude') : t.t('retrieval.explain.exclude-of', { by: b.by });
      lines.push(`  ${safeText(b.path)} (${safeText(b.label)}): ${safeText(whose)}`);
      for (const m of b.exclude) lines.push(`    ${t.t('retrieval.explain.excluded-by', { match: matchLine(m, t) })}`);
      for (const m of b.matches) lines.push(`    ${t.t('retrieval.explain.overruled', { match: matchLine(m, t) })}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The explanation as JSON with keys sorted: the unit (without codings), coded and blocked categories. */
export function renderExplanationJson(e: Explanation): string {
  const { codings: _codings, ...unit } = e.unit as typeof e.unit & { codings?: unknown };
  return stableStringify({ unit, coded: e.coded, blocked: e.blocked, ...(e.stopped ? { stopped: e.stopped } : {}) }) + '\n';
}
