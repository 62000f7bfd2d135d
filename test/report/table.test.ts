// Terminal tables stay bounded however long a cell is (fuzzing, 2026-11-29: a 4,000-letter
// name in decomposed Unicode took 39 s to print, cli-table3 cutting it one letter at a time).
import { describe, expect, it } from 'vitest';
import { loadTable, MAX_CELL_LINES } from '../../src/report/table.js';
import { clip } from '../../src/text/wrap.js';

describe('terminal table cells', () => {
  it('a cell shows at most MAX_CELL_LINES lines, the last ending in …, each within its column', async () => {
    const draw = await loadTable();
    // "Trần Văn Bình" decomposed: every ầ, ă, ì is a letter and a combining mark.
    const name = Array.from({ length: 300 }, () => 'Trần Văn Bình'.normalize('NFD')).join(' ');
    const out = draw({ head: ['Họ và tên', 'Số'], rows: [{ cells: [name, '1'] }], columns: [{ width: 20 }, { width: 3, align: 'right' }], boxed: true });
    const body = out.split('\n').filter((l) => l.startsWith('│')).slice(1);
    expect(body).toHaveLength(MAX_CELL_LINES);
    expect(body.at(-1)).toMatch(/…\s*│/);
    // Every line of the table as wide as its top border, counted in what the eye sees.
    const seen = (l: string) => [...l.normalize('NFC')].length;
    for (const line of out.split('\n')) expect(seen(line)).toBe(seen(out.split('\n')[0] as string));
  });

  it('clip cuts a line to its width with …, counting a combining mark as no column', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
    const nfd = 'Bình Bình'.normalize('NFD');
    expect(clip(nfd, 9)).toBe(nfd);
    expect(clip(nfd, 6).normalize('NFC')).toBe('Bình …');
  });
});
