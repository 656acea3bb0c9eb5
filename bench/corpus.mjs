// Deterministic synthetic German focus-group corpus and codebooks for the benchmark.
// Everything is drawn from one seeded PRNG, so the same seed and size give the same bytes.
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ADJECTIVES, FILLERS, HEADS, LINKS, NAMES, NOUNS, VERBS } from './words.mjs';

/** One megabyte as the benchmark counts it (10^6 bytes). */
export const MB = 1_000_000;

/** A seeded 32-bit PRNG (mulberry32): a function giving floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draw from a list with Zipf weights (rank r has weight 1 / r^s). */
function zipf(list, s, rand) {
  const cum = [];
  let total = 0;
  for (let r = 1; r <= list.length; r++) cum.push((total += 1 / r ** s));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

function shuffle(list, rand) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pick = (list, rand) => list[Math.floor(rand() * list.length)];
const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** Words and phrases of the shipped codebook, globs completed with common endings. */
function codebookWords(root, rand) {
  const text = readFileSync(join(root, 'codebooks/isog-fokusgruppe.yaml'), 'utf8');
  const doc = parse(text);
  const words = new Set();
  const phrases = new Set();
  const endings = ['', 'en', 'e', 'er', 'ung', 'ungen', 'te', 't', 's', 'ten'];
  const visit = (cats) => {
    for (const c of cats ?? []) {
      for (const t of c.terms ?? []) {
        const parts = String(t)
          .split(' ')
          .filter((w) => w !== '*')
          .map((w) => {
            let x = w;
            if (x.startsWith('*')) x = pick(NOUNS, rand).toLowerCase() + x.slice(1);
            return x.replace(/\*/g, () => pick(endings, rand));
          });
        if (parts.length === 1) words.add(parts[0]);
        else phrases.add(parts.join(' '));
      }
      visit(c.categories);
    }
  };
  visit(doc.categories);
  return { words: [...words], phrases: [...phrases] };
}

/** The word sources the corpus and the codebooks share, fixed by the seed; `stopwords` are fokus' German ones. */
export function vocabulary(root, seed, stopwords) {
  const rand = prng(seed ^ 0x5eed);
  const cb = codebookWords(root, rand);
  const stop = shuffle([...stopwords].filter((w) => /^[a-zäöüß]+$/.test(w)).sort(), rand);
  const nouns = shuffle(NOUNS, rand);
  const content = shuffle([...nouns, ...VERBS, ...ADJECTIVES, ...cb.words.map((w) => (rand() < 0.5 ? cap(w) : w))], rand);
  return { stop, nouns, content, phrases: cb.phrases };
}

function compound(nouns, rand) {
  const first = pick(nouns, rand);
  return first + pick(LINKS, rand) + pick(HEADS, rand);
}

function time(seconds, md) {
  const s = Math.floor(seconds);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return md ? `[${hh}:${mm}:${ss}]` : `#${hh}:${mm}:${ss}-${Math.floor((seconds % 1) * 10)}#`;
}

/** A sentence of spoken German: function words, content words, compounds, fillers, phrases. */
function sentence(v, draw, rand) {
  const n = 3 + Math.floor(-Math.log(1 - rand()) * 9);
  const words = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.47) words.push(draw.stop());
    else if (r < 0.8) words.push(draw.content());
    else if (r < 0.86) words.push(cap(compound(v.nouns, rand).toLowerCase()));
    else if (r < 0.88) words.push(`${pick(v.nouns, rand)}-${cap(pick(HEADS, rand))}`);
    else if (r < 0.881) words.push(`${pick(v.nouns, rand)}s- und ${cap(compound(v.nouns, rand).toLowerCase())}`);
    else if (r < 0.91) words.push(pick(FILLERS, rand));
    else if (r < 0.93) words.push(pick(v.phrases, rand));
    else if (r < 0.94) words.push(String(Math.floor(rand() * 200)));
    else if (r < 0.95) words.push(pick(NAMES, rand));
    else words.push(draw.stop());
    if (i < n - 1 && rand() < 0.08) words[words.length - 1] += ',';
  }
  const end = rand() < 0.85 ? '.' : rand() < 0.7 ? '?' : '!';
  return cap(words.join(' ')) + end;
}

/** One transcript: plain text with f4-style codes and time marks, or Markdown with named speakers. */
function transcript(v, draw, rand, targetBytes, md) {
  const named = shuffle(NAMES, rand).slice(0, 4 + Math.floor(rand() * 4));
  const speakers = md ? named : named.map((_, i) => `B${i + 1}`);
  const moderator = md ? 'Moderatorin' : 'I';
  const parts = [];
  let bytes = 0;
  let t = 0;
  if (md) parts.push(`---\ntitle: Fokusgruppe ${Math.floor(rand() * 1000)}\ndate: 2024-10-17\n---\n\n`);
  while (bytes < targetBytes) {
    const mod = rand() < 0.14;
    const speaker = mod ? moderator : pick(speakers, rand);
    const r = rand();
    const count = r < 0.2 ? 1 : 1 + Math.floor(-Math.log(1 - rand()) * 3.5);
    const paragraphs = [];
    let para = [];
    for (let i = 0; i < Math.min(count, 30); i++) {
      para.push(r < 0.2 && rand() < 0.6 ? `${cap(pick(FILLERS, rand).replace(/[()]/g, ''))}, ${pick(['genau', 'ja', 'stimmt', 'richtig'], rand)}.` : sentence(v, draw, rand));
      if (para.length > 3 && rand() < 0.1) {
        paragraphs.push(para.join(' '));
        para = [];
      }
    }
    if (para.length) paragraphs.push(para.join(' '));
    t += 2 + paragraphs.join(' ').length / 15;
    let text;
    if (md) text = `**${speaker} ${time(t, true)}**\n${paragraphs.join('\n\n')}\n\n`;
    else text = `${speaker}: ${paragraphs.join('\n\n')} ${time(t, false)}\n\n`;
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return parts.join('');
}

/**
 * Write a corpus of about `mb` megabytes into `dir` (re-used when a manifest of the same size and
 * seed is there): transcripts of 40–200 kB (`fileBytes`), 70 % plain text, 30 % Markdown, in a few subfolders.
 * Returns the file count and total bytes.
 */
export function generateCorpus(root, dir, { mb, seed, stopwords, fileBytes = [40_000, 200_000] }) {
  const manifest = join(dir, '.manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.mb === mb && m.seed === seed && m.version === 4 && String(m.fileBytes) === String(fileBytes)) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const v = vocabulary(root, seed, stopwords);
  const rand = prng(seed + mb * 7919);
  const draw = { stop: zipf(v.stop, 1.1, rand), content: zipf(v.content, 0.9, rand) };
  let bytes = 0;
  let files = 0;
  while (bytes < mb * MB) {
    const md = rand() < 0.3;
    const size = fileBytes[0] + Math.floor(rand() * (fileBytes[1] - fileBytes[0]));
    const text = transcript(v, draw, rand, Math.min(size, mb * MB - bytes + 1000), md);
    const sub = join(dir, `region-${String(files % 7).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `fokusgruppe-${String(files).padStart(5, '0')}.${md ? 'md' : 'txt'}`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  const m = { version: 4, mb, seed, fileBytes, files, bytes };
  writeFileSync(manifest, JSON.stringify(m) + '\n');
  return m;
}

/**
 * Write a codebook of `terms` terms (about ten per category, at most 100 categories in two levels):
 * plain words, globs (`vernetz*`, `*arbeit`, `koop*tion`) and phrases, with some `near`/`all`
 * rules, excludes, one regex rule and two declared perspectives. Also writes `words` (for
 * `rg -F -f`): the literal word cores of every term, lower-cased, one per line.
 */
export function generateCodebook(root, file, wordsFile, { terms, seed, stopwords, stem = false }) {
  const v = vocabulary(root, seed, stopwords);
  const rand = prng(seed * 31 + terms);
  const lower = (w) => w.toLowerCase();
  const seen = new Set();
  const make = () => {
    for (;;) {
      const r = rand();
      let t;
      const word = () => lower(rand() < 0.7 ? pick(v.content, rand) : compound(v.nouns, rand));
      if (r < 0.5) t = word();
      else if (r < 0.68) {
        const w = word();
        t = w.slice(0, Math.max(4, Math.floor(w.length * 0.7))) + '*';
      } else if (r < 0.74) t = '*' + pick(HEADS, rand);
      else if (r < 0.77) {
        const w = word();
        if (w.length < 8) continue;
        t = w.slice(0, 3) + '*' + w.slice(-3);
      } else if (r < 0.92) t = `${pick(['mehr', 'zu', 'keine', 'die', 'nicht', 'viel', 'gute'], rand)} ${word()}`;
      else t = `${word()} ${word()}`;
      if (!/^[\p{L}\p{N}*' -]+$/u.test(t) || t.replace(/[* ]/g, '').length < 3) continue;
      if (seen.has(t)) continue;
      seen.add(t);
      return t;
    }
  };
  const nCat = Math.min(100, Math.max(3, Math.round(terms / 10)));
  const nTop = Math.max(2, Math.round(Math.sqrt(nCat)));
  const cats = [];
  for (let i = 0; i < nCat; i++) cats.push({ code: `k${String(i).padStart(3, '0')}`, terms: [], rules: [], exclude: [], children: [] });
  for (let i = 0; i < terms; i++) cats[i % nCat].terms.push(make());
  for (let i = 0; i < nCat; i++) {
    const c = cats[i];
    if (i % 3 === 0) c.rules.push({ near: [make(), make()], within: 4 });
    if (i % 5 === 1) c.rules.push({ all: [make(), make()] });
    if (i % 4 === 2) c.exclude.push(`kein* ${lower(pick(v.nouns, rand))}`);
  }
  cats[0].rules.push({ regex: String.raw`\b(?:uns|da|hier) (?:fehlt|fehlen|mangelt)\b` });
  const top = cats.slice(0, nTop);
  cats.slice(nTop).forEach((c, i) => top[i % nTop].children.push(c));
  const q = (t) => JSON.stringify(t);
  const lines = [`codebook: Benchmark ${terms}`, 'version: "1"', 'language: de', 'unit: turn', 'match:', '  fold: true', `  stem: ${stem}`, 'moderators: [I, Moderatorin]', 'categories:'];
  const emit = (c, pad) => {
    lines.push(`${pad}- code: ${c.code}`, `${pad}  label: Kategorie ${c.code.slice(1)}`, `${pad}  terms: [${c.terms.map(q).join(', ')}]`);
    if (c.rules.length) {
      lines.push(`${pad}  rules:`);
      for (const r of c.rules) {
        if (r.near) lines.push(`${pad}    - near: [${r.near.map(q).join(', ')}]`, `${pad}      within: ${r.within}`);
        else if (r.all) lines.push(`${pad}    - all: [${r.all.map(q).join(', ')}]`);
        else lines.push(`${pad}    - regex: '${r.regex}'`);
      }
    }
    if (c.exclude.length) lines.push(`${pad}  exclude: [${c.exclude.map(q).join(', ')}]`);
    if (c.children.length) {
      lines.push(`${pad}  categories:`);
      for (const k of c.children) emit(k, pad + '    ');
    }
  };
  for (const c of top) emit(c, '  ');
  lines.push('perspectives:');
  lines.push(`  - code: p1`, `    label: Perspektive 1`, `    when: {all: [${top[0].code}, ${top[1].code}]}`);
  lines.push(`  - code: p2`, `    label: Perspektive 2`, `    when: {all: [${top[0].code}], none: [${top[1].code}]}`, `    scope: transcript`);
  writeFileSync(file, lines.join('\n') + '\n');

  const cores = new Set();
  const all = [...cats.flatMap((c) => [...c.terms, ...c.rules.flatMap((r) => r.near ?? r.all ?? [])])];
  for (const t of all) for (const w of t.split(' ')) for (const part of w.split('*')) if (part.length >= 3) cores.add(part);
  if (wordsFile) writeFileSync(wordsFile, [...cores].sort().join('\n') + '\n');
  return { file, wordsFile, categories: nCat, cores: cores.size };
}
