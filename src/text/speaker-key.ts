/**
 * Characters below U+0300 are all starters that NFC leaves alone (no decomposition, no composition
 * with one another: combining marks start at U+0300), so a string without any other is already NFC.
 */
const BEYOND_NFC_SAFE = /[^\u0000-\u02ff]/u;

/**
 * A character that keeps `speakerKey` off its short way: one at or above U+0300 (NFC may change it)
 * or white space (`\s` below U+0300 is tab, line feed, vertical tab, form feed, carriage return,
 * space and U+00A0). A label without any is its own NFC with no white space to remove.
 */
const NOT_PLAIN_KEY = /[^\u0000-\u0008\u000e-\u001f\u0021-\u009f\u00a1-\u02ff]/u;

/** `text` in Unicode NFC; text that cannot change (every character below U+0300) is returned without calling ICU. */
export function nfc(text: string): string {
  return BEYOND_NFC_SAFE.test(text) ? text.normalize('NFC') : text;
}

/**
 * The key under which speaker labels are compared: NFC, all white space removed, lower-cased, so
 * that "B 1", " b1 " and "B1" name the same speaker (participants files, moderators, turns).
 */
export function speakerKey(label: string): string {
  if (!NOT_PLAIN_KEY.test(label)) return label.toLowerCase();
  return label.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
}
