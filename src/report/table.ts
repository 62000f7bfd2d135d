// Terminal tables: the layout fitted to the screen's width here, the drawing by cli-table3.
// cli-table3 is loaded only when a table is printed (--json never loads it). Its own colours
// (@colors/colors, which ignore NO_COLOR) are switched off: cells arrive coloured by chalk,
// line by line, after their widths were measured.
import { clip, longestWord, visibleWidth, wrapWords } from '../text/wrap.js';

export type Align = 'left' | 'right' | 'center';

export interface TableRow {
  readonly cells: readonly string[];
  /** Colour or style for the row's text (not its borders). */
  readonly style?: (text: string) => string;
}

export interface Column {
  /** Content width (no padding); the widest line of the column when absent. */
  readonly width?: number;
  readonly align?: Align;
}

export interface TableLayout {
  readonly head: readonly string[];
  readonly rows: readonly TableRow[];
  readonly columns: readonly Column[];
  /** Box-drawn (┌─┬─┐) or, when space is short, columns apart by spaces with rules between rows. */
  readonly boxed: boolean;
  readonly headStyle?: (text: string) => string;
}

/** The columns a table takes on screen besides its content. */
export function overhead(columns: number, boxed: boolean): number {
  return boxed ? 1 + 3 * columns : columns - 1;
}

/** The narrowest width at which `text` takes at most `lines` lines, no word broken. */
export function widthInLines(text: string, lines: number): number {
  const full = Math.max(0, ...text.split('\n').map(visibleWidth));
  for (let w = longestWord(text); w < full; w++) if (wrapWords(text, w).length <= lines) return w;
  return full;
}

export type RenderTable = (layout: TableLayout) => string;

/** Loads cli-table3 (once) and returns the function that draws a laid-out table. */
export async function loadTable(): Promise<RenderTable> {
  const { default: Table } = await import('cli-table3');
  return (layout) => {
    const { head, rows, columns, boxed } = layout;
    const all = [head, ...rows.map((r) => r.cells)];
    const widths = columns.map((c, i) => c.width ?? Math.max(1, ...all.map((cells) => Math.max(...(cells[i] ?? '').split('\n').map(visibleWidth)))));
    // What a cell shows is bounded: a word wider than its column is cut, and a cell stops at
    // MAX_CELL_LINES lines with "…" (the files and --json keep every word). cli-table3 measures
    // a cell's whole text again for each character it cuts, and does so on every cell it draws:
    // a 4,000-letter name typed in decomposed Unicode took 39 s to print.
    const lines = (text: string, i: number) => {
      const width = widths[i] ?? 1;
      const all = wrapWords(text, width).map((line) => clip(line, width));
      if (all.length <= MAX_CELL_LINES) return all;
      return [...all.slice(0, MAX_CELL_LINES - 1), clip(`${all[MAX_CELL_LINES - 1] ?? ''}…`, width)];
    };
    const headStyle = layout.headStyle ?? ((t: string) => t);
    const table = new Table({
      head: [],
      colWidths: widths.map((w) => w + (boxed ? 2 : 0)),
      wordWrap: false,
      style: { head: [], border: [], 'padding-left': boxed ? 1 : 0, 'padding-right': boxed ? 1 : 0, compact: false },
      ...(boxed ? {} : { chars: PLAIN }),
    });
    // The head is an ordinary first row, so that a wrapped heading can sit low over numbers.
    table.push(
      head.map((h, i) => {
        const align = columns[i]?.align ?? 'left';
        return { content: lines(h, i).map(headStyle).join('\n'), hAlign: align, vAlign: align === 'left' ? 'top' : 'bottom' } as const;
      }),
    );
    for (const row of rows) {
      const style = row.style ?? ((t: string) => t);
      table.push(row.cells.map((cell, i) => ({ content: lines(cell, i).map(style).join('\n'), hAlign: columns[i]?.align ?? 'left' })));
    }
    return table.toString();
  };
}

/** Lines a cell shows at most on screen: more than any position wraps to at 80 columns, far fewer than a pasted paragraph. */
export const MAX_CELL_LINES = 20;

/** Columns one space apart, a rule under the heading and between rows (a row may take several lines). */
const PLAIN = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '─', 'mid-mid': ' ', right: '', 'right-mid': '', middle: ' ',
};
