import { groupBy } from '../../arrays.js';
import { flattenCategories } from '../../codebook/flatten.js';
import type { Codebook, CodedUnit, Unit, UnitKind } from '../../types.js';
import { formatTime } from '../../report/format.js';
import { zipFixed } from '../../report/zip.js';
import { codeGuid, codesElement, nameGuid, setsElement } from './codebook.js';
import { optionalElement, serializeXmlDocument, xmlElement, type XmlElement } from '../../report/xml-writer.js';
import { pointsBetween } from './spans.js';

/** The XML namespace of a REFI-QDA project (QDA-XML project 1.0). */
export const QDPX_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The name of the project XML inside a `.qdpx` written by fokus. */
export const QDE_NAME = 'project.qde';

/** Options of the `.qdpx` renderer. */
export interface QdpxOptions {
  /** The `origin` attribute: the program that wrote the file, e.g. `fokus 0.1.0`. */
  origin: string;
  /** The project's name as QDA programs show it. */
  name: string;
  /** The unit kind the units were cut into (part of the sources' and selections' GUIDs). */
  unit: UnitKind;
}

/** Where one unit's text lies in its source's plain text: `[start, end)` in Unicode code points. */
export interface UnitSpan {
  segment: number;
  start: number;
  end: number;
}

/** One transcript as a REFI-QDA text source: its GUID, its plain text and where each unit lies in it. */
export interface QdpxSource {
  /** The transcript id (the source's name). */
  transcript: string;
  guid: string;
  /** The plain text written to `sources/<guid>.txt`. */
  text: string;
  /** Every unit's text span, in segment order. */
  spans: UnitSpan[];
}

/** The project as text: the `.qde` XML and the sources' plain texts (before zipping). */
export interface QdpxProject {
  qde: string;
  sources: QdpxSource[];
}

/** The GUID of the single user `fokus` who made every coding: derived from the codebook's name. */
export function userGuid(codebookName: string): string {
  return nameGuid(JSON.stringify(['user', 'fokus', codebookName]));
}

/** The GUID of a transcript's text source (depends on the unit kind, since the text does). */
export function sourceGuid(unit: UnitKind, transcript: string): string {
  return nameGuid(JSON.stringify(['source', unit, transcript]));
}

/** The GUID of the selection that spans one unit. */
export function selectionGuid(unit: UnitKind, transcript: string, segment: number): string {
  return nameGuid(JSON.stringify(['selection', unit, transcript, segment]));
}

/** The GUID of one coding: a unit coded with a category of a codebook. */
export function codingGuid(codebookName: string, unit: UnitKind, transcript: string, segment: number, category: string): string {
  return nameGuid(JSON.stringify(['coding', codebookName, unit, transcript, segment, category]));
}


/**
 * The plain text of one transcript as fokus sees it, and where each unit lies in it: one paragraph
 * per unit (turn or sentence), paragraphs separated by one blank line, each opened by
 * `[hh:mm:ss] ` when the unit has a start time and `SPEAKER: ` when it has a speaker. A unit's own
 * line breaks stay single (blank lines inside a unit are closed up), so paragraph k is segment k
 * and a reader can map any selection back onto units. Units must be one transcript's, in order.
 */
export function layoutSource(units: readonly Unit[]): { text: string; spans: UnitSpan[] } {
  const parts: string[] = [];
  const spans: UnitSpan[] = [];
  let offset = 0;
  for (const u of units) {
    if (parts.length > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    const time = formatTime(u.start);
    const prefix = (time !== '' ? `[${time}] ` : '') + (u.speaker !== '' ? `${u.speaker.replace(/\s+/gu, ' ')}: ` : '');
    const body = u.text.replace(/\r\n?/gu, '\n').replace(/\n(?:[^\S\n]*\n)+/gu, '\n').replace(/^\n+|\n+$/gu, '');
    parts.push(prefix, body);
    const start = offset + pointsBetween(prefix, 0, prefix.length);
    offset = start + pointsBetween(body, 0, body.length);
    spans.push({ segment: u.segment, start, end: offset });
  }
  return { text: parts.join(''), spans };
}

/**
 * The transcripts and their codings as a REFI-QDA project (`.qde` XML, QDA-XML project 1.0) plus
 * the sources' plain texts: the user `fokus`; the codebook's categories as codes with the same GUIDs
 * as in the `.qdc`; participant attributes as text variables; one case per speaker of a transcript;
 * one text source per transcript (see `layoutSource`); one selection per coded unit spanning the
 * unit's text, holding one coding per category (rolled-up parents included, as in segments.csv) and
 * the matched terms as its description; perspectives as sets of codes. No dates, stable GUIDs,
 * codebook and input order: the same input gives the same text.
 */
export function renderQdpxProject(units: readonly CodedUnit[], codebook: Codebook, options: QdpxOptions): QdpxProject {
  const user = userGuid(codebook.name);
  const order = new Map(flattenCategories(codebook.categories).map((c, i) => [c.path, i]));
  const variables = [...new Set(units.flatMap((u) => Object.keys(u.attributes)))].sort(compare);
  const project: ProjectContext = { codebook, options, user, variables, rank: (path) => order.get(path) ?? Number.MAX_SAFE_INTEGER };

  const sources: QdpxSource[] = [];
  const cases: XmlElement[] = [];
  const textSources: XmlElement[] = [];
  for (const [transcript, list] of groupBy(units, (u) => u.transcript)) {
    const written = transcriptElements(project, transcript, list);
    sources.push(written.source);
    textSources.push(written.textSource);
    cases.push(...written.cases);
  }

  const hasCodes = codebook.categories.length > 0;
  const version = codebook.version !== undefined ? ` ${codebook.version}` : '';
  const description = `Coded by ${options.origin} with the codebook "${codebook.name}"${version} (sha256 ${codebook.source.sha256}); coding unit: ${options.unit}.`;
  const root = xmlElement('Project', { xmlns: QDPX_NAMESPACE, name: options.name, origin: options.origin, creatingUserGUID: user }, [
    xmlElement('Users', {}, [xmlElement('User', { guid: user, name: 'fokus' })]),
    ...(hasCodes ? [xmlElement('CodeBook', {}, [codesElement(codebook)])] : []),
    ...optionalElement('Variables', variables.map((v) => xmlElement('Variable', { guid: variableGuid(v), name: v, typeOfVariable: 'Text' }))),
    ...optionalElement('Cases', cases),
    ...optionalElement('Sources', textSources),
    // Perspectives as sets of codes; a project's MemberCode points with targetGUID where a .qdc's says guid.
    ...(hasCodes ? setsElement(codebook, 'targetGUID') : []),
    xmlElement('Description', {}, [description]),
  ]);
  return { qde: serializeXmlDocument(root), sources };
}

/** What every part of one project needs to know. */
interface ProjectContext {
  codebook: Codebook;
  options: QdpxOptions;
  /** The GUID of the user `fokus`. */
  user: string;
  /** The participant attributes written as variables, sorted. */
  variables: readonly string[];
  /** A category's position in the codebook (unknown categories last). */
  rank: (path: string) => number;
}


/**
 * One transcript in a project: its plain text, its `<TextSource>` with one selection per coded unit,
 * and one `<Case>` per speaker (in order of first turn) that points at the source and the speaker's selections.
 */
function transcriptElements(project: ProjectContext, transcript: string, units: readonly CodedUnit[]): { source: QdpxSource; textSource: XmlElement; cases: XmlElement[] } {
  const { options, user } = project;
  const guid = sourceGuid(options.unit, transcript);
  const { text, spans } = layoutSource(units);
  const speakers = new Map<string, { attributes: Record<string, string>; selections: string[] }>();
  const selections: XmlElement[] = [];
  units.forEach((u, i) => {
    if (u.speaker !== '' && !speakers.has(u.speaker)) speakers.set(u.speaker, { attributes: u.attributes, selections: [] });
    if (u.codings.length === 0) return;
    const selection = selectionGuid(options.unit, transcript, u.segment);
    if (u.speaker !== '') speakers.get(u.speaker)!.selections.push(selection);
    selections.push(selectionElement(project, selection, u, spans[i]!));
  });
  const textSource = xmlElement('TextSource', { guid, name: transcript, plainTextPath: `internal://${guid}.txt`, creatingUser: user }, selections);
  const cases = [...speakers].map(([speaker, s]) =>
    xmlElement('Case', { guid: caseGuid(transcript, speaker), name: `${speaker} (${transcript})` }, [
      ...project.variables.flatMap((v) => {
        const value = s.attributes[v];
        if (value === undefined) return [];
        return [xmlElement('VariableValue', {}, [xmlElement('VariableRef', { targetGUID: variableGuid(v) }), xmlElement('TextValue', {}, [value])])];
      }),
      xmlElement('SourceRef', { targetGUID: guid }),
      ...s.selections.map((sel) => xmlElement('SelectionRef', { targetGUID: sel })),
    ]),
  );
  return { source: { transcript, guid, text, spans }, textSource, cases };
}

/** The `<PlainTextSelection>` of one coded unit: its evidence as the description and one coding per category, in codebook order. */
function selectionElement(project: ProjectContext, selection: string, u: CodedUnit, span: UnitSpan): XmlElement {
  const { codebook, options, user, rank } = project;
  const codings = [...u.codings].sort((a, b) => rank(a.category) - rank(b.category) || compare(a.category, b.category));
  return xmlElement(
    'PlainTextSelection',
    { guid: selection, name: `${u.transcript}#${u.segment}`, startPosition: span.start, endPosition: span.end, creatingUser: user },
    [
      xmlElement('Description', {}, [describeEvidence(u, codings)]),
      ...codings.map((c) =>
        xmlElement('Coding', { guid: codingGuid(codebook.name, options.unit, u.transcript, u.segment, c.category), creatingUser: user }, [
          xmlElement('CodeRef', { targetGUID: codeGuid(codebook.name, c.category) }),
        ]),
      ),
    ],
  );
}

/**
 * The transcripts and their codings as a REFI-QDA project archive (`.qdpx`): a zip holding
 * `project.qde` (see `renderQdpxProject`) and `sources/<guid>.txt` (UTF-8, `\n` line ends) per
 * transcript, with fixed entry times, so the same input gives byte-identical archives.
 */
export function renderQdpx(units: readonly CodedUnit[], codebook: Codebook, options: QdpxOptions): Uint8Array {
  const project = renderQdpxProject(units, codebook, options);
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = { [QDE_NAME]: encoder.encode(project.qde) };
  for (const s of [...project.sources].sort((a, b) => compare(a.guid, b.guid))) entries[`sources/${s.guid}.txt`] = encoder.encode(s.text);
  return zipFixed(entries, 9);
}

function variableGuid(name: string): string {
  return nameGuid(JSON.stringify(['variable', name]));
}

function caseGuid(transcript: string, speaker: string): string {
  return nameGuid(JSON.stringify(['case', transcript, speaker]));
}

/** Why fokus coded a unit: one line per category with the terms and rules that matched, and the words they matched. */
function describeEvidence(u: CodedUnit, codings: CodedUnit['codings']): string {
  return codings
    .map((c) => {
      const hits = [...new Set(c.matches.map((m) => `${m.by} (${u.text.slice(m.start, m.end).replace(/\s+/gu, ' ')})`))];
      if (c.source === 'review' && hits.length === 0) return `${c.category}: review`;
      return hits.length > 0 ? `${c.category}: ${hits.join(', ')}` : c.category;
    })
    .join('\n');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
