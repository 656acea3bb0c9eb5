import { StringDecoder } from 'node:string_decoder';

/**
 * Keys for the interactive review: decoded from what a terminal in raw mode sends, and handed out
 * one at a time by a key source (the terminal, or a script in tests).
 */

/** The keys that are not characters. */
export type NamedKey = 'enter' | 'tab' | 'backspace' | 'escape' | 'interrupt' | 'eof' | 'up' | 'down' | 'left' | 'right' | 'other';

/** One key press. */
export type Key = { name: 'char'; char: string } | { name: NamedKey };

/** Where the review loop gets its keys: the next key, `eof` once there are no more (for ever after). */
export interface KeySource {
  next(): Promise<Key>;
}

const CSI_ARROWS: Record<string, NamedKey> = { A: 'up', B: 'down', C: 'right', D: 'left' };

/**
 * The keys in a piece of terminal input: printable characters, Enter (CR or LF; CR LF once), Tab,
 * Backspace (DEL or BS), Ctrl-C (interrupt), Ctrl-D (eof), Escape, arrow keys; other escape
 * sequences and control characters are `other`.
 */
export function decodeKeys(text: string): Key[] {
  const keys: Key[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\r' || ch === '\n') {
      keys.push({ name: 'enter' });
      if (ch === '\r' && chars[i + 1] === '\n') i++;
    } else if (ch === '\t') keys.push({ name: 'tab' });
    else if (ch === '\x7f' || ch === '\b') keys.push({ name: 'backspace' });
    else if (ch === '\x03') keys.push({ name: 'interrupt' });
    else if (ch === '\x04') keys.push({ name: 'eof' });
    else if (ch === '\x1b') {
      const next = chars[i + 1];
      if (next === '[' || next === 'O') {
        // CSI or SS3: parameters, then one final character.
        let j = i + 2;
        while (j < chars.length && /[0-9;]/u.test(chars[j]!)) j++;
        const final = chars[j] ?? '';
        keys.push({ name: CSI_ARROWS[final] ?? 'other' });
        i = j;
      } else keys.push({ name: 'escape' });
    } else if (ch < ' ') keys.push({ name: 'other' });
    else keys.push({ name: 'char', char: ch });
  }
  return keys;
}

/** A key source over a fixed list of keys or a string of terminal input; `eof` after the last. */
export function scriptedKeys(input: string | readonly Key[]): KeySource {
  const keys = typeof input === 'string' ? decodeKeys(input) : [...input];
  let i = 0;
  return { next: async () => keys[i++] ?? { name: 'eof' } };
}

/** A readable stream of terminal input, as `streamKeys` needs it (process.stdin in raw mode). */
export interface KeyStream {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'end' | 'close', listener: () => void): unknown;
}

/** A key source reading a stream; `close` stops listening (the stream itself is left open). */
export function streamKeys(stream: KeyStream): KeySource & { close(): void } {
  const queue: Key[] = [];
  // A character split across two chunks is decoded whole.
  const decoder = new StringDecoder('utf8');
  const waiting: ((key: Key) => void)[] = [];
  let ended = false;
  const push = (key: Key): void => {
    const w = waiting.shift();
    if (w) w(key);
    else queue.push(key);
  };
  const onData = (chunk: Buffer | string): void => {
    for (const key of decodeKeys(typeof chunk === 'string' ? chunk : decoder.write(chunk))) push(key);
  };
  const onEnd = (): void => {
    ended = true;
    while (waiting.length > 0) waiting.shift()!({ name: 'eof' });
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  return {
    next: () => {
      const key = queue.shift();
      if (key) return Promise.resolve(key);
      if (ended) return Promise.resolve({ name: 'eof' });
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onEnd);
    },
  };
}
