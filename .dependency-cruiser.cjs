/**
 * The dependency rule of src/ (written out in src/README.md), checked on every test run
 * (tests/architecture) and by `npm run depcruise`. Capability folders are layered: a folder imports
 * only folders of lower layers (and the shared modules at the top of src/: types, problems, arrays,
 * version); only the readers and the CLI touch the file system; nothing but the runner and the CLI
 * starts threads; nothing imports the CLI; no import cycles.
 */
const layers = [
  ['lang'],
  ['text'],
  ['transcripts'],
  ['codebook', 'privacy'],
  ['coding'],
  ['analysis'],
  ['report'],
  ['retrieval', 'exchange'],
  ['reliability'],
  ['review', 'learn'],
  ['run'],
  ['cli'],
];
const layerOf = new Map(layers.flatMap((names, i) => names.map((n) => [n, i])));
const above = (i) => layers.slice(i).flat();

/** The modules that read files: the transcript readers, and the loaders of codebooks, codings, pseudonym maps and REFI-QDA projects. */
const READERS = ['transcripts/', 'codebook/load\\.ts$', 'reliability/codings\\.ts$', 'privacy/map\\.ts$', 'exchange/refi-qda/read\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere in src/.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...[...layerOf].map(([folder, i]) => ({
      name: `${folder.replace('/', '-')}-imports-only-lower-layers`,
      severity: 'error',
      comment: `src/${folder}/ may import only the folders below it (src/README.md, "The dependency rule").`,
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${above(i).filter((f) => f !== folder).join('|')})/` },
    })),
    {
      name: 'only-readers-and-cli-touch-files',
      severity: 'error',
      comment: 'Only the readers and src/cli/ use the file system.',
      from: { path: '^src/', pathNot: `^src/(cli/|${READERS.join('|')})` },
      to: { path: '^(node:)?fs(/promises)?$', dependencyTypes: ['core'] },
    },
    {
      name: 'only-the-runner-starts-threads',
      severity: 'error',
      comment: 'Worker threads and the machine (node:os) belong to the runner (src/run/pool.ts, src/run/worker.ts) and the CLI.',
      from: { path: '^src/', pathNot: '^src/(cli/|run/pool\\.ts$|run/worker\\.ts$)' },
      to: { path: '^(node:)?(worker_threads|os|child_process|cluster)$', dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
