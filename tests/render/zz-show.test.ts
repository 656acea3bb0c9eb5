import { it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import { smallReport } from './report.js';
it('show', () => {
  console.log(JSON.stringify(renderTable(smallReport(), { color: false })));
  console.log(renderTable(smallReport(), { color: false }));
  console.log(renderTable(smallReport(), { color: false, width: 70 }));
  console.log(JSON.stringify(renderTable(smallReport(), { color: true })));
});
