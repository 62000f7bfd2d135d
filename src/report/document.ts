// The parts every document for the standing committee shares, described once and drawn by
// each format (DOCX, XLSX, HTML): the heading block and the signature block. Pure data, so the
// minutes, the summary and a later round report say the same thing in the same words.
import type { Session } from '../validate/session.js';
import type { Regime } from '../rules/regimes.js';
import type { Lang } from '../text/lang.js';
import { DOCUMENT_TEXT, DOTS } from '../text/documents.js';

export type Convention = Regime['convention'];

/**
 * Hướng dẫn 36-HD/VPTW (Party) or Nghị định 30/2020/NĐ-CP (State): top left the higher body
 * over the issuing body and the number; top right the national or Party heading over the place
 * and date; then the document type and its subject.
 */
export interface DocumentHeading {
  readonly convention: Convention;
  /** Capitals, regular; dots when not given. */
  readonly parentBody: string;
  /** Capitals, bold; dots when not given. */
  readonly body: string;
  /** Under the issuing body: a star in Party documents, a short rule in State ones. */
  readonly bodyMark: 'star' | 'rule';
  readonly number: string;
  /** Bold capitals with a rule under the last line. Party: one line; State: two. */
  readonly national: readonly string[];
  /** Italic. */
  readonly placeDate: string;
  /** Bold capitals, centred. */
  readonly type: string;
  readonly subject: string | null;
  /** Độ mật: on every page when given. */
  readonly classification: string | null;
}

/** The counting committee's signatures: the head on the right, every other member on the left. */
export interface SignatureBlock {
  /** "T/M BAN KIỂM PHIẾU" (Party) or "TM. BAN KIỂM PHIẾU" (State). */
  readonly authority: string;
  readonly title: string;
  /** The head's name, or dots to write it in. */
  readonly head: string;
  readonly membersTitle: string;
  /** Every other member, each to sign; dots when the committee is not given. */
  readonly members: readonly string[];
}

/** The symbol of a document kind: "BB/BKP" is the minutes of the counting committee. */
export interface DocumentKind {
  readonly type: string;
  readonly subject: string | null;
  readonly symbol: { readonly party: string; readonly state: string };
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** What a heading needs of a session (or of a report over many sessions). */
export type HeadingFields = Pick<Session, 'parentBody' | 'body' | 'number' | 'place' | 'date' | 'classification'>;

export function documentHeading(session: HeadingFields, regime: Pick<Regime, 'convention'>, lang: Lang, kind: DocumentKind): DocumentHeading {
  const T = DOCUMENT_TEXT[lang];
  const convention = regime.convention;
  return {
    convention,
    parentBody: session.parentBody === null ? DOTS : upper(session.parentBody),
    body: session.body === null ? DOTS : upper(session.body),
    bodyMark: convention === 'party' ? 'star' : 'rule',
    number: T.number(convention, session.number, kind.symbol),
    national: convention === 'party' ? T.party : T.state,
    placeDate: placeDate(session, lang),
    type: kind.type,
    subject: kind.subject,
    classification: session.classification,
  };
}

/**
 * "Tân Lập, ngày 13 tháng 12 năm 2023", dots for what is not given. As Nghị định 30 writes
 * dates: a day below 10 and a month below 3 take a leading zero ("ngày 05 tháng 02", "tháng 3").
 */
export function placeDate(session: Pick<Session, 'place' | 'date'>, lang: Lang): string {
  const T = DOCUMENT_TEXT[lang];
  if (session.date === null) return T.placeDate(session.place, null, null, null);
  const [y, m, d] = session.date.split('-') as [string, string, string];
  if (lang === 'en') return T.placeDate(session.place, d, m, y);
  return T.placeDate(session.place, d, Number(m) < 3 ? m : String(Number(m)), y);
}

/** "ngày 13 tháng 12 năm 2023" alone, for running text; dots when there is no date. */
export function dateInWords(isoDate: string | null, lang: Lang): string {
  const line = placeDate({ place: '', date: isoDate }, lang);
  return line.replace(/^, /, '');
}

/** "14:30", "14h30", "14 giờ 30" → "14 giờ 30 phút"; other text as written; dots when not given. */
export function timeInWords(time: string | null, lang: Lang): string {
  if (time === null) return lang === 'vi' ? '…… giờ …… phút' : '……';
  const m = /^(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?\s*(?:phút|p|')?$/iu.exec(time.trim());
  if (m === null) return time;
  const h = m[1] as string;
  const min = m[2] ?? '00';
  return lang === 'vi' ? `${h} giờ ${min.padStart(2, '0')} phút` : `${h}:${min.padStart(2, '0')}`;
}

export function signatureBlock(session: Session, regime: Regime, lang: Lang): SignatureBlock {
  const T = DOCUMENT_TEXT[lang];
  const [head, ...members] = session.countingCommittee;
  return {
    authority: `${T.onBehalf(regime.convention)} ${T.countingCommittee}`,
    title: T.head,
    head: head ?? DOTS,
    membersTitle: T.members,
    // A committee not given: two lines to write members in (a committee has at least three).
    members: head === undefined ? [DOTS, DOTS] : members,
  };
}
