/**
 * Text from transcripts and codebooks as a terminal may show it: control characters are made
 * visible instead of obeyed, so an escape sequence in a transcript can neither recolour, move the
 * cursor, retitle the window, rewrite a line (a carriage return) nor reorder the text (bidi
 * overrides). Each UTF-16 code unit is replaced by one, so offsets into the text stay valid: C0
 * controls and DEL become their Control Pictures (`␛`, `␍`, `␡`), C1 controls and bidi embeddings,
 * overrides and isolates become U+FFFD. Line breaks and tabs are kept.
 */
export function safeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

/** Controls a terminal obeys (all C0 but line feed and tab, DEL, C1) and the bidi controls that reorder a line. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** The visible stand-in of one unsafe character. */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** Control characters no text should carry (a NUL ends a C string, an escape sequence garbles a spreadsheet); tab and line breaks stay. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'gu');

/** `text` with its control characters replaced by U+FFFD, one for one (so offsets into it stay valid). */
export function withoutControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS_ALL, '\ufffd') : text;
}
