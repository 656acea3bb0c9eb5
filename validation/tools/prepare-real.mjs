#!/usr/bin/env node
// Converts the real transcripts used in the validation corpus (MIT-licensed, see ../SOURCES.md) from
// their published layouts into plain `LABEL: text` paragraphs, one turn per paragraph, so that the
// units coders saw are exactly the units fokus reads. Only layout changes: labels are kept as
// written, text is not edited (HTML entities decoded, kramdown attributes and time marks dropped).
// Usage (from the project folder, with ../shared beside it): node validation/tools/prepare-real.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeHTML } from 'entities';

const require = createRequire(import.meta.url);
const mammoth = require('mammoth');
const corpus = '../shared/corpus';
const out = 'validation/transcripts';

function write(name, turns) {
  const text = turns.map(([label, body]) => `${label}: ${body.replace(/\s+/g, ' ').trim()}`).join('\n\n') + '\n';
  writeFileSync(`${out}/${name}`, text);
  console.log(`${name}: ${turns.length} turns`);
}

// landgraf-jugendamt.md: "**Label:**{: .attr}" on its own line, the turn on the lines after it.
{
  const lines = readFileSync(`${corpus}/real/landgraf-jugendamt.md`, 'utf8').split('\n');
  const turns = [];
  for (const line of lines) {
    const m = /^\*\*([^*]+):\*\*(?:\{:[^}]*\})?\s*$/.exec(line.trim());
    if (m) turns.push([m[1], '']);
    else if (turns.length > 0 && line.trim()) turns[turns.length - 1][1] += ' ' + decodeHTML(line.trim().replace(/\\$/, ''));
  }
  write('ei-02-jugendamt-tagesgruppe.txt', turns);
}

// divekit-kohls.md: front matter and a header, then "I: [mm:ss] text" / "B: [mm:ss] text".
{
  const text = readFileSync(`${corpus}/real/divekit-kohls.md`, 'utf8');
  const turns = [];
  for (const para of text.split(/\n\s*\n/)) {
    const m = /^\s*([IB]): (?:\[[\d:]+\] )?([\s\S]*)$/.exec(para);
    if (m) turns.push([m[1], m[2]]);
    else if (turns.length > 0 && para.trim() && !para.trim().startsWith('#')) turns[turns.length - 1][1] += ' ' + para.trim();
  }
  write('ei-03-hochschullehre-programmieren.txt', turns);
}

// HASKI group interviews (DOCX): a title and a legend line, then "I:" / "S1:" paragraphs.
for (const n of [1, 2]) {
  const { value } = await mammoth.extractRawText({ path: `${corpus}/haski/haski_nodegrade_interview${n}_german.docx` });
  const turns = [];
  for (const para of value.split(/\n+/)) {
    const m = /^\s*(I|S\d+):\s*([\s\S]*)$/.exec(para);
    if (m) turns.push([m[1], m[2]]);
  }
  write(`gi-0${n}-studierende-feedbacktool.txt`, turns);
}
