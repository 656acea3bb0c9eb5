#!/usr/bin/env node
// Consensus coding from two independent codings and an adjudicator's decisions.
//   node validation/tools/consensus.mjs disagreements A.csv B.csv           → the disputed unit × category pairs (CSV)
//   node validation/tools/consensus.mjs merge A.csv B.csv DECISIONS.csv OUT/ → one consensus CSV per transcript
// A and B are `transcript,segment,category` codings (a row with an empty category declares a unit
// seen and left uncoded). DECISIONS holds `transcript,segment,category,decision` rows with
// decision `present` or `absent` for every disputed pair; pairs both coders agree on are kept.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [mode, aPath, bPath, ...rest] = process.argv.slice(2);
const CATEGORIES = ['bedarfe', 'akteure', 'vernetzungspotentiale', 'kooperationssynergien', 'chancen', 'herausforderungen'];

function read(path) {
  const units = new Map(); // "transcript\tsegment" → Set(category)
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [transcript, segment, category = ''] = line.split(',');
    const key = `${transcript}\t${segment}`;
    if (!units.has(key)) units.set(key, new Set());
    if (category) units.get(key).add(category);
  }
  return units;
}

const order = (a, b) => {
  const [ta, sa] = a.split('\t');
  const [tb, sb] = b.split('\t');
  return ta < tb ? -1 : ta > tb ? 1 : Number(sa) - Number(sb);
};

const a = read(aPath);
const b = read(bPath);
const keys = [...new Set([...a.keys(), ...b.keys()])].sort(order);
const disputed = [];
for (const key of keys) {
  for (const c of CATEGORIES) {
    const inA = a.get(key)?.has(c) ?? false;
    const inB = b.get(key)?.has(c) ?? false;
    if (inA !== inB) disputed.push([key, c, inA ? 'A' : 'B']);
  }
}

if (mode === 'disagreements') {
  process.stdout.write('transcript,segment,category,coded_by\n' + disputed.map(([k, c, by]) => `${k.replace('\t', ',')},${c},${by}`).join('\n') + '\n');
} else if (mode === 'merge') {
  const [decisionsPath, outDir] = rest;
  const decisions = new Map();
  for (const line of readFileSync(decisionsPath, 'utf8').split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [transcript, segment, category, decision] = line.split(',').map((s) => s.trim());
    if (decision !== 'present' && decision !== 'absent') throw new Error(`bad decision: ${line}`);
    decisions.set(`${transcript}\t${segment}\t${category}`, decision === 'present');
  }
  const missing = disputed.filter(([k, c]) => !decisions.has(`${k}\t${c}`));
  if (missing.length > 0) throw new Error(`${missing.length} disputed pairs without a decision, e.g. ${missing[0].join(' ')}`);
  const byTranscript = new Map();
  for (const key of keys) {
    const [transcript, segment] = key.split('\t');
    const codes = CATEGORIES.filter((c) => {
      const inA = a.get(key)?.has(c) ?? false;
      const inB = b.get(key)?.has(c) ?? false;
      return inA === inB ? inA : decisions.get(`${key}\t${c}`);
    });
    if (!byTranscript.has(transcript)) byTranscript.set(transcript, []);
    const rows = byTranscript.get(transcript);
    if (codes.length === 0) rows.push(`${transcript},${segment},`);
    for (const c of codes) rows.push(`${transcript},${segment},${c}`);
  }
  mkdirSync(outDir, { recursive: true });
  for (const [transcript, rows] of byTranscript) {
    writeFileSync(`${outDir}/${transcript.replace(/\.txt$/, '.csv')}`, 'transcript,segment,category\n' + rows.join('\n') + '\n');
  }
  console.log(`${keys.length} units, ${disputed.length} disputed pairs decided, ${byTranscript.size} transcripts written to ${outDir}`);
} else {
  console.error('usage: consensus.mjs disagreements A.csv B.csv | merge A.csv B.csv DECISIONS.csv OUTDIR');
  process.exit(2);
}
