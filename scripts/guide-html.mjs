// The clerk's guide as shipped in each release archive (scripts/release.mjs): HUONG-DAN.md for
// that platform, as one printable page. HUONG-DAN.md is written for Windows; what holds for one
// platform only sits between <!-- windows --> … <!-- /windows --> or <!-- linux --> … <!-- /linux -->,
// and the Linux guide runs the program as ./tally in a shell ($ prompt, echo $?).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';

export const GUIDE = join(import.meta.dirname, '..', 'HUONG-DAN.md');
export const PLATFORMS = ['windows', 'linux'];

/** HUONG-DAN.md for one platform, still Markdown. */
export function guideFor(md, platform) {
  if (!PLATFORMS.includes(platform)) throw new Error(`no guide for ${platform}`);
  let text = md;
  for (const p of PLATFORMS) {
    const block = new RegExp(`<!-- ${p} -->\\n([\\s\\S]*?)<!-- /${p} -->\\n`, 'g');
    text = text.replace(block, (_, body) => (p === platform ? body : ''));
  }
  if (/<!-- \/?(windows|linux) -->/.test(text)) throw new Error('HUONG-DAN.md: a platform block is not closed on its own line');
  if (platform === 'linux') {
    // Replacements are functions: in a replacement string "$`" would mean the text before the match.
    const edits = [
      [/^> tally\b/gm, () => '$ ./tally'],
      [/^> echo %ERRORLEVEL%$/gm, () => '$ echo $?'],
      [/^tally (?=\w)/gm, () => './tally '],
      [/`tally (?=\S)/g, () => '`./tally '],
      [/`echo %ERRORLEVEL%`/g, () => '`echo $?`'],
      [/Dòng bắt đầu bằng `>` là lệnh bạn gõ \(không gõ dấu `>`\)/g, () => 'Dòng bắt đầu bằng `$` là lệnh bạn gõ (không gõ dấu `$`)'],
      [/D:\\LuuTru\\(\d+)/g, (_, year) => `~/luu-tru/${year}`],
      [/tally-(\d+\.\d+\.\d+)-win-x64\.zip/g, (_, v) => `tally-${v}-linux-x64.tar.gz`],
      [/tally\.exe/g, () => 'tally'],
    ];
    for (const [pattern, to] of edits) text = text.replace(pattern, to);
  }
  return text;
}

/** The guide of a platform as one printable page (A4, the system's fonts: it must open offline). */
export function guideHtml(platform, md = readFileSync(GUIDE, 'utf8')) {
  const text = guideFor(md, platform);
  const body = marked.parse(text, { async: false });
  const title = /^#\s+(.*)$/m.exec(text)?.[1] ?? 'Hướng dẫn';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 12.5pt; line-height: 1.45; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 20pt; text-align: center; } h2 { font-size: 15pt; margin-top: 1.6em; border-bottom: 1px solid #999; page-break-after: avoid; } h3 { font-size: 13pt; page-break-after: avoid; }
pre { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 9.5pt; line-height: 1.25; background: #f4f4f4; border: 1px solid #ccc; padding: .6em .8em; white-space: pre-wrap; word-break: break-word; page-break-inside: avoid; }
code { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: .92em; }
table { border-collapse: collapse; margin: .6em 0; page-break-inside: avoid; } th, td { border: 1px solid #888; padding: .25em .5em; vertical-align: top; text-align: left; }
@media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } }
</style></head>
<body>
${body}</body></html>
`;
}
