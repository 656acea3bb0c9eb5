import { main } from '../../src/cli/main.js';
import type { CliIO, OutStream } from '../../src/cli/io.js';

/** A string-buffer stream standing in for stdout or stderr. */
export class BufferStream implements OutStream {
  text = '';
  isTTY: boolean;
  columns?: number;
  constructor(isTTY = false, columns?: number) {
    this.isTTY = isTTY;
    if (columns !== undefined) this.columns = columns;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** What a command run in-process gives back. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `fokus ARGS` in-process in `cwd` with string-buffer streams (no terminal, no colour). */
export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  const io: CliIO = { stdout, stderr, cwd, env };
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
