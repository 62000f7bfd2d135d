// Reading scanner mark cells (SPEC §2.5): x / 1 / true marked, empty / 0 / false not, or a
// fill ratio judged against the thresholds, with the band between them left undecided.
import type { Level, LineReading } from '../model/types.js';
import { compareDecimal, parseDecimal, type Decimal } from '../model/decimal.js';
import type { Thresholds } from '../model/thresholds.js';
import { fold } from '../model/fold.js';
import { cellText, type CellValue } from '../model/grid.js';



export type MarkState = 'marked' | 'blank' | 'undecided' | 'bad';

const ONE: Decimal = { num: 1n, scale: 0 };

export function markState(value: CellValue, t: Thresholds): MarkState {
  if (value === null) return 'blank';
  if (typeof value === 'boolean') return value ? 'marked' : 'blank';
  if (value instanceof Date) return 'bad';
  const text = fold(String(value));
  if (text === '' || text === 'false') return 'blank';
  if (text === 'x' || text === 'true') return 'marked';
  const d = fillRatio(text);
  if (d === null || compareDecimal(d, ONE) > 0) return 'bad';
  if (compareDecimal(d, t.mark) >= 0) return 'marked';
  if (compareDecimal(d, t.blank) <= 0) return 'blank';
  return 'undecided';
}

/**
 * A fill ratio as scanners export it: "0.62", "0,62", or a percentage "62%", "62,5 %" (read
 * as 0.62, 0.625). A sign is never accepted, so a negative value is refused with the rest.
 */
export function fillRatio(text: string): Decimal | null {
  const percent = /^(.*?)\s*%$/.exec(text);
  if (percent === null) return parseDecimal(text);
  const d = parseDecimal(percent[1] as string);
  return d === null ? null : { num: d.num, scale: d.scale + 2 };
}

export type MarksReading = { readonly ok: true; readonly reading: LineReading; readonly allThree: boolean } | { readonly ok: false; readonly bad: readonly Level[] };

/** Three mark cells (high, confidence, low) → one line reading. */
export function readMarks(cells: Readonly<Record<Level, CellValue>>, t: Thresholds): MarksReading {
  const levels: Level[] = ['high', 'confidence', 'low'];
  const states = levels.map((l) => markState(cells[l], t));
  const bad = levels.filter((_, i) => states[i] === 'bad');
  if (bad.length > 0) return { ok: false, bad };
  const marked = levels.filter((_, i) => states[i] === 'marked');
  const undecided = states.filter((s) => s === 'undecided').length;
  // Two definite marks make several marks whatever the undecided one is.
  if (marked.length >= 2) return { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: marked.length === 3 };
  if (undecided > 0) return { ok: true, reading: { kind: 'undecided', fills: levels.map((l) => cellText(cells[l])) }, allThree: false };
  const only = marked[0];
  return { ok: true, reading: only === undefined ? { kind: 'invalid', reason: 'no-mark' } : { kind: 'mark', level: only }, allThree: false };
}
