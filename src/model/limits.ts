// What the readers accept at most. A file past a limit is refused at once with the limit's
// name, never read on until memory or patience runs out; `--limit name=value` raises a limit
// for a file that is right but large. The defaults hold every real session with room to spare
// (Excel's own sheet is 1,048,576 rows × 16,384 columns of cells up to 32,767 characters).

export interface Limits {
  /** A ballot file's size (ballot files are streamed). */
  readonly fileBytes: number;
  /** A roster, session, adjudications or results file's size (these are read whole). */
  readonly tableBytes: number;
  /** One unzipped part of a workbook (a sheet's XML). */
  readonly partBytes: number;
  /** One row of a sheet or record of a CSV file, in bytes. */
  readonly rowBytes: number;
  /** One cell, in characters. */
  readonly cellChars: number;
  readonly columns: number;
  /** Rows of one sheet or CSV file. */
  readonly rows: number;
  /** Units in a round's units list (`summary --units`): each costs the reports a row. */
  readonly units: number;
}

const MB = 1024 * 1024;

/** Characters in one cell of an Excel sheet, at most (Excel's own limit). */
export const EXCEL_CELL_CHARS = 32_767;

/**
 * Levels of nesting a JSON input may have (a session file has three: the object, ballotTypes,
 * one type's values): deeper is refused before it is parsed, so nothing recurses through it.
 */
export const JSON_DEPTH = 16;

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 1024 * MB,
  tableBytes: 64 * MB,
  partBytes: 1024 * MB,
  rowBytes: 4 * MB,
  cellChars: EXCEL_CELL_CHARS,
  columns: 16_384,
  rows: 20_000_000,
  units: 10_000,
};

/** The limits by the names the command line and the messages use, with their units. */
export const LIMIT_NAMES = {
  'file-mb': { key: 'fileBytes', unit: MB },
  'table-mb': { key: 'tableBytes', unit: MB },
  'part-mb': { key: 'partBytes', unit: MB },
  'row-mb': { key: 'rowBytes', unit: MB },
  'cell-chars': { key: 'cellChars', unit: 1 },
  columns: { key: 'columns', unit: 1 },
  rows: { key: 'rows', unit: 1 },
  units: { key: 'units', unit: 1 },
} as const satisfies Record<string, { key: keyof Limits; unit: number }>;

export type LimitName = keyof typeof LIMIT_NAMES;

/** Which limit a file is past: its name, the value in force, and the line or row where. */
export interface PastLimit {
  readonly name: LimitName;
  readonly value: number;
  readonly where: { readonly kind: 'line' | 'row'; readonly n: number } | null;
}

/** A limit's value as the clerk gives it ("file-mb" in megabytes). */
export function limitValue(limits: Limits, name: LimitName): number {
  const { key, unit } = LIMIT_NAMES[name];
  return limits[key] / unit;
}

/**
 * `--limit name=value` options applied to the defaults; the names of options that are not
 * "name=whole number" with a known name.
 */
export function parseLimits(given: readonly string[]): { limits: Limits; bad: string[] } {
  const limits: Record<keyof Limits, number> = { ...DEFAULT_LIMITS };
  const bad: string[] = [];
  for (const g of given) {
    const m = /^([a-z-]+)=(\d{1,9})$/.exec(g.trim());
    const spec = m === null ? undefined : LIMIT_NAMES[m[1] as LimitName];
    if (m === null || spec === undefined || Number(m[2]) === 0) {
      bad.push(g);
      continue;
    }
    limits[spec.key] = Number(m[2]) * spec.unit;
  }
  return { limits, bad };
}

/** How the clerk is told: the limit, the value in force, the line (CSV) or row (sheet). */
export function pastLimit(e: LimitExceeded, limits: Limits, kind: 'line' | 'row'): PastLimit {
  return { name: e.limit, value: limitValue(limits, e.limit), where: e.where === null ? null : { kind, n: e.where } };
}

/** A file past one of the limits; `where` names the line or row when there is one. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: LimitName,
    readonly where: number | null = null,
  ) {
    super(`past the ${limit} limit${where === null ? '' : ` at ${where}`}`);
  }
}
