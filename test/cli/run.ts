// Running main() in-process with captured output, and building input files in a temp folder.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export const SAMPLE = join(import.meta.dirname, '..', '..', 'fixtures', 'hoi-nghi-huyen');

export async function tally(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}

/** A temp copy of the sample CSV session, with `edit` applied to each file's text. */
export function sampleCopy(edit: Partial<Record<'phieu.csv' | 'danh-sach.csv' | 'hoi-nghi.csv', (text: string) => string>> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-test-'));
  for (const name of ['phieu.csv', 'danh-sach.csv', 'hoi-nghi.csv'] as const) {
    const f = edit[name];
    if (f === undefined) copyFileSync(join(SAMPLE, name), join(dir, name));
    else writeFileSync(join(dir, name), f(readFileSync(join(SAMPLE, name), 'utf8').replace(/\r\n/g, '\n')));
  }
  const args = [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
  return { dir, args };
}

/** Replace the cell of a CSV at (1-based row, 0-based column). Cells hold no commas except quoted "1,2". */
export function setCell(text: string, row: number, col: number, value: string): string {
  const lines = text.split('\n');
  const cells = splitCsvLine(lines[row - 1] ?? '');
  cells[col] = value;
  lines[row - 1] = cells.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  return lines.join('\n');
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
