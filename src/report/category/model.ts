import { NO_VALUE, dimensionValue } from '../../analysis/breakdown.js';
import { sortUnits, speakerId, unitId } from '../../analysis/units.js';
import { ruleLabel } from '../../codebook/compile.js';
import { flattenCategories } from '../../codebook/flatten.js';
import type { Locale } from '../../lang/catalogue.js';
import type { Category, Codebook, CodedUnit, Coding, PerspectiveResult, Report, UnitKind } from '../../types.js';
import { formatTime } from '../format.js';

// The category report as plain data: what the Markdown, HTML and DOCX renderers all show, built once
// from a report that holds its coded units. No words of the report's language here (the renderers
// take them from the message catalogues); only the data, in the order the document shows it.

/** A span of a quotation to mark: UTF-16 offsets into its text, with the terms and rules that matched there. */
export interface QuoteMark {
  start: number;
  end: number;
  hits: string[];
}

/** One coded unit quoted in the report, with where it was said. */
export interface Quote {
  /** `transcript#segment`. */
  id: string;
  transcript: string;
  segment: number;
  /** The speaker label as written; '' when the transcript has none. */
  speaker: string;
  /** The speaker's group from the participants file, when known. */
  group?: string;
  /** `hh:mm:ss` or `hh:mm:ss–hh:mm:ss`, when the transcript has times. */
  time?: string;
  line: number;
  text: string;
  /** The matched words. */
  marks: QuoteMark[];
  /** The terms and rules that matched, each once, in the order of their first match. */
  matched: string[];
  /** Coded by a person's review decision (`--review`), not by a rule. */
  reviewed: boolean;
}

/** One row of a category's frequency table: all codable units (`group` undefined), or one group's. */
export interface FrequencyLine {
  /** The group; undefined for the row of all units; null for units without a group. */
  group?: string | null;
  segments: number;
  /** segments ÷ codable units (of the group). */
  share: number;
  transcripts: number;
  speakers: number;
}

/** A category's coding rules as the codebook states them. */
export interface CodingRules {
  terms: string[];
  /** Each rule in its short form, with the terms that block it (`not`). */
  rules: { rule: string; not: string[] }[];
  /** Terms that keep the category from being coded in a unit. */
  exclude: string[];
}

/** One category (or subcategory) of the report, in codebook order. */
export interface CategorySection {
  path: string;
  code: string;
  label: string;
  /** 1 for top-level categories. */
  level: number;
  definition?: string;
  examples: string[];
  counterexamples: string[];
  rules: CodingRules;
  /** All codable units first, then one line per group (when the participants give groups). */
  frequencies: FrequencyLine[];
  /** Every unit coded with the category, in transcript and segment order. */
  quotes: Quote[];
}

/** One declared or emergent perspective with all its evidence (counts where the report lists names). */
export interface PerspectiveSection extends Pick<PerspectiveResult, 'code' | 'label' | 'kind' | 'description' | 'scope' | 'support' | 'minSupport' | 'lift' | 'p'> {
  transcripts: number;
  speakers: number;
  /** The labels of its categories. */
  categories: string[];
  groups: string[];
  keyterms: string[];
  /** The supporting units, in evidence order. */
  quotes: Quote[];
  /** Evidence ids whose unit is not in the report (none when it was built from all coded units). */
  missing: string[];
}

/** The title page: what was coded with what, without a date (the same input gives the same document). */
export interface TitlePage {
  codebook: { name: string; version?: string; file: string; sha256: string };
  /** `fokus 0.1.0`. */
  program: string;
  participants?: { path: string; sha256: string };
  review: { path: string; sha256: string }[];
  inputs: { id: string; format: string; sha256: string }[];
  totals: Report['totals'];
  unit: UnitKind;
  moderators: string[];
  /** The `--where` filter the report is narrowed to (empty: all units). */
  where: string[];
}

/** The whole category report. */
export interface CategoryReport {
  locale: Locale;
  title: TitlePage;
  /** Whether the frequency tables have lines by group. */
  byGroup: boolean;
  categories: CategorySection[];
  perspectives: PerspectiveSection[];
}

/**
 * The category report of `report`, whose `units` must hold every coded unit (uncoded units may be
 * left out: they are never quoted), coded with `codebook`, in the language `locale`. The lines by
 * group come from the report's breakdown by `group` (`--by group`), when it has one with groups.
 */
export function buildCategoryReport(report: Report, codebook: Codebook, locale: Locale): CategoryReport {
  const units = sortUnits(report.units.filter((u) => u.codings.length > 0));
  const byCategory = new Map<string, { unit: CodedUnit; coding: Coding }[]>();
  for (const unit of units) {
    for (const coding of unit.codings) {
      let list = byCategory.get(coding.category);
      if (!list) byCategory.set(coding.category, (list = []));
      list.push({ unit, coding });
    }
  }
  const groups = groupBreakdown(report);
  const frequency = new Map(report.frequencies.map((f) => [f.category, f]));
  const categories = flattenCategories(codebook.categories).map((c): CategorySection => {
    const coded = byCategory.get(c.path) ?? [];
    const f = frequency.get(c.path);
    const all: FrequencyLine = { segments: f?.segments ?? 0, share: f?.share ?? 0, transcripts: f?.transcripts ?? 0, speakers: f?.speakers ?? 0 };
    return {
      ...describeCategory(c),
      frequencies: [all, ...(groups ? groupLines(groups, c.path, coded.map((k) => k.unit)) : [])],
      quotes: coded.map(({ unit, coding }) => quoteOf(unit, [coding], () => '')),
    };
  });
  const labels = new Map(report.categories.map((c) => [c.path, c.label]));
  const byId = new Map(units.map((u) => [unitId(u), u]));
  return {
    locale,
    title: titlePage(report),
    byGroup: groups !== null,
    categories,
    perspectives: report.perspectives.map((p) => perspectiveSection(p, byId, labels)),
  };
}

/** What the codebook says of a category: label, definition, anchor examples, counterexamples, coding rules. */
function describeCategory(c: Category): Omit<CategorySection, 'frequencies' | 'quotes'> {
  return {
    path: c.path,
    code: c.code,
    label: c.label,
    level: c.level,
    ...(c.definition !== undefined && c.definition.trim() !== '' ? { definition: c.definition.trim() } : {}),
    examples: c.examples,
    counterexamples: c.counterexamples,
    rules: { terms: c.terms.map((t) => t.text), rules: c.rules.map((r) => ({ rule: ruleLabel(r), not: r.not.map((t) => t.text) })), exclude: c.exclude.map((t) => t.text) },
  };
}

/** The report's breakdown by group, when it has one and some unit has a group. */
function groupBreakdown(report: Report): Report['breakdowns'][number] | null {
  const b = report.breakdowns.find((d) => d.dimension === 'group');
  return b && b.rows.some((r) => r.value !== NO_VALUE) ? b : null;
}

/** One line per group for a category: segments and share from the breakdown, transcripts and speakers from its units. */
function groupLines(groups: Report['breakdowns'][number], path: string, units: readonly CodedUnit[]): FrequencyLine[] {
  return groups.rows
    .filter((r) => r.category === path)
    .map((r) => {
      const mine = units.filter((u) => dimensionValue(u, 'group') === r.value);
      return {
        group: r.value === NO_VALUE ? null : r.value,
        segments: r.segments,
        share: r.share,
        transcripts: new Set(mine.map((u) => u.transcript)).size,
        speakers: new Set(mine.map(speakerId)).size,
      };
    });
}

/** A unit as a quotation, its words marked where the given codings matched (`prefix` names a hit's category). */
function quoteOf(unit: CodedUnit, codings: readonly Coding[], prefix: (c: Coding) => string): Quote {
  const group = dimensionValue(unit, 'group');
  const start = formatTime(unit.start);
  const time = start && unit.end !== undefined ? `${start}–${formatTime(unit.end)}` : start;
  const marks = codings.flatMap((c) => c.matches.map((m) => ({ start: m.start, end: m.end, hits: [prefix(c) + m.by] })));
  return {
    id: unitId(unit),
    transcript: unit.transcript,
    segment: unit.segment,
    speaker: unit.speaker,
    ...(group !== NO_VALUE ? { group } : {}),
    ...(time ? { time } : {}),
    line: unit.line,
    text: unit.text,
    marks,
    matched: [...new Set(codings.flatMap((c) => c.matches.map((m) => m.by)))],
    reviewed: codings.some((c) => c.source === 'review'),
  };
}

/** A perspective with every unit of its evidence quoted, the matches of its categories marked. */
function perspectiveSection(p: PerspectiveResult, byId: ReadonlyMap<string, CodedUnit>, labels: ReadonlyMap<string, string>): PerspectiveSection {
  const cats = new Set(p.categories);
  const quotes: Quote[] = [];
  const missing: string[] = [];
  for (const id of p.evidence) {
    const unit = byId.get(id);
    if (!unit) {
      missing.push(id);
      continue;
    }
    const codings = unit.codings.filter((c) => cats.has(c.category));
    quotes.push(quoteOf(unit, codings, (c) => `${labels.get(c.category) ?? c.category}: `));
  }
  return {
    code: p.code,
    label: p.label,
    kind: p.kind,
    ...(p.description !== undefined ? { description: p.description } : {}),
    scope: p.scope,
    support: p.support,
    minSupport: p.minSupport,
    transcripts: p.transcripts.length,
    speakers: p.speakers.length,
    categories: p.categories.map((c) => labels.get(c) ?? c),
    groups: p.groups ?? [],
    ...(p.lift !== undefined ? { lift: p.lift } : {}),
    ...(p.p !== undefined ? { p: p.p } : {}),
    keyterms: p.keyterms ?? [],
    quotes,
    missing,
  };
}

/** The title page's provenance: codebook, program, participants and review files, inputs with their sha256, totals. */
function titlePage(report: Report): TitlePage {
  const o = report.options;
  return {
    codebook: report.codebook,
    program: `${report.program.name} ${report.program.version}`,
    ...(o.participants ? { participants: o.participants } : {}),
    review: o.review ?? [],
    inputs: report.inputs.map((i) => ({ id: i.id, format: i.format, sha256: i.sha256 })),
    totals: report.totals,
    unit: o.unit,
    moderators: o.moderators,
    where: o.where ?? [],
  };
}
