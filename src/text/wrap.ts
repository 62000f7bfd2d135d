// Text laid out in columns: its width on screen, and lines broken at spaces only — never inside
// a word (a word longer than the width stands alone on its line, wider than asked).

/** Combining marks take no column (text that is not NFC); every other character one. */
const MARK = /\p{M}/u;
export function visibleWidth(text: string): number {
  if (!MARK.test(text)) return text.length;
  let n = 0;
  for (const ch of text) if (!MARK.test(ch)) n++;
  return n;
}

/**
 * A line cut to `width` columns, ending in "…" when cut: for the one word wider than its column
 * (a pathological name), which a table would otherwise cut itself, character by character.
 */
export function clip(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  let out = '';
  let n = 0;
  for (const ch of line) {
    const w = MARK.test(ch) ? 0 : 1;
    if (n + w > width - 1) break;
    out += ch;
    n += w;
  }
  return `${out}…`;
}

/** The widest word: the narrowest column that holds the text without breaking a word. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]/).map(visibleWidth));
}

/** Lines of at most `width` columns, broken at spaces; "\n" starts a new line. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (line === '') line = word;
      else if (visibleWidth(line) + 1 + visibleWidth(word) <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A paragraph wrapped to `width`, every line after `indent`. */
export function wrapIndented(text: string, width: number, indent: string, firstIndent = indent): string {
  return wrapWords(text, Math.max(20, width - visibleWidth(indent)))
    .map((line, i) => (i === 0 ? firstIndent : indent) + line)
    .join('\n');
}
