import type { Explanation, QuotedMatch } from './explain.js';
import { highlight, type Marker } from '../report/highlight.js';
import { stableStringify } from '../report/json.js';
import { unitHeading } from './show.js';
import { safeText } from '../text/safe-text.js';

/** `term brauch*` or `rule near/4: fehl*, angebot*` — rule labels carry a `:`, terms never do. */
export function describeBy(by: string): string {
  return by.includes(':') ? `rule ${by}` : `term ${by}`;
}

/** One match as `"words" by term x at 12–20` (UTF-16 offsets in the unit's text, end exclusive). */
function matchLine(m: QuotedMatch): string {
  return `"${safeText(m.text.replace(/\s+/g, ' '))}" by ${safeText(describeBy(m.by))} at ${m.start}–${m.end}`;
}

/**
 * Why one unit is coded as it is, as text: heading, the unit's text with every coded match marked,
 * then each coded category with its own matches and the subcategories it was rolled up from, then
 * each blocked category with the exclude that blocked it and the hits it overruled; ends with `\n`.
 */
export function renderExplanation(e: Explanation, mark: Marker): string {
  const lines = [unitHeading(e.unit)];
  const spans = e.coded.flatMap((c) => c.own);
  lines.push(...highlight(safeText(e.unit.text), spans, mark).split('\n').map((l) => `  ${l}`), '');
  if (e.unit.moderator) {
    lines.push('Moderator unit: never coded.');
    return lines.join('\n') + '\n';
  }
  if (e.coded.length === 0) lines.push('Coded: nothing.');
  else {
    lines.push('Coded:');
    for (const c of e.coded) {
      lines.push(`  ${safeText(c.path)} (${safeText(c.label)}): ${c.hits} hit${c.hits === 1 ? '' : 's'}`);
      for (const m of c.own) lines.push(`    ${matchLine(m)}`);
      if (c.from.length > 0) lines.push(`    rolled up from ${safeText(c.from.join(', '))}`);
    }
  }
  for (const s of e.stopped ?? []) {
    lines.push('', `Not judged: the regex rule ${safeText(s.pattern)} of ${safeText(s.category)} was stopped by its time budget (FOKUS_REGEX_BUDGET); its hits are missing.`);
  }
  if (e.blocked.length > 0) {
    lines.push('', 'Blocked by an exclude:');
    for (const b of e.blocked) {
      const whose = b.by === b.path ? 'its own exclude' : `the exclude of ${b.by}`;
      lines.push(`  ${safeText(b.path)} (${safeText(b.label)}): ${safeText(whose)}`);
      for (const m of b.exclude) lines.push(`    excluded by ${matchLine(m)}`);
      for (const m of b.matches) lines.push(`    overruled ${matchLine(m)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The explanation as JSON with keys sorted: the unit (without codings), coded and blocked categories. */
export function renderExplanationJson(e: Explanation): string {
  const { codings: _codings, ...unit } = e.unit as typeof e.unit & { codings?: unknown };
  return stableStringify({ unit, coded: e.coded, blocked: e.blocked, ...(e.stopped ? { stopped: e.stopped } : {}) }) + '\n';
}
