/**
 * The key under which speaker labels are compared: NFC, all white space removed, lower-cased, so
 * that "B 1", " b1 " and "B1" name the same speaker (participants files, moderators, turns).
 */
export function speakerKey(label: string): string {
  return label.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
}
