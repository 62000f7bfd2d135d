// Text typed in the legacy Vietnamese font encodings shows up as Latin-1 symbols inside words:
// TCVN3 (ABC, .VnTime fonts) puts letters on ¡–¾; VNI puts tone marks on separate bytes that
// read as ø ï ö ñ ä å ë ü û after a letter. Real Vietnamese text has neither.
import type { Sheet } from '../model/grid.js';

export type LegacyEncoding = 'TCVN3' | 'VNI';

const TCVN3 = /\p{L}[\u00a1-\u00be]|[\u00a1-\u00be]\p{L}/gu;
const VNI = /\p{L}[\u00f8\u00ef\u00f6\u00f1\u00e4\u00e5\u00eb\u00fc\u00fb\u00d8\u00cf\u00d6\u00d1\u00c4\u00c5\u00cb\u00dc\u00db]/gu;
/** Hits needed: a stray symbol or two is not an encoding. */
const MIN_HITS = 3;
const ROWS_LOOKED_AT = 100;

export function legacyEncoding(sheets: readonly Sheet[]): LegacyEncoding | null {
  let tcvn = 0;
  let vni = 0;
  for (const sheet of sheets) {
    for (const row of sheet.rows.slice(0, ROWS_LOOKED_AT)) {
      for (const c of row.cells) {
        if (typeof c !== 'string') continue;
        tcvn += c.match(TCVN3)?.length ?? 0;
        vni += c.match(VNI)?.length ?? 0;
      }
    }
  }
  if (tcvn >= MIN_HITS && tcvn >= vni) return 'TCVN3';
  if (vni >= MIN_HITS) return 'VNI';
  return null;
}
