import { describe, expect, it } from 'vitest';
import { stemWord } from '../../src/text/stem.js';

describe('stemWord', () => {
  it('stems German words and keeps umlauts', () => {
    expect(stemWord('kooperationen', 'de')).toBe('kooperation');
    expect(stemWord('bedürfnisse', 'de')).toBe('bedürfnis');
    expect(stemWord('bedürfnis', 'de')).toBe('bedürfnis');
    expect(stemWord('grün', 'de')).toBe('grün');
    expect(stemWord('grüne', 'de')).toBe('grün');
  });
  it('stems English words with Porter', () => {
    expect(stemWord('networks', 'en')).toBe('network');
  });
});
