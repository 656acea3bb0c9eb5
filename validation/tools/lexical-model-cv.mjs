#!/usr/bin/env node
// Would a supervised word model, trained on the human coding, code better than the rules?
// Leave-one-transcript-out over the DEVELOPMENT part only (the test part is never loaded):
// for each development transcript, an L2 logistic regression per category is trained on the
// other thirteen (stemmed words and word pairs of the unit) and predicts the held-out one.
// Prints macro F1 of: the shipped rules alone (written from the whole development part, so
// flattered), the model alone, and rules OR model.
//   npm run build && node validation/tools/lexical-model-cv.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fokus = await import(path.join(root, 'dist/index.js'));
const CATEGORIES = ['bedarfe', 'akteure', 'vernetzungspotentiale', 'kooperationssynergien', 'chancen', 'herausforderungen'];
const moderators = JSON.parse(readFileSync(path.join(root, 'validation/moderators.json'), 'utf8'));

/** The development part's units: text, gold categories, the rules' top-level categories. */
async function developmentUnits() {
  const gold = new Map();
  for (const line of readFileSync(path.join(root, 'validation/codings/consensus-dev.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [transcript, segment, category] = line.split(',');
    const key = `${transcript}#${segment}`;
    if (!gold.has(key)) gold.set(key, new Set());
    if (category) gold.get(key).add(category);
  }
  const transcripts = [...new Set([...gold.keys()].map((k) => k.split('#')[0]))].sort();
  const { codebook } = await fokus.loadCodebook(path.join(root, 'codebooks/isog-fokusgruppe.yaml'));
  const matcher = fokus.compileCodebook(codebook);
  const units = [];
  for (const id of transcripts) {
    const { transcript } = await fokus.readTranscript({ path: path.join(root, 'validation/transcripts', id), id });
    const coded = fokus.codeUnits(fokus.segmentUnits(transcript, { unit: 'turn', moderators }), matcher, { evidence: false });
    let previous = '';
    for (const unit of coded) {
      const categories = gold.get(`${id}#${unit.segment}`);
      if (!unit.moderator && categories) {
        const rules = new Set(unit.codings.map((c) => c.category.split('/')[0]));
        units.push({ transcript: id, features: features(unit.text), gold: categories, rules, previous });
      }
      previous = unit.text;
    }
  }
  return { transcripts, units };
}

function features(text) {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => fokus.stemWord(w));
  const out = new Set(words.map((w) => `w:${w}`));
  for (let i = 0; i + 1 < words.length; i++) out.add(`b:${words[i]}_${words[i + 1]}`);
  return [...out];
}

/** L2-regularised logistic regression, full-batch gradient descent: deterministic. */
function train(rows, labels, { l2 = 1, rate = 0.5, rounds = 300 } = {}) {
  const index = new Map();
  const x = rows.map((r) => r.map((f) => index.get(f) ?? index.set(f, index.size).get(f)));
  const w = new Float64Array(index.size);
  let bias = 0;
  for (let round = 0; round < rounds; round++) {
    const grad = new Float64Array(index.size);
    let gradBias = 0;
    x.forEach((xi, i) => {
      const e = 1 / (1 + Math.exp(-xi.reduce((z, j) => z + w[j], bias))) - labels[i];
      gradBias += e;
      for (const j of xi) grad[j] += e;
    });
    for (let j = 0; j < w.length; j++) w[j] -= (rate * (grad[j] + l2 * w[j])) / x.length;
    bias -= (rate * gradBias) / x.length;
  }
  return (r) => r.reduce((z, f) => (index.has(f) ? z + w[index.get(f)] : z), bias) > 0;
}

const { transcripts, units } = await developmentUnits();
const sums = { rules: 0, model: 0, 'rules OR model': 0 };
console.log(`development part: ${transcripts.length} transcripts, ${units.length} units; leave one transcript out`);
console.log(['category', ...Object.keys(sums)].join('\t'));
for (const category of CATEGORIES) {
  const counts = Object.fromEntries(Object.keys(sums).map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const held of transcripts) {
    const trainSet = units.filter((u) => u.transcript !== held);
    const model = train(trainSet.map((u) => u.features), trainSet.map((u) => (u.gold.has(category) ? 1 : 0)));
    for (const u of units.filter((v) => v.transcript === held)) {
      const byModel = model(u.features);
      const byRules = u.rules.has(category);
      const predictions = { rules: byRules, model: byModel, 'rules OR model': byRules || byModel };
      for (const [k, p] of Object.entries(predictions)) {
        const g = u.gold.has(category);
        if (p && g) counts[k].tp++;
        else if (p) counts[k].fp++;
        else if (g) counts[k].fn++;
      }
    }
  }
  const f1s = Object.entries(counts).map(([k, { tp, fp, fn }]) => {
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    sums[k] += f1 / CATEGORIES.length;
    return f1.toFixed(3);
  });
  console.log([category, ...f1s].join('\t'));
}
console.log(['(macro)', ...Object.values(sums).map((v) => v.toFixed(3))].join('\t'));

// How many codings the rules miss could a unit inherit from a question just before it that names
// the category? (Word stems of the category names as a moderator would ask.)
const ASKED = {
  bedarfe: /bedarf|brauch|fehlt|wünsch/i,
  akteure: /akteur|wer |welche (institution|partner)/i,
  vernetzungspotentiale: /vernetz|netzwerk|kontakt|austausch/i,
  kooperationssynergien: /kooperation|zusammenarbeit|synergie|gemeinsam/i,
  chancen: /chance|potenzial|möglichkeit/i,
  herausforderungen: /herausforder|schwierig|problem|hürde/i,
};
let missed = 0;
let asked = 0;
for (const u of units) {
  for (const category of CATEGORIES) {
    if (!u.gold.has(category) || u.rules.has(category)) continue;
    missed++;
    if (u.previous.includes('?') && ASKED[category].test(u.previous)) asked++;
  }
}
console.log(`codings the rules miss: ${missed}; of them after a question naming the category: ${asked}`);
