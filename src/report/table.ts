// Box-drawn terminal tables: fixed or natural column widths, words wrapped inside cells,
// colour applied after measuring, so widths count only visible characters.

export interface Column {
  /** Total width including one space of padding each side; natural width when absent. */
  readonly width?: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface TableRow {
  readonly cells: readonly string[];
  /** Colour or style for the row's text (not its borders). */
  readonly style?: (text: string) => string;
}

/** Visible width: NFC text, combining marks take no column. */
const MARK = /\p{M}/u;
export function visibleWidth(text: string): number {
  if (!MARK.test(text)) return text.length;
  let n = 0;
  for (const ch of text) if (!MARK.test(ch)) n++;
  return n;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line === '') line = word;
      else if (visibleWidth(line) + 1 + visibleWidth(word) <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
      while (visibleWidth(line) > width) {
        const chars = [...line];
        lines.push(chars.slice(0, width).join(''));
        line = chars.slice(width).join('');
      }
    }
    lines.push(line);
  }
  return lines;
}

function pad(text: string, width: number, align: Column['align']): string {
  const gap = Math.max(0, width - visibleWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}

export function renderTable(head: readonly string[], rows: readonly TableRow[], columns: readonly Column[], headStyle: (t: string) => string = (t) => t): string {
  const all = [head, ...rows.map((r) => r.cells)];
  const inner = columns.map((c, i) => (c.width !== undefined ? c.width - 2 : all.reduce((w, cells) => Math.max(w, ...(cells[i] ?? '').split('\n').map(visibleWidth)), 1)));
  const rule = (l: string, m: string, r: string) => l + inner.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const block = (cells: readonly string[], style: (t: string) => string, headAlign: boolean) => {
    const wrapped = inner.map((w, i) => wrap(cells[i] ?? '', w));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = inner.map((w, i) => {
        const align = columns[i]?.align ?? 'left';
        // A wrapped header sits at the bottom over numbers, at the top over text.
        const cell = wrapped[i] ?? [''];
        const offset = headAlign && align !== 'left' ? height - cell.length : 0;
        return ` ${style(pad(cell[k - offset] ?? '', w, align))} `;
      });
      lines.push(`│${parts.join('│')}│`);
    }
    return lines;
  };
  const out = [rule('┌', '┬', '┐'), ...block(head, headStyle, true)];
  for (const row of rows) out.push(rule('├', '┼', '┤'), ...block(row.cells, row.style ?? ((t) => t), false));
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
