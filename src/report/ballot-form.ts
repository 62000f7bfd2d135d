// The session's ballots as a PDF ready to print (SPEC §2.6, `tally ballot-form`): Quy định 96's
// Phụ lục 4 form in the heading of *Documents*, one form per ballot type, the table's header
// repeated on every page, with what a scanner needs to read it back — four corner markers and a
// QR code naming the session, the type and the page. Every copy is the same page: nothing tells
// one voter's ballot from another's. The geometry is model/form.ts's, shared with the reader.
import { createHash } from 'node:crypto';
import type { Cadre } from '../model/types.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { COLUMNS, CONTENT, HEADER_ROWS, LINE, MARKER, MARKER_CENTRES, PAGE, QR, TABLE_TOP, TABLE_WIDTH, formPayload, paginate } from '../model/form.js';
import type { Regime } from '../rules/regimes.js';
import { FORM_TEXT, formLevels } from '../text/form.js';
import type { Lang } from '../text/lang.js';
import { documentHeading, type HeadingFields } from './document.js';

/** The three faces of the form's typeface (Times New Roman's metrics, Vietnamese included). */
export interface FormFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
}

export interface FormInput {
  readonly session: HeadingFields & { readonly title: string | null; readonly round: string | null };
  readonly regime: Pick<Regime, 'convention'>;
  /** The roster's leaders to vote on (excluded people already left out), in roster order. */
  readonly cadres: readonly Cadre[];
  readonly copies: number;
  readonly lang: Lang;
  readonly fonts: FormFonts;
}

const PT_PER_MM = 72 / 25.4;
const mm = (v: number) => v * PT_PER_MM;

/** The ballot types in roster order, each with its leaders. */
export function formTypes(cadres: readonly Cadre[]): { id: string; cadres: Cadre[] }[] {
  const types = new Map<string, Cadre[]>();
  for (const c of cadres) types.set(c.ballotType, [...(types.get(c.ballotType) ?? []), c]);
  return [...types].map(([id, list]) => ({ id, cadres: list }));
}

/**
 * The session as the form prints it, digested: a scan of another session's form (or of an
 * earlier printing whose roster changed) is told apart by it. 12 hex digits, upper case.
 */
export function formSessionId(input: Pick<FormInput, 'session' | 'cadres'>): string {
  const s = input.session;
  const text = JSON.stringify([s.body, s.parentBody, s.title, s.date, s.round, input.cadres.map((c) => [c.ballotType, c.stt, c.name, c.position])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 12).toUpperCase();
}

export async function renderBallotForm(input: FormInput): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const qr = (await import('qrcode/lib/core/qrcode.js')) as unknown as QrCore;
  const T = FORM_TEXT[input.lang];
  const levels = formLevels(input.lang);
  const heading = documentHeading(input.session, input.regime, input.lang, { type: T.type, subject: input.session.title ?? T.subject, symbol: { party: '', state: '' } });
  const fixed = new Date(`${input.session.date ?? '2000-01-01'}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    // A face of our own from the start: pdfkit would otherwise load Helvetica from its files.
    font: Buffer.from(input.fonts.regular) as unknown as string,
    // The same inputs give the same file: no clock inside.
    info: { Title: T.type, Creator: 'tally', Producer: 'tally', CreationDate: fixed },
    lang: input.lang === 'vi' ? 'vi-VN' : 'en-GB',
  });
  doc.registerFont('regular', Buffer.from(input.fonts.regular));
  doc.registerFont('bold', Buffer.from(input.fonts.bold));
  doc.registerFont('italic', Buffer.from(input.fonts.italic));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const session = formSessionId(input);
  const types = formTypes(input.cadres);
  const several = !(types.length === 1 && types[0]?.id === DEFAULT_BALLOT_TYPE);

  /** Text in a box of the page, in mm; shrinks (to 8 pt) until it fits the height given. */
  const text = (s: string, x: number, y: number, width: number, o: { font?: 'regular' | 'bold' | 'italic'; size?: number; align?: 'left' | 'center' | 'right' | 'justify'; height?: number; valign?: 'top' | 'middle' } = {}) => {
    let size = o.size ?? 12;
    doc.font(o.font ?? 'regular');
    const fits = () => o.height === undefined || doc.fontSize(size).heightOfString(s, { width: mm(width), align: o.align ?? 'left' }) <= mm(o.height);
    while (!fits() && size > 8) size -= 0.5;
    doc.fontSize(size);
    const h = doc.heightOfString(s, { width: mm(width), align: o.align ?? 'left' });
    const top = o.valign === 'middle' && o.height !== undefined ? mm(y) + (mm(o.height) - h) / 2 : mm(y);
    doc.text(s, mm(x), top, { width: mm(width), align: o.align ?? 'left', lineGap: 0 });
    return h / PT_PER_MM;
  };

  const drawPage = (typeIndex: number, typeId: string, rows: readonly Cadre[], page: number, pages: number, first: number, rowHeight: number) => {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fillColor('black').strokeColor('black');
    for (const [cx, cy] of MARKER_CENTRES) doc.rect(mm(cx - MARKER.size / 2), mm(cy - MARKER.size / 2), mm(MARKER.size), mm(MARKER.size)).fill('black');

    let tableTop: number = TABLE_TOP.next;
    if (page === 1) {
      // The heading of Documents: the bodies on the left, the national heading on the right.
      const half = (CONTENT.right - CONTENT.left) / 2;
      const leftX = CONTENT.left;
      const rightX = CONTENT.left + half;
      let y = CONTENT.top;
      if (heading.parentBody !== '') y += text(heading.parentBody, leftX, y, half - 4, { size: 13, align: 'center' });
      y += text(heading.body, leftX, y, half - 4, { size: 13, font: 'bold', align: 'center' });
      text(heading.bodyMark === 'star' ? '*' : '', leftX, y, half - 4, { size: 13, align: 'center' });
      let ry = CONTENT.top;
      for (const l of heading.national) ry += text(l, rightX, ry, half, { size: 13, font: 'bold', align: 'center' });
      // A rule under the national heading, as long as its last line (Hướng dẫn 36; Nghị định 30).
      const rule = doc.font('bold').fontSize(13).widthOfString(heading.national.at(-1) ?? '') / PT_PER_MM;
      doc.lineWidth(mm(0.3)).moveTo(mm(rightX + (half - rule) / 2), mm(ry + 1.2)).lineTo(mm(rightX + (half + rule) / 2), mm(ry + 1.2)).stroke();
      text(heading.placeDate, rightX, ry + 2.6, half, { size: 12, font: 'italic', align: 'center' });
      let cy = 42;
      cy += text(heading.type, CONTENT.left, cy, CONTENT.right - CONTENT.left, { size: 15, font: 'bold', align: 'center' });
      if (heading.subject !== null) cy += text(heading.subject, CONTENT.left, cy, CONTENT.right - CONTENT.left, { size: 13, font: 'bold', align: 'center', height: 12 });
      if (several) cy += text(T.ballotType(typeId), CONTENT.left, cy, CONTENT.right - CONTENT.left, { size: 13, align: 'center' });
      text(T.howTo, CONTENT.left, Math.max(cy + 1, 64), CONTENT.right - CONTENT.left, { size: 11, font: 'italic', align: 'justify', height: TABLE_TOP.first - 65 });
      tableTop = TABLE_TOP.first;
    }

    // The table: two header rows, then one row per leader, ruled in 0.5 mm lines.
    const x0 = CONTENT.left + (CONTENT.right - CONTENT.left - TABLE_WIDTH) / 2;
    const xs = [x0, x0 + COLUMNS.stt, x0 + COLUMNS.stt + COLUMNS.name, x0 + COLUMNS.stt + COLUMNS.name + COLUMNS.position];
    const boxX = (k: number) => (xs[3] as number) + k * COLUMNS.box;
    const headerBottom = tableTop + HEADER_ROWS.first + HEADER_ROWS.second;
    const bottom = headerBottom + rows.length * rowHeight;
    const cell = (s: string, x: number, y: number, w: number, h: number, size = 12) =>
      text(s, x + 1, y + 0.8, w - 2, { size, font: 'bold', align: 'center', height: h - 1.6, valign: 'middle' });
    const [sttHead, nameHead, positionHead] = input.lang === 'vi' ? ['STT', 'Họ và tên', 'Chức vụ'] : ['No.', 'Name', 'Position'];
    cell(sttHead, xs[0] as number, tableTop, COLUMNS.stt, HEADER_ROWS.first + HEADER_ROWS.second);
    cell(nameHead, xs[1] as number, tableTop, COLUMNS.name, HEADER_ROWS.first + HEADER_ROWS.second);
    cell(positionHead, xs[2] as number, tableTop, COLUMNS.position, HEADER_ROWS.first + HEADER_ROWS.second);
    cell(T.levelsGroup, boxX(0), tableTop, 3 * COLUMNS.box, HEADER_ROWS.first);
    levels.forEach((l, k) => cell(l, boxX(k), tableTop + HEADER_ROWS.first, COLUMNS.box, HEADER_ROWS.second, 10.5));
    rows.forEach((c, i) => {
      const y = headerBottom + i * rowHeight;
      text(String(c.stt ?? first + i), (xs[0] as number) + 0.5, y + 0.5, COLUMNS.stt - 1, { size: 12, align: 'center', height: rowHeight - 1, valign: 'middle' });
      text(c.name, (xs[1] as number) + 1.5, y + 0.5, COLUMNS.name - 3, { size: 12, align: 'left', height: rowHeight - 1, valign: 'middle' });
      text(c.position, (xs[2] as number) + 1.5, y + 0.5, COLUMNS.position - 3, { size: 12, align: 'left', height: rowHeight - 1, valign: 'middle' });
    });
    doc.lineWidth(mm(LINE)).strokeColor('black');
    const hline = (y: number, from: number, to: number) => doc.moveTo(mm(from), mm(y)).lineTo(mm(to), mm(y)).stroke();
    const vline = (x: number, from: number, to: number) => doc.moveTo(mm(x), mm(from)).lineTo(mm(x), mm(to)).stroke();
    const right = x0 + TABLE_WIDTH;
    hline(tableTop, x0, right);
    hline(tableTop + HEADER_ROWS.first, boxX(0), right);
    for (let i = 0; i <= rows.length; i++) hline(headerBottom + i * rowHeight, x0, right);
    for (const x of [...xs, right]) vline(x, tableTop, bottom);
    for (const k of [1, 2]) vline(boxX(k), tableTop + HEADER_ROWS.first, bottom);

    // The page's own line and its QR code, at the bottom.
    const footer = pages > 1 ? `${T.page(page, pages)}${page < pages ? ` — ${T.continued}` : ''}` : '';
    if (footer !== '') text(footer, CONTENT.left, QR.y + QR.size - 6, QR.x - CONTENT.left - 4, { size: 11, font: 'italic' });
    const code = qr.create(formPayload({ session, type: typeIndex + 1, page, pages, rows: rows.length, first }), { errorCorrectionLevel: 'H' });
    const n = code.modules.size;
    const module = QR.size / n;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) if (code.modules.get(r, c)) doc.rect(mm(QR.x + c * module), mm(QR.y + r * module), mm(module) + 0.05, mm(module) + 0.05);
    }
    doc.fill('black');
  };

  for (let copy = 0; copy < input.copies; copy++) {
    types.forEach((t, typeIndex) => {
      const { rowHeight, pages } = paginate(t.cadres.length);
      pages.forEach((p, i) => drawPage(typeIndex, t.id, t.cadres.slice(p.first - 1, p.first - 1 + p.rows), i + 1, pages.length, p.first, rowHeight));
    });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The part of the qrcode package used here: a QR symbol's modules. */
interface QrCore {
  create(text: string, options: { errorCorrectionLevel: 'H' }): { modules: { size: number; get(row: number, col: number): boolean | number } };
}

/** The PDF page size in points, for tests and the reader. */
export const PAGE_POINTS = { width: mm(PAGE.width), height: mm(PAGE.height) } as const;
