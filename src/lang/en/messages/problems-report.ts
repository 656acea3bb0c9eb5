// Problems of --where, of Excel's cell limit and of the category report (fokus report).

export const EN_PROBLEMS_REPORT = {
  'problem.options/where.not-pair': "'{arg}' is not KEY=VALUE ({examples})",
  'problem.options/where.no-key': "'{arg}' has no key before '=' that could name a column ({examples})",
  'problem.options/where.no-value': "'{arg}' has no value after '=' ({examples})",
  'problem.options/where.no-participants': "'{arg}': there is no participants file (-p), so '{key}' names nothing; without one --where takes speaker or transcript",
  'problem.options/where.no-column': "'{arg}': the participants file has no column '{key}' (columns: {columns}); --where takes speaker, transcript or a participants column",
  'part.where.examples': 'e.g. group=Praxis, speaker=B1, transcript=interview.txt',
  'part.where.no-columns': 'none besides speaker and transcript',
  'part.where.none': 'none',
  'part.where.more': '{list}, … {n} more',
  'problem.options/where-no-match.transcript': 'transcript={value} matches no transcript (transcripts: {known})',
  'problem.options/where-no-match.value': '{key}={value} matches no unit',
  'problem.options/where-no-match.value-hint': '{key}={value} matches no unit (values of {key} in the participants file: {values})',
  'problem.options/where-no-match.together': 'no unit matches all of --where together ({all})',
  'problem.report/cell-cut': '{n} cell was longer than the {limit} characters Excel takes in a cell and was cut, ending in "… (+N more …)"|{n} cells were longer than the {limit} characters Excel takes in a cell and were cut, ending in "… (+N more …)"',
  'problem.report/cell-cut.full':
    '{n} cell was longer than the {limit} characters Excel takes in a cell and was cut, ending in "… (+N more …)"; the full content is in {file}|{n} cells were longer than the {limit} characters Excel takes in a cell and were cut, ending in "… (+N more …)"; the full content is in {file}',
  'problem.report/extension': 'the extension says {name}, --format says {flag}: written as {flag}',
  'problem.report/format': 'cannot tell the format of the category report from the file name: name a .docx, .md or .html file, or give --format {formats}',
  'problem.report/too-large': 'the DOCX would hold {n} quotations, more than the {limit} that fit in memory while it is written; write .md or .html instead (they are written part by part), or report on fewer transcripts',
} as const satisfies Record<string, string>;
