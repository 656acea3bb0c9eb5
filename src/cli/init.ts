import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, say, sayError } from './lang.js';

/** The shipped sample transcript a new project starts with, and the participants file it is described in. */
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const SAMPLE_TRANSCRIPT = 'fokusgruppe-1-kita-grundschule.txt';
const SAMPLE_PARTICIPANTS = 'participants.csv';

/** The names of what `fokus init` writes into the project folder. */
export const INIT_FILES = {
  codebook: 'codebook.yaml',
  schema: 'codebook.schema.json',
  participants: 'participants.csv',
  transcripts: 'transkripte',
  readme: 'README.md',
} as const;

/** The schema line a codebook opens with, for editors with the YAML language server. */
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/;

/** The researcher's guide to the new folder (German, like the codebook it describes). */
const README = `# Fokusgruppen auswerten mit fokus

Dieser Ordner ist ein fertiges Projekt für die inhaltsanalytische Auswertung von
Fokusgruppen- und Interviewtranskripten (nach Mayring/Kuckartz) mit \`fokus\`.

## Was hier liegt

| Datei | Inhalt |
|---|---|
| \`${INIT_FILES.codebook}\` | der Kodierleitfaden: Kategorien mit Definition, Ankerbeispielen, Gegenbeispielen und Kodierregeln – eine Kopie des ISoG-Leitfadens zum Anpassen |
| \`${INIT_FILES.schema}\` | das Schema des Leitfadens: Editoren mit YAML-Unterstützung (z. B. VS Code mit der Erweiterung „YAML“) schlagen damit Schlüssel vor und markieren Tippfehler |
| \`${INIT_FILES.participants}\` | wer spricht: Sprecherkürzel je Transkript mit Gruppe und Rolle |
| \`${INIT_FILES.transcripts}/\` | die Transkripte; ein Beispiel liegt schon darin |

## Erste Schritte

\`\`\`sh
fokus analyze ${INIT_FILES.transcripts} -c ${INIT_FILES.codebook} -p ${INIT_FILES.participants} --by group -o ergebnisse
\`\`\`

Das schreibt Häufigkeiten, kodierte Segmente, Überschneidungen, Entwicklungsperspektiven und einen
Bericht (\`ergebnisse/report.html\`) in den Ordner \`ergebnisse\`. Gleiche Eingaben ergeben immer
gleiche Dateien.

## Den Kodierleitfaden anpassen

1. Kategorien, Definitionen und Begriffe in \`${INIT_FILES.codebook}\` ändern. Ein \`*\` steht für
   beliebige Buchstaben (\`vernetz*\`), mehrere Wörter bilden eine Wortfolge (\`es fehlt\`).
2. Zu jeder Kategorie Ankerbeispiele (\`examples\`) und Gegenbeispiele (\`counterexamples\`) aus dem
   eigenen Material eintragen.
3. Prüfen:

   \`\`\`sh
   fokus codebook check ${INIT_FILES.codebook}
   \`\`\`

   Jedes Ankerbeispiel muss mit seiner Kategorie kodiert werden, kein Gegenbeispiel darf es.
   Die Tabelle zeigt, was scheitert und welcher Begriff gegriffen hat.

Wer mit einem Wörterbuch aus LIWC, quanteda, WordStat oder Lexicoder beginnt:
\`fokus codebook import WOERTERBUCH -o ${INIT_FILES.codebook}\`. Für MAXQDA, ATLAS.ti oder NVivo:
\`fokus codebook export ${INIT_FILES.codebook} --qdc leitfaden.qdc\`.

## Transkripte

Neue Transkripte kommen in \`${INIT_FILES.transcripts}/\`: Text (\`.txt\`, \`.md\`), Word (\`.docx\`),
Untertitel (\`.vtt\`, \`.srt\`), Whisper-JSON oder noScribe-HTML. Jeder Sprecherbeitrag beginnt mit
einem Kürzel und Doppelpunkt (\`B1: …\`); Zeitmarken wie \`#00:01:31-6#\` werden erkannt. Beiträge der
Moderation (im Leitfaden unter \`moderators\`) bleiben sichtbar, werden aber nicht kodiert.

Bitte nur pseudonymisierte Transkripte verwenden.
`;

/** `fokus init [DIR]`: a ready project folder — codebook to adapt, schema, participants, a sample transcript, README. */
export function registerInit(program: Command, io: CliIO, setCode: (code: number) => void): void {
  program
    .command('init')
    .description('create a project folder: a codebook to adapt, a participants file, a sample transcript and a README')
    .argument('[dir]', 'the folder (created if missing)', '.')
    .action(async (dir: string) => {
      setCode(await runInit(dir, io));
    });
}

async function runInit(dir: string, io: CliIO): Promise<number> {
  const { lstat, readFile, stat } = await import('node:fs/promises');
  const { DEFAULT_CODEBOOK_PATH } = await import('../codebook/load.js');
  const { renderCodebookJsonSchema } = await import('../codebook/schema.js');
  const target = resolve(io.cwd, dir);
  try {
    if (!(await stat(target)).isDirectory()) {
      say(io, 'cli.init.file', { dir });
      return EXIT.badInput;
    }
  } catch {
    // a missing folder is created below
  }

  const codebook = (await readFile(DEFAULT_CODEBOOK_PATH, 'utf8')).split('\n');
  const schemaLine = `# yaml-language-server: $schema=${INIT_FILES.schema}`;
  if (SCHEMA_LINE.test(codebook[0] ?? '')) codebook[0] = schemaLine;
  else codebook.unshift(schemaLine);
  const transcript = join(INIT_FILES.transcripts, SAMPLE_TRANSCRIPT);
  const files: { name: string; content: string }[] = [
    { name: INIT_FILES.codebook, content: codebook.join('\n') },
    { name: INIT_FILES.schema, content: renderCodebookJsonSchema() },
    { name: INIT_FILES.participants, content: await participantsOf(await readFile(join(SAMPLES, SAMPLE_PARTICIPANTS), 'utf8'), SAMPLE_TRANSCRIPT) },
    { name: transcript, content: await readFile(join(SAMPLES, SAMPLE_TRANSCRIPT), 'utf8') },
    { name: INIT_FILES.readme, content: README },
  ];

  const existing: string[] = [];
  for (const f of files) {
    try {
      await lstat(join(target, f.name));
      existing.push(f.name);
    } catch {
      // free
    }
  }
  if (existing.length > 0) {
    for (const name of existing) sayError(io, join(dir, name), 'cli.init.exists');
    say(io, 'cli.init.existing', { n: existing.length });
    return EXIT.badInput;
  }
  const failed = await writeProject(target, files);
  if (failed) {
    say(io, 'cli.init.cannot-write', { dir, code: failed });
    return EXIT.badInput;
  }
  const here = dir === '.' ? '' : `cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir} && `;
  const m = messagesOf(io);
  const rows: [string, string][] = [
    [INIT_FILES.codebook, m.t('cli.init.file.codebook')],
    [INIT_FILES.schema, m.t('cli.init.file.schema')],
    [INIT_FILES.participants, m.t('cli.init.file.participants')],
    [`${INIT_FILES.transcripts}/${SAMPLE_TRANSCRIPT}`, m.t('cli.init.file.transcript')],
    [INIT_FILES.readme, m.t('cli.init.file.readme')],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  io.stdout.write(
    [
      dir === '.' ? m.t('cli.init.created.here') : m.t('cli.init.created', { dir }),
      ...rows.map(([name, what]) => `  ${name.padEnd(width)}${what}`),
      m.t('cli.init.next', { command: `${here}fokus analyze ${INIT_FILES.transcripts} -c ${INIT_FILES.codebook} -p ${INIT_FILES.participants} -o ergebnisse` }),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/**
 * Write the project's files into `target`, making the folders needed (parents too, one by one). A
 * failure removes every file written and every folder made, so a rerun finds the folder as it was;
 * returns the error code, or null when all is written.
 */
async function writeProject(target: string, files: readonly { name: string; content: string }[]): Promise<string | null> {
  const { rm, writeFile } = await import('node:fs/promises');
  const { errorCode, makeFolders, removeFolders } = await import('./staging.js');
  const created: string[] = [];
  const written: string[] = [];
  try {
    created.push(...(await makeFolders(target)));
    created.push(...(await makeFolders(join(target, INIT_FILES.transcripts))));
    for (const f of files) {
      // 'wx': never replace a file that appeared since the check for existing files.
      await writeFile(join(target, f.name), f.content, { encoding: 'utf8', flag: 'wx' });
      written.push(join(target, f.name));
    }
    return null;
  } catch (e) {
    for (const file of written.reverse()) await rm(file, { force: true }).catch(() => undefined);
    await removeFolders(created);
    return errorCode(e);
  }
}

/** The header and the rows of a participants CSV that hold in `transcript` (or in every transcript), as written. */
async function participantsOf(csv: string, transcript: string): Promise<string> {
  const { parse } = await import('csv-parse/sync');
  const rows = parse(csv.replace(/^\uFEFF/, ''), { raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as { record: string[]; raw: string }[];
  const [header, ...body] = rows;
  if (!header) return '';
  const column = header.record.indexOf('transcript');
  const kept = body.filter((r) => column < 0 || (r.record[column] ?? '') === '' || r.record[column] === transcript);
  return [header, ...kept].map((r) => r.raw.replace(/^[\r\n]+|[\r\n]+$/g, '')).join('\n') + '\n';
}
