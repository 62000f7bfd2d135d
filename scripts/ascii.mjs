// The bundles in ASCII (scripts/bundle.mjs). esbuild escapes strings but leaves a regular
// expression's letters (`[À-Ỹ]`, `tổng|cộng`) as they are, and one such letter makes Node read
// the whole bundle as a two-byte string, which V8 then scans more slowly at every start (8 ms
// of ~270 on the typical round, `npm run bench`).

/**
 * `text` with every non-ASCII character written `\uXXXX`, which means the same letter in a
 * string, a template, a regular expression (with or without the u flag) and an identifier.
 * Refused rather than changed: a character outside the BMP (it would need `\u{…}`, which a
 * regular expression without the u flag reads otherwise), a backslash before a non-ASCII
 * letter (`\đ` would become a backslash and `u0111`), and String.raw near non-ASCII text (it
 * keeps an escape as written).
 */
export function asciiOnly(text, file) {
  if (/[^\u0000-\uffff]/u.test(text)) throw new Error(`${file}: a character outside the BMP; write it as an escape in the source`);
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII letter; write the letter as an escape in the source`);
  const out = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (out !== text && /String\.raw/.test(text)) throw new Error(`${file}: String.raw with non-ASCII text`);
  return out;
}
