import { test } from 'vitest';
import { readTranscript } from '../../src/read/index.js';
import { segmentUnits } from '../../src/segment/index.js';
test('x', async () => {
  for (const n of [1, 2, 3]) {
    const name = `haski_nodegrade_interview${n}_german.docx`;
    const r = await readTranscript({ path: `tests/fixtures/read/haski/${name}`, id: name });
    const units = segmentUnits(r.transcript!, { unit: 'turn', moderators: [] });
    console.log(n, r.problems, units.length, units.map((u) => u.speaker || "''").join(' '));
    console.log(units.map((u) => u.line).join(' '));
    console.log(JSON.stringify(units[0]!.text), JSON.stringify(units[1]!.text.slice(0, 60)), JSON.stringify(units[units.length - 1]!.text.slice(-60)));
    const u3 = units.find((u) => u.text.includes('\n')); console.log(u3 && JSON.stringify([u3.speaker, u3.line, u3.text.slice(-80)]));
  }
});
