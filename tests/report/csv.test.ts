import { flattenCategories } from '../../src/codebook/flatten.js';
import { describe, expect, it } from 'vitest';
import {
  renderBreakdownCsv,
  renderComparisonCsv,
  renderCooccurrenceCsv,
  renderFrequenciesCsv,
  renderKeyTermsCsv,
  renderPerspectivesCsv,
  renderSegmentsCsv,
} from '../../src/report/csv.js';
import type { Comparison, FrequencyRow, KeyTermRow, PerspectiveResult } from '../../src/types.js';
import { frame, moderatorUnit, unit } from '../analysis/build.js';

const plain = { excel: false };
const excel = { excel: true };

const frequencies: FrequencyRow[] = [
  { category: 'bedarfe', label: 'Bedarfe', level: 1, segments: 3, share: 0.375, matches: 4, transcripts: 2, speakers: 3 },
  { category: 'bedarfe/personal', label: 'Personal, Fachkräfte', level: 2, segments: 1, share: 0.125, matches: 1, transcripts: 1, speakers: 1 },
  { category: 'bedarfe/raeume', label: 'Räume', level: 2, segments: 0, share: 0, matches: 0, transcripts: 0, speakers: 0 },
];

describe('renderFrequenciesCsv', () => {
  it('writes the contract columns with 4-decimal shares', () => {
    expect(renderFrequenciesCsv(frequencies, plain)).toBe(
      'category,label,level,segments,share,matches,transcripts,speakers\n' +
        'bedarfe,Bedarfe,1,3,0.3750,4,2,3\n' +
        'bedarfe/personal,"Personal, Fachkräfte",2,1,0.1250,1,1,1\n' +
        'bedarfe/raeume,Räume,2,0,0.0000,0,0,0\n',
    );
  });

  it('writes excel CSV', () => {
    expect(renderFrequenciesCsv(frequencies, excel)).toBe(
      '\uFEFFKategorie;Bezeichnung;Ebene;Segmente;Anteil;Treffer;Transkripte;Sprecher:innen\n' +
        'bedarfe;Bedarfe;1;3;0,3750;4;2;3\n' +
        'bedarfe/personal;Personal, Fachkräfte;2;1;0,1250;1;1;1\n' +
        'bedarfe/raeume;Räume;2;0;0,0000;0;0;0\n',
    );
  });
});

describe('renderBreakdownCsv', () => {
  it('by speaker: separate transcript and speaker columns, cut at the input id even when names hold colons', () => {
    const b = { dimension: 'speaker', rows: [{ value: 'fg:1.txt:Moderator:in', category: 'bedarfe', segments: 1, share: 0.5 }, { value: 'b.txt:B1', category: 'bedarfe', segments: 2, share: 1 }] };
    expect(renderBreakdownCsv(b, plain, ['fg:1.txt', 'b.txt'])).toBe('transcript,speaker,category,segments,share\nfg:1.txt,Moderator:in,bedarfe,1,0.5000\nb.txt,B1,bedarfe,2,1.0000\n');
    const c = { dimension: 'speaker', rows: [{ value: 'b.txt:B1', category: 'x', segments: 1, units: 2, share: 0.5, restSegments: 0, restUnits: 1, restShare: 0, g2: 1, p: 0.3, flag: '' }] };
    expect(renderComparisonCsv(c as never, plain).split('\n')[0]).toBe('transcript,speaker,category,segments,units,share,rest_segments,rest_units,rest_share,g2,p,flag');
    expect(renderComparisonCsv(c as never, plain).split('\n')[1]).toMatch(/^b\.txt,B1,x,1,2,0\.5000,/u);
  });

  it('names the first column after the dimension', () => {
    const b = {
      dimension: 'group',
      rows: [
        { value: 'Eltern', category: 'bedarfe', segments: 2, share: 2 / 3 },
        { value: '-Leitung', category: 'bedarfe', segments: 0, share: 0 },
      ],
    };
    expect(renderBreakdownCsv(b, plain)).toBe("group,category,segments,share\nEltern,bedarfe,2,0.6667\n'-Leitung,bedarfe,0,0.0000\n");
    expect(renderBreakdownCsv({ dimension: 'speaker', rows: [] }, excel)).toBe('\uFEFFTranskript;Sprecher:in;Kategorie;Segmente;Anteil\n');
  });
});

describe('renderSegmentsCsv', () => {
  const units = [
    unit('b.txt', 1, 'A', ['vernetzung'], { line: 3, text: '=Vernetzung hilft' }),
    moderatorUnit('a.txt', 1, 'I'),
    unit(
      'a.txt',
      2,
      'B',
      // Coding order differs from codebook order; repeated `by` values are listed once.
      { vernetzung: ['vernetz*'], bedarfe: ['brauch*', 'es fehlt', 'brauch*'], 'bedarfe/personal': ['personal*'] },
      { start: 65.7, end: 3725.2, line: 7, text: 'Wir brauchen Personal,\nes fehlt "überall".' },
    ),
    unit('a.txt', 3, 'A', [], { text: 'nichts' }),
  ];

  it('writes one row per coded unit and category, units and categories in order', () => {
    expect(renderSegmentsCsv(units, flattenCategories(frame()), plain)).toBe(
      'transcript,segment,speaker,start,end,line,category,matched,source,text\n' +
        'a.txt,2,B,00:01:05,01:02:05,7,bedarfe,brauch*|es fehlt,rule,"Wir brauchen Personal,\nes fehlt ""überall""."\n' +
        'a.txt,2,B,00:01:05,01:02:05,7,bedarfe/personal,personal*,rule,"Wir brauchen Personal,\nes fehlt ""überall""."\n' +
        'a.txt,2,B,00:01:05,01:02:05,7,vernetzung,vernetz*,rule,"Wir brauchen Personal,\nes fehlt ""überall""."\n' +
        "b.txt,1,A,,,3,vernetzung,vernetzung,rule,'=Vernetzung hilft\n",
    );
  });

  it('writes excel CSV and only the header when nothing is coded', () => {
    expect(renderSegmentsCsv([units[0]!], flattenCategories(frame()), excel)).toBe(
      "\uFEFFTranskript;Segment;Sprecher:in;Beginn;Ende;Zeile;Kategorie;gefunden durch;Quelle;Text\nb.txt;1;A;;;3;vernetzung;vernetzung;rule;'=Vernetzung hilft\n",
    );
    expect(renderSegmentsCsv([units[1]!, units[3]!], flattenCategories(frame()), plain)).toBe('transcript,segment,speaker,start,end,line,category,matched,source,text\n');
  });
});

describe('renderCooccurrenceCsv', () => {
  it('writes the contract columns with 4-decimal jaccard, then c', () => {
    const rows = [
      { a: 'bedarfe', b: 'vernetzung', segments: 2, jaccard: 0.5, c: 0.25, contexts: { a: 4, b: 2, both: 1 } },
      { a: 'bedarfe', b: 'herausforderungen', segments: 1, jaccard: 1 / 3 },
    ];
    expect(renderCooccurrenceCsv(rows, plain)).toBe(
      'category_a,category_b,segments,jaccard,c\nbedarfe,vernetzung,2,0.5000,0.2500\nbedarfe,herausforderungen,1,0.3333,\n',
    );
    expect(renderCooccurrenceCsv(rows, excel)).toBe(
      '\uFEFFKategorie A;Kategorie B;Segmente;Jaccard;c\nbedarfe;vernetzung;2;0,5000;0,2500\nbedarfe;herausforderungen;1;0,3333;\n',
    );
  });
});

describe('renderPerspectivesCsv', () => {
  const base: PerspectiveResult = {
    code: 'kommunikation',
    label: 'Kommunikation, gemeinsam',
    kind: 'declared',
    scope: 'unit',
    support: 3,
    minSupport: 2,
    transcripts: ['t1.txt', 't2.txt'],
    speakers: ['t1.txt:A', 't1.txt:B', 't2.txt:A'],
    categories: ['bedarfe', 'vernetzung'],
    evidence: ['t1.txt#2', 't1.txt#4', 't2.txt#2'],
  };

  it('writes the results that reach min_support, with counts and joined lists, then lift, p and groups', () => {
    const results: PerspectiveResult[] = [
      { ...base, groups: ['Praxis', 'Wissenschaft'] },
      { ...base, code: 'selten', label: 'Selten', support: 1, minSupport: 2, evidence: ['t1.txt#9'] },
      {
        ...base,
        code: 'vernetzung+chancen',
        label: 'Vernetzung × Chancen: Plattform',
        kind: 'emergent',
        support: 1,
        minSupport: 1,
        transcripts: ['t2.txt'],
        speakers: ['t2.txt:A'],
        categories: ['vernetzung', 'chancen'],
        evidence: ['t2.txt#2'],
        lift: 2.5,
        p: 0.01234,
        groups: [],
      },
    ];
    expect(renderPerspectivesCsv(results, plain)).toBe(
      'perspective,label,kind,support,transcripts,speakers,categories,evidence,lift,p,groups\n' +
        'kommunikation,"Kommunikation, gemeinsam",declared,3,2,3,bedarfe|vernetzung,t1.txt#2|t1.txt#4|t2.txt#2,,,Praxis|Wissenschaft\n' +
        'vernetzung+chancen,Vernetzung × Chancen: Plattform,emergent,1,1,1,vernetzung|chancen,t2.txt#2,2.5000,0.0123,\n',
    );
    expect(renderPerspectivesCsv([base], excel)).toBe(
      '\uFEFFPerspektive;Bezeichnung;Art;Belege;Transkripte;Sprecher:innen;Kategorien;Belegstellen;Lift;p;Gruppen\n' +
        'kommunikation;Kommunikation, gemeinsam;declared;3;2;3;bedarfe|vernetzung;t1.txt#2|t1.txt#4|t2.txt#2;;;\n',
    );
  });
});

describe('renderComparisonCsv', () => {
  it('writes each value against the rest with shares, G², p and the flag', () => {
    const comparison: Comparison = {
      dimension: 'group',
      rows: [
        { value: 'Praxis', category: 'a', segments: 3, units: 4, share: 0.75, restSegments: 0, restUnits: 6, restShare: 0, g2: 7.71234, p: 1 / 30, flag: 'more' },
        { value: 'Ziel', category: 'a', segments: 2, units: 6, share: 1 / 3, restSegments: 1, restUnits: 4, restShare: 0.25, g2: 0.08, p: 1, flag: '' },
      ],
    };
    expect(renderComparisonCsv(comparison, plain)).toBe(
      'group,category,segments,units,share,rest_segments,rest_units,rest_share,g2,p,flag\n' +
        'Praxis,a,3,4,0.7500,0,6,0.0000,7.7123,0.0333,more\n' +
        'Ziel,a,2,6,0.3333,1,4,0.2500,0.0800,1.0000,\n',
    );
    expect(renderComparisonCsv({ ...comparison, rows: comparison.rows.slice(0, 1) }, excel)).toBe(
      '\uFEFFGruppe;Kategorie;Segmente;Einheiten;Anteil;Segmente übrige;Einheiten übrige;Anteil übrige;G²;p;Richtung\nPraxis;a;3;4;0,7500;0;6;0,0000;7,7123;0,0333;more\n',
    );
  });
});

describe('renderKeyTermsCsv', () => {
  it('writes category, term, units, other units and G² with 4 decimals', () => {
    const rows: KeyTermRow[] = [
      { category: 'a', term: 'plattform', units: 3, otherUnits: 0, g2: 10.58501 },
      { category: 'a', term: '-minus', units: 2, otherUnits: 1, g2: 4 },
    ];
    expect(renderKeyTermsCsv(rows, plain)).toBe("category,term,units,other_units,g2\na,plattform,3,0,10.5850\na,'-minus,2,1,4.0000\n");
  });
});
