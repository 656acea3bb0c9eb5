/** A stream the CLI writes to: process.stdout in real use, a string buffer in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The stream an interactive command reads keys from: process.stdin in real use, a fake terminal in tests. */
export interface InStream {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  resume?(): unknown;
  pause?(): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'end' | 'close', listener: () => void): unknown;
}

import type { Messages } from '../lang/catalogue.js';

/** Everything a command may touch of its environment, passed in so tests can run commands in-process. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where keys come from (only `fokus review` reads it); absent: no terminal. */
  stdin?: InStream;
  /**
   * The language the running command speaks (`--lang`, else the locale): set by `main` before a
   * command's action runs; absent, `messagesOf` takes the locale of `env`.
   */
  messages?: Messages;
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
