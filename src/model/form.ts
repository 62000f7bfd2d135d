// The printed ballot's geometry and its QR payload (SPEC §2.6): stated once, for the form that
// `tally ballot-form` prints and for the reader that finds it again on a scan. Millimetres on
// an A4 portrait page, the origin at the top left. The figures are those that read reliably in
// the feasibility study (shared/reference/scan.md): 6 mm markers centred 14 mm from the edges
// with 3 mm clear around them, a 22 mm QR code, boxes 20 mm wide, rows of 10–12 mm, at most 20
// rows a page, lines of 0.5 mm.

export const PAGE = { width: 210, height: 297 } as const;

/** Four solid squares, one near each corner: the page's frame for rectifying a scan. */
export const MARKER = { size: 6, inset: 14, clear: 3 } as const;

/** Marker centres, clockwise from the top left. */
export const MARKER_CENTRES: readonly (readonly [number, number])[] = [
  [MARKER.inset, MARKER.inset],
  [PAGE.width - MARKER.inset, MARKER.inset],
  [PAGE.width - MARKER.inset, PAGE.height - MARKER.inset],
  [MARKER.inset, PAGE.height - MARKER.inset],
];

/** Everything printed stays inside the markers' clear zone. */
export const CONTENT = {
  left: MARKER.inset + MARKER.size / 2 + MARKER.clear,
  right: PAGE.width - MARKER.inset - MARKER.size / 2 - MARKER.clear,
  top: MARKER.inset + MARKER.size / 2 + MARKER.clear,
  bottom: PAGE.height - MARKER.inset - MARKER.size / 2 - MARKER.clear,
} as const;

/** The QR code's square, at the bottom right inside the content area. */
export const QR = { size: 22, x: CONTENT.right - 22, y: CONTENT.bottom - 22 } as const;

/** Ruling lines: 0.5 mm (0.25 mm lines broke up in 1-bit 150 dpi scans). */
export const LINE = 0.5;

/** Column widths: STT, name, position, then the three boxes (high, confidence, low). */
export const COLUMNS = { stt: 12, name: 49, position: 49, box: 20 } as const;
export const TABLE_WIDTH = COLUMNS.stt + COLUMNS.name + COLUMNS.position + 3 * COLUMNS.box;

/** The two header rows of the table: the column names, then the three level names. */
export const HEADER_ROWS = { first: 8, second: 10 } as const;

/** Where the table starts: under the heading on a ballot's first page, at the top on the rest. */
export const TABLE_TOP = { first: 80, next: CONTENT.top + 2 } as const;

/** The table ends above the QR code's band. */
export const TABLE_BOTTOM = QR.y - 4;

export const ROW_HEIGHT = { roomy: 12, tight: 10 } as const;

/** At most this many leaders on a page, whatever room there is. */
export const MAX_ROWS = 20;

/** Rows a page holds at a row height: the first page has the heading above the table. */
export function rowsPerPage(first: boolean, rowHeight: number): number {
  const top = (first ? TABLE_TOP.first : TABLE_TOP.next) + HEADER_ROWS.first + HEADER_ROWS.second;
  return Math.min(MAX_ROWS, Math.floor((TABLE_BOTTOM - top) / rowHeight));
}

/**
 * A ballot type's leaders split into pages: 12 mm rows when they all fit on one page, else
 * 10 mm rows on as few pages as hold them, spread evenly (no last page with a lone row).
 */
export function paginate(leaders: number): { rowHeight: number; pages: { first: number; rows: number }[] } {
  const rowHeight = leaders <= rowsPerPage(true, ROW_HEIGHT.roomy) ? ROW_HEIGHT.roomy : ROW_HEIGHT.tight;
  const capacity = (page: number) => rowsPerPage(page === 0, rowHeight);
  let count = 1;
  for (let room = capacity(0); room < leaders; count++) room += capacity(count);
  const pages: { first: number; rows: number }[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const rows = Math.min(capacity(i), Math.ceil((leaders - at) / (count - i)));
    pages.push({ first: at + 1, rows });
    at += rows;
  }
  return { rowHeight, pages };
}

/**
 * The QR code's text, in the QR alphanumeric set (upper case, digits, space $%*+-./:) so it
 * stays small: `TALLY1:<session>:<type>:<page>/<pages>:<rows>:<first row>`. The session is a
 * digest of what the form prints, the type the ballot type's place in the roster (1-based).
 * Nothing in it tells one copy from another.
 */
export interface FormPage {
  readonly session: string;
  readonly type: number;
  readonly page: number;
  readonly pages: number;
  readonly rows: number;
  readonly first: number;
}

const PAYLOAD = /^TALLY1:([0-9A-F]{12}):(\d{1,3}):(\d{1,3})\/(\d{1,3}):(\d{1,2}):(\d{1,4})$/;

export function formPayload(p: FormPage): string {
  return `TALLY1:${p.session}:${p.type}:${p.page}/${p.pages}:${p.rows}:${p.first}`;
}

/** The page a QR text names, or null when it is not one of this tool's forms. */
export function parseFormPayload(text: string): FormPage | null {
  const m = PAYLOAD.exec(text.trim());
  if (m === null) return null;
  const [session, type, page, pages, rows, first] = [m[1] as string, ...m.slice(2).map(Number)] as [string, number, number, number, number, number];
  if (page < 1 || page > pages || rows < 1 || rows > MAX_ROWS || type < 1 || first < 1) return null;
  return { session, type, page, pages, rows, first };
}
