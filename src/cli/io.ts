/** A stream the CLI writes to: process.stdout in real use, a string buffer in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command may touch of its environment, passed in so tests can run commands in-process. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Options every command shares. */
export interface GlobalOptions {
  debug?: boolean;
}

/** True when colour may be used on a stream: a terminal, no NO_COLOR, and not switched off. */
export function useColor(stream: OutStream, env: CliIO['env'], requested: boolean): boolean {
  if (!requested) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Exit codes: 0 done, 1 a check failed, 2 bad usage or bad input. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;
