import { it } from 'vitest';
import { runCli } from './run.js';
const args = JSON.parse(process.env.ARGS ?? '[]');
it('scratch', async () => {
  const r = await runCli(args, process.env.CWD ?? process.cwd());
  console.log(`CODE ${r.code}\n--STDOUT--\n${r.stdout}--STDERR--\n${r.stderr}`);
});
