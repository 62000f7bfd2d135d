// Where the printed ballot's typeface is: beside the program in the portable release (a folder
// `fonts`), else in the installed npm package. The one place that knows the files' names.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FormFonts } from '../report/ballot-form.js';

/** Tinos (Google's metric twin of Times New Roman, with Vietnamese), SIL Open Font Licence. */
export const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
} as const;

export const FONT_PACKAGE = '@expo-google-fonts/tinos';

async function face(file: string): Promise<Uint8Array> {
  const beside = join(dirname(process.execPath), 'fonts', file.slice(file.indexOf('/') + 1));
  const tried: string[] = [beside];
  try {
    return await readFile(beside);
  } catch {
    // Not the portable release: the npm package.
  }
  try {
    const path = createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/${file}`);
    tried.push(path);
    return await readFile(path);
  } catch {
    throw new MissingFont(tried);
  }
}

export class MissingFont extends Error {
  constructor(readonly tried: readonly string[]) {
    super(`font not found: ${tried.join(', ')}`);
  }
}

export async function formFonts(): Promise<FormFonts> {
  const [regular, bold, italic] = await Promise.all([face(FONT_FILES.regular), face(FONT_FILES.bold), face(FONT_FILES.italic)]);
  return { regular, bold, italic };
}
