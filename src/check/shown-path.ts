// How a path is shown in check's and summary's messages and reports: relative to the current
// folder when it lies under it (shorter, as the clerk typed it), else whole — never a climb
// such as "..\Users\…", which names no place the clerk knows.
import { isAbsolute, relative, sep } from 'node:path';

export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  if (r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return path;
  return r;
}
