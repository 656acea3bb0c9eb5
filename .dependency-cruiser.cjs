/**
 * The dependency rule of src/ (written out in src/README.md), checked in CI by `npm run depcruise`.
 * A stage imports only the stages before it in the pipeline; only the readers and the CLI touch the
 * file system; nothing imports the CLI; no import cycles.
 */
const stage = (name) => `^src/${name}/`;
/** Each folder and what it may NOT import (everything later in the pipeline). */
const later = {
  lang: ['text', 'codebook', 'code', 'aggregate', 'render', 'read', 'segment', 'run', 'review', 'learn', 'cli'],
  text: ['codebook', 'code', 'aggregate', 'render', 'read', 'segment', 'run', 'review', 'learn', 'cli'],
  codebook: ['code', 'aggregate', 'render', 'read', 'segment', 'run', 'review', 'learn', 'cli'],
  segment: ['code', 'aggregate', 'render', 'read', 'run', 'review', 'learn', 'cli'],
  code: ['aggregate', 'render', 'read', 'run', 'review', 'learn', 'cli'],
  aggregate: ['render', 'read', 'run', 'review', 'learn', 'cli'],
  render: ['read', 'run', 'review', 'learn', 'cli'],
  read: ['code', 'aggregate', 'render', 'run', 'review', 'learn', 'cli'],
  review: ['run', 'learn', 'cli'],
  learn: ['run', 'review', 'cli'],
  run: ['cli'],
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere in src/.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...Object.entries(later).map(([from, banned]) => ({
      name: `${from}-imports-only-earlier-stages`,
      severity: 'error',
      comment: `src/${from}/ may not import a later stage (src/README.md, "The dependency rule").`,
      from: { path: stage(from) },
      to: { path: `^src/(${banned.join('|')})/` },
    })),
    {
      name: 'only-readers-and-cli-touch-files',
      severity: 'error',
      comment: 'Only src/read/ and src/cli/ use the file system.',
      from: { path: '^src/', pathNot: '^src/(read|cli)/' },
      to: { path: '^(fs|node:fs|fs/promises|node:fs/promises)$', dependencyTypes: ['core'] },
    },
    {
      name: 'only-the-runner-starts-threads',
      severity: 'error',
      comment: 'Worker threads and the machine (node:os) belong to the runner (src/run/pool.ts, src/run/worker.ts) and the CLI.',
      from: { path: '^src/', pathNot: '^src/(cli/|run/pool\\.ts$|run/worker\\.ts$)' },
      to: { path: '^(node:)?(worker_threads|os|child_process|cluster)$', dependencyTypes: ['core'] },
    },
    {
      name: 'library-never-imports-cli',
      severity: 'error',
      comment: 'The library API under src/ never imports the CLI.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
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
