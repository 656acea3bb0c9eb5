import { messagesFor, type Messages } from '../../lang/catalogue.js';
import type { CategoryReport, CategorySection, CodingRules, FrequencyLine, PerspectiveSection, Quote, QuoteMark, TitlePage } from './model.js';

// The category report laid out as a list of blocks in the report's language: what every renderer
// shows, in the order it shows it. The renderers only turn blocks into Markdown, HTML or DOCX.

/** A table: its header, rows of cells, which columns are numbers (right-aligned). */
export interface TableBlock {
  kind: 'table';
  head: string[];
  rows: string[][];
  numeric: boolean[];
  /** Per row: how far its first cell is indented (category level − 1); none when absent. */
  indent?: number[];
  /** Per row: the heading id its first cell links to (HTML). */
  links?: string[];
  caption?: string;
}

/** One piece of the document. */
export type Block =
  | { kind: 'title'; kicker: string; text: string; subtitle: string }
  | { kind: 'heading'; level: number; text: string; id: string }
  /** A paragraph; `lead` is set in bold before the text; `note` is set small (a code line, a caption). */
  | { kind: 'paragraph'; text: string; lead?: string; note?: boolean }
  /** A bold line that introduces the list, table or quotations after it. */
  | { kind: 'label'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: [string, string][] }
  | TableBlock
  /** A quotation: the unit's text with its matched words, and the line that says where it was said. */
  | { kind: 'quote'; id: string; text: string; marks: QuoteMark[]; source: string }
  | { kind: 'page-break' };

/** The heading level of a category: the title is 1, the sections 2, top-level categories 3 (at most 6). */
export function categoryHeadingLevel(level: number): number {
  return Math.min(6, level + 2);
}

/** The id of a category's heading (`k-bedarfe--personal`): stable, made of the full code. */
export function categoryId(path: string): string {
  return `k-${path.replaceAll('/', '--')}`;
}

/**
 * Blocks rendered and joined by `separator`, cut before each heading into parts, so that a large
 * report is written part by part and never held as one string (which V8 caps at about 512 MB).
 * The parts joined give the whole text.
 */
export function renderInParts(blocks: readonly Block[], render: (b: Block) => string, separator: string): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' && current.length > 0) {
      parts.push(current.join(separator) + separator);
      current = [];
    }
    current.push(render(b));
  }
  if (current.length > 0) parts.push(current.join(separator));
  return parts;
}

/** The whole report as blocks, in the report's language. */
export function layoutReport(report: CategoryReport): Block[] {
  const m = messagesFor(report.locale);
  return [
    ...titleBlocks(report.title, m),
    { kind: 'page-break' },
    { kind: 'heading', level: 2, text: m.t('catreport.overview'), id: 'uebersicht' },
    overviewTable(report, m),
    { kind: 'heading', level: 2, text: m.t('catreport.categories'), id: 'kategorien' },
    ...report.categories.flatMap((c) => categoryBlocks(c, report.byGroup, m)),
    { kind: 'heading', level: 2, text: m.t('catreport.perspectives'), id: 'perspektiven' },
    ...(report.perspectives.length > 0 ? report.perspectives.flatMap((p) => perspectiveBlocks(p, m)) : [{ kind: 'paragraph' as const, text: m.t('catreport.no-perspectives') }]),
  ];
}

/** The title page: title, codebook and version, provenance (no date), the input files with their sha256 prefixes. */
function titleBlocks(t: TitlePage, m: Messages): Block[] {
  const sha = (file: { path: string; sha256: string }): string => m.t('catreport.file-sha', { file: file.path, sha: file.sha256.slice(0, 12) });
  const totals = [
    m.t('count.transcripts', { n: t.totals.transcripts }),
    `${m.t('count.units', { n: t.totals.units })} (${m.t('table.codable', { n: t.totals.codableUnits })})`,
    m.t('count.speakers', { n: t.totals.speakers }),
    ...(t.totals.skipped > 0 ? [m.t('table.skipped', { n: t.totals.skipped })] : []),
  ];
  const facts: [string, string][] = [
    [m.t('catreport.fact.codebook-file'), t.codebook.file],
    [m.t('catreport.fact.codebook-sha256'), t.codebook.sha256],
    [m.t('catreport.fact.program'), t.program],
    ...(t.participants ? [[m.t('catreport.fact.participants'), sha(t.participants)] as [string, string]] : []),
    ...(t.review.length > 0 ? [[m.t('catreport.fact.review'), t.review.map(sha).join(', ')] as [string, string]] : []),
    [m.t('catreport.fact.unit'), m.t(t.unit === 'sentence' ? 'catreport.unit.sentence' : 'catreport.unit.turn')],
    ...(t.moderators.length > 0 ? [[m.t('catreport.fact.moderators'), t.moderators.join(', ')] as [string, string]] : []),
    ...(t.where.length > 0 ? [[m.t('catreport.fact.where'), t.where.join(', ')] as [string, string]] : []),
    [m.t('catreport.fact.corpus'), totals.join(' · ')],
  ];
  const version = t.codebook.version !== undefined ? ` · ${m.t('catreport.version', { version: t.codebook.version })}` : '';
  return [
    { kind: 'title', kicker: m.t('catreport.kicker'), text: m.t('catreport.title'), subtitle: `${t.codebook.name}${version}` },
    { kind: 'facts', items: facts },
    { kind: 'label', text: m.t('catreport.inputs') },
    {
      kind: 'table',
      head: [m.t('catreport.head.transcript'), m.t('catreport.head.format'), m.t('catreport.head.sha256')],
      rows: t.inputs.map((i) => [i.id, i.format, i.sha256.slice(0, 12)]),
      numeric: [false, false, false],
    },
  ];
}

/** The columns of a frequency table after its first: segments, share, transcripts, speakers. */
function frequencyCells(f: FrequencyLine, m: Messages): string[] {
  return [String(f.segments), m.percent(f.share), String(f.transcripts), String(f.speakers)];
}

function frequencyHead(first: string, m: Messages): string[] {
  return [first, m.t('catreport.head.segments'), m.t('catreport.head.share'), m.t('catreport.head.transcripts'), m.t('catreport.head.speakers')];
}

/** Every category with its frequency over all codable units, indented by level, each linked to its section. */
function overviewTable(report: CategoryReport, m: Messages): TableBlock {
  return {
    kind: 'table',
    head: frequencyHead(m.t('catreport.head.category'), m),
    rows: report.categories.map((c) => [c.label, ...frequencyCells(c.frequencies[0]!, m)]),
    numeric: [false, true, true, true, true],
    indent: report.categories.map((c) => c.level - 1),
    links: report.categories.map((c) => categoryId(c.path)),
    caption: m.t('catreport.overview.note', { n: report.title.totals.codableUnits }),
  };
}

/**
 * One category: heading, code, definition, anchor examples, counterexamples, coding rules,
 * frequencies (the first column headed "group" only when there are lines by group), every coded segment.
 */
function categoryBlocks(c: CategorySection, byGroup: boolean, m: Messages): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: categoryHeadingLevel(c.level), text: c.label, id: categoryId(c.path) },
    { kind: 'paragraph', text: m.t('catreport.code', { code: c.path }), note: true },
  ];
  if (c.definition !== undefined) blocks.push({ kind: 'paragraph', lead: m.t('catreport.definition'), text: c.definition });
  if (c.examples.length > 0) blocks.push({ kind: 'label', text: m.t('catreport.examples') }, { kind: 'list', items: c.examples });
  if (c.counterexamples.length > 0) blocks.push({ kind: 'label', text: m.t('catreport.counterexamples') }, { kind: 'list', items: c.counterexamples });
  const rules = ruleItems(c.rules, m);
  if (rules.length > 0) blocks.push({ kind: 'label', text: m.t('catreport.rules') }, { kind: 'list', items: rules });
  blocks.push(
    { kind: 'label', text: m.t('catreport.frequency') },
    {
      kind: 'table',
      head: frequencyHead(byGroup ? m.t('catreport.head.group') : '', m),
      rows: c.frequencies.map((f) => [f.group === undefined ? m.t('catreport.all') : (f.group ?? m.t('catreport.no-group')), ...frequencyCells(f, m)]),
      numeric: [false, true, true, true, true],
    },
    { kind: 'label', text: m.t('catreport.segments', { n: c.quotes.length }) },
  );
  if (c.quotes.length === 0) blocks.push({ kind: 'paragraph', text: m.t('catreport.no-segments') });
  for (const q of c.quotes) blocks.push(quoteBlock(q, m));
  return blocks;
}

/** The coding rules as list items: the terms, each rule with its exclusions, the category's excludes. */
function ruleItems(r: CodingRules, m: Messages): string[] {
  return [
    ...(r.terms.length > 0 ? [m.t('catreport.rules.terms', { terms: r.terms.join(', ') })] : []),
    ...r.rules.map((x) => (x.not.length > 0 ? m.t('catreport.rules.rule-not', { rule: x.rule, not: x.not.join(', ') }) : m.t('catreport.rules.rule', { rule: x.rule }))),
    ...(r.exclude.length > 0 ? [m.t('catreport.rules.exclude', { terms: r.exclude.join(', ') })] : []),
  ];
}

/** A quotation with its source line: speaker · group · transcript · time · line · segment (· coded in review) · matched terms. */
function quoteBlock(q: Quote, m: Messages): Block {
  const source = [
    q.speaker || m.t('catreport.quote.no-speaker'),
    ...(q.group !== undefined ? [q.group] : []),
    q.transcript,
    ...(q.time !== undefined ? [q.time] : []),
    m.t('catreport.quote.line', { n: q.line }),
    m.t('catreport.quote.segment', { n: q.segment }),
    ...(q.reviewed ? [m.t('catreport.quote.reviewed')] : []),
    ...(q.matched.length > 0 ? [m.t('catreport.quote.matched', { by: q.matched.join(', ') })] : []),
  ];
  return { kind: 'quote', id: q.id, text: q.text, marks: q.marks, source: `— ${source.join(' · ')}` };
}

/** A p-value with four decimals, or `< 0.0001` when smaller. */
function pValue(p: number, m: Messages): string {
  return p < 0.0001 ? `< ${m.number(0.0001, 4)}` : m.number(p, 4);
}

/** One perspective: heading, kind and support, description, categories, groups, lift and key terms, all its evidence. */
function perspectiveBlocks(p: PerspectiveSection, m: Messages): Block[] {
  const facts = [
    m.t(p.kind === 'declared' ? 'catreport.perspective.declared' : 'catreport.perspective.emergent'),
    m.t('catreport.perspective.support', { support: p.support, min: p.minSupport, scope: m.t(p.scope === 'unit' ? 'catreport.perspective.scope.unit' : 'catreport.perspective.scope.transcript') }),
    m.t('count.transcripts', { n: p.transcripts }),
    m.t('count.speakers', { n: p.speakers }),
    ...(p.support < p.minSupport ? [m.t('catreport.perspective.below-min')] : []),
  ];
  const lines = [
    m.t('catreport.perspective.categories', { list: p.categories.join(', ') }),
    ...(p.groups.length > 0 ? [m.t('catreport.perspective.groups', { list: p.groups.join(', ') })] : []),
    ...(p.lift !== undefined && p.p !== undefined ? [m.t('catreport.perspective.lift', { lift: m.number(p.lift, 2), p: pValue(p.p, m) })] : []),
    ...(p.keyterms.length > 0 ? [m.t('catreport.perspective.keyterms', { terms: p.keyterms.join(', ') })] : []),
  ];
  return [
    { kind: 'heading', level: 3, text: p.label, id: `p-${p.kind}-${p.code}` },
    { kind: 'paragraph', text: facts.join(' · '), note: true },
    ...(p.description !== undefined ? [{ kind: 'paragraph' as const, text: p.description }] : []),
    { kind: 'list', items: lines },
    { kind: 'label', text: m.t('catreport.evidence', { n: p.quotes.length + p.missing.length }) },
    ...p.quotes.map((q) => quoteBlock(q, m)),
    ...p.missing.map((id): Block => ({ kind: 'paragraph', text: m.t('catreport.evidence.missing', { id }), note: true })),
  ];
}
