// What the clerk is told when a file given on the line is missing: which one, and — when the
// line looks like a path cut at its spaces (unquoted "C:\Users\Văn A\phieu.xlsx") — to quote it.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { screenText } from '../model/text-as-data.js';
import { HELP } from '../text/cli.js';
import type { Lang } from '../text/lang.js';

/** How many following arguments are tried, joined with spaces, to find the path meant. */
const MAX_PARTS = 8;

export async function notFoundMessage(path: string, argv: readonly string[], lang: Lang): Promise<string> {
  const h = HELP[lang];
  const hint = await quoteHint(path, argv, lang);
  // A name as typed is data: its controls are shown, never sent (SPEC §3).
  return `${h.notFound(screenText(path))}${hint === null ? '' : `\n  ${hint}`}`;
}

async function quoteHint(path: string, argv: readonly string[], lang: Lang): Promise<string | null> {
  const h = HELP[lang];
  const i = argv.indexOf(path);
  if (i < 0) return null;
  const next = argv.slice(i + 1, i + 1 + MAX_PARTS);
  // The arguments after it up to the first option: what the shell may have cut the path into.
  const option = next.findIndex((a) => a.startsWith('-'));
  const run = option < 0 ? next : next.slice(0, option);
  for (let j = 1; j <= run.length; j++) {
    const joined = [path, ...run.slice(0, j)].join(' ');
    if ((await stat(joined).catch(() => null)) !== null) return h.quoteJoined(screenText(joined));
  }
  // A name with no extension followed by more file arguments: likely a path cut at a space.
  return run.length > 0 && extname(path) === '' ? h.quoteAny : null;
}
