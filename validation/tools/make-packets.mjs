#!/usr/bin/env node
// Writes the coders' packets: every transcript of validation/transcripts as numbered units, exactly
// as fokus segments them (speaker turns), moderator turns marked as context. The packets show text
// only — no codebook terms, no machine codings — so coders code from the definitions alone.
// Usage (after `npm run build`): node validation/tools/make-packets.mjs OUTDIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { codeInputs } from '../../dist/index.js';

const outDir = process.argv[2] ?? 'validation/packets';
const moderators = JSON.parse(readFileSync('validation/moderators.json', 'utf8'));
const { coded, problems } = await codeInputs(['validation/transcripts'], { moderators });
for (const p of problems) console.error(`${p.file}:${p.line ?? 0}: ${p.severity}: ${p.message}`);
if (!coded) process.exit(2);
mkdirSync(outDir, { recursive: true });
const byTranscript = new Map();
for (const u of coded.units) {
  if (!byTranscript.has(u.transcript)) byTranscript.set(u.transcript, []);
  byTranscript.get(u.transcript).push(u);
}
for (const [id, units] of byTranscript) {
  const lines = [`# ${id}`, '', 'Units to code are marked [CODE n]; moderator/interviewer/chair turns are context only.', ''];
  for (const u of units) {
    const text = u.text.replace(/\s+/g, ' ').trim();
    lines.push(u.moderator ? `(context) ${u.speaker}: ${text}` : `[CODE ${u.segment}] ${u.speaker}: ${text}`, '');
  }
  writeFileSync(`${outDir}/${id.replace(/\.txt$/, '')}.md`, lines.join('\n'));
  console.log(`${id}: ${units.filter((u) => !u.moderator).length} units to code, ${units.filter((u) => u.moderator).length} context`);
}
