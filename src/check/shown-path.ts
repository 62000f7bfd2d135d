// How a path is shown in check's and summary's messages and reports: under a path the clerk
// gave, spelled from that path as typed ("D:\Lưu trữ\2024\phieu.xlsx", "..\luu-tru\…"); else
// relative to the current folder when it lies under it; else whole — never a climb such as
// "..\Users\…" that the clerk never typed.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const climbs = (r: string) => r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r);

export function shownPath(path: string, given: readonly string[] = []): string {
  // The longest path given that holds it: the one the clerk named it by.
  let best: { typed: string; rest: string; depth: number } | null = null;
  for (const typed of given) {
    const base = resolve(typed);
    const rest = relative(base, path);
    if (climbs(rest) || (best !== null && base.length <= best.depth)) continue;
    best = { typed, rest, depth: base.length };
  }
  if (best !== null) return best.rest === '' ? best.typed : join(best.typed, best.rest);
  const r = relative(process.cwd(), path);
  return r === '' || climbs(r) ? path : r;
}
