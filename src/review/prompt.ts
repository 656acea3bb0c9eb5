/** The `a` key's prompt: a category code read key by key, with Tab completion. */
import type { Messages } from '../lang/catalogue.js';
import type { KeySource } from './keys.js';
import { wrap } from './screen.js';
import type { Screen } from './state.js';

/** The code a reviewer typed as a category: a full code, or an own code only one category has; null when neither. */
export function resolveTyped(typed: string, paths: readonly string[]): string | null {
  const name = typed.trim();
  if (paths.includes(name)) return name;
  const own = paths.filter((p) => p.split('/').at(-1) === name);
  return own.length === 1 ? own[0]! : null;
}

/**
 * Tab completion of a category code: the codes starting with what was typed (else those with a part
 * starting with it, `pers` → `bedarfe/personal`); the text completed as far as all of them agree.
 */
export function completeCategory(typed: string, paths: readonly string[]): { text: string; candidates: string[] } {
  const byStart = paths.filter((p) => p.startsWith(typed));
  const candidates = byStart.length > 0 ? byStart : paths.filter((p) => p.split('/').some((part) => part.startsWith(typed)));
  if (candidates.length === 1) return { text: candidates[0]!, candidates };
  if (byStart.length === 0) return { text: typed, candidates };
  let common = byStart[0]!;
  for (const p of byStart) while (!p.startsWith(common)) common = common.slice(0, -1);
  return { text: common.length > typed.length ? common : typed, candidates };
}

/** Tab: complete what was typed, or list the codes it could become; gives the text typed now. */
function complete(typed: string, paths: readonly string[], screen: Screen, m: Messages): string {
  const { text, candidates } = completeCategory(typed, paths);
  if (text !== typed) {
    screen.write(text.slice(typed.length));
    return text;
  }
  if (candidates.length !== 1) {
    const list = candidates.length === 0 ? m.t('review.prompt.none', { typed }) : candidates.join('  ');
    screen.write('\n' + wrap(list, screen.width(), '  ', '  ').join('\n') + '\n' + m.t('review.prompt') + typed);
  }
  return typed;
}

/** Read a category code with Tab completion; null when cancelled (Esc, Ctrl-C, the end of the keys). */
export async function promptCategory(keys: KeySource, screen: Screen, paths: readonly string[], m: Messages): Promise<string | null> {
  let typed = '';
  screen.write('\n' + m.t('review.prompt'));
  for (;;) {
    const key = await keys.next();
    if (key.name === 'enter') return typed;
    if (key.name === 'escape' || key.name === 'interrupt' || key.name === 'eof') return null;
    if (key.name === 'backspace') {
      if (typed !== '') {
        typed = Array.from(typed).slice(0, -1).join('');
        screen.write('\b \b');
      }
    } else if (key.name === 'tab') typed = complete(typed, paths, screen, m);
    else if (key.name === 'char') {
      typed += key.char;
      screen.write(key.char);
    }
  }
}
