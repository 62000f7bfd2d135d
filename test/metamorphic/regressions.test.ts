// Named regression cases, one per known defect of the readers (issue 11) and per defect the
// metamorphic suite found: small hand-written sessions, each judged by the oracle (or by the
// refusal SPEC prescribes), never by what the program printed before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, encode, type Cell } from './encode.js';
import { bookForm, csvForm, longForm, rosterRows, sessionRows, sideFiles, templateWith, wide, type Built, type Form } from './forms.js';
import { runBuilt, runForm, report } from './harness.js';
import { Rng } from './prng.js';
import type { Ballot, Leader, Line, Session } from './session.js';
import { workbook } from './xlsx.js';

/** A hand-written session: one char per leader: 1 2 3 levels, - no mark, m two marks, x crossed out, 0 declared invalid. */
function hand(o: { names: string[]; ids?: string[]; positions?: string[]; ballots: { n: number; marks: string; void?: string; blank?: boolean }[] }): Session {
  const leaders: Leader[] = o.names.map((name, i) => ({ stt: i + 1, id: o.ids?.[i] ?? `CB${String(i + 1).padStart(3, '0')}`, name, position: o.positions?.[i] ?? `Ủy viên Ban Thường vụ ${i + 1}`, type: 'default' }));
  const line = (c: string): Line =>
    c === '1' ? { kind: 'mark', level: 'high' } : c === '2' ? { kind: 'mark', level: 'confidence' } : c === '3' ? { kind: 'mark', level: 'low' } : c === 'm' ? { kind: 'multi', levels: ['high', 'low'] } : c === 'x' ? { kind: 'crossed' } : c === '0' ? { kind: 'declared' } : { kind: 'none' };
  const ballots: Ballot[] = o.ballots.map((b) => ({ type: 'default', number: b.n, void: b.void ?? null, blank: b.blank ?? false, lines: [...b.marks].map(line) }));
  const R = ballots.length;
  return { seed: 0, leaders, types: [{ code: 'default', issued: R, returned: R }], ballots, convened: R + 1, present: R, idKind: o.ids === undefined ? 'code' : 'number-far', title: 'Hội nghị lấy phiếu tín nhiệm năm 2023', body: 'Huyện ủy Tân Lập' };
}

async function expectAgrees(name: string, s: Session, form: Form) {
  const o = await runForm(0, form, s);
  if (o.failure !== null) expect.fail(`${name}\n${report(o)}`);
}

async function expectBuilt(name: string, s: Session, build: (dir: string) => Built) {
  const o = await runBuilt(0, name, s, build);
  if (o.failure !== null) expect.fail(report(o));
}

const THREE = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];

describe('known defects of the readers (issue 11)', () => {
  it('a ballot whose cells equal numeric (STT) headers is a ballot, not a repeated header', async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '123' }, { n: 3, marks: '213' }, { n: 4, marks: '123' }, { n: 5, marks: '111' }] });
    await expectAgrees('no ballot column', s, csvForm('stt-headers', () => ({ headers: (l) => l.stt, ballotColumn: false })));
    await expectAgrees('with a ballot column', s, csvForm('stt-headers', () => ({ headers: (l) => l.stt })));
    await expectAgrees('xlsx, numbers', s, bookForm('stt-headers', () => ({ headers: (l) => l.stt, ballotColumn: false })));
  });

  it("'3' and '03' are one ballot typed twice: duplicate-ballot naming ballot 3", async () => {
    const s = hand({ names: THREE, ballots: [1, 2, 3, 4].map((n) => ({ n, marks: '123' })) });
    await expectBuilt('3 and 03', s, (dir) => {
      const rows: Cell[][] = [['Số phiếu', 'Phiếu không hợp lệ', ...THREE], ['1', null, '1', '2', '3'], ['2', null, '1', '2', '3'], ['3', null, '1', '2', '3'], ['4', null, '1', '2', '3'], ['03', null, '1', '2', '3']];
      const files: Record<string, Buffer> = { 'phieu.csv': encode(csv(rows), 'utf8') };
      return { files, args: [join(dir, 'phieu.csv'), ...sideFiles(s, dir, files)], expect: { kind: 'refused', code: 'duplicate-ballot', mentions: ['3'] }, sketch: csv(rows) };
    });
    await expectBuilt('3 (number) and 03 (text) in XLSX', s, (dir) => {
      const rows: Cell[][] = [['Số phiếu', 'Phiếu không hợp lệ', ...THREE], [1, null, 1, 2, 3], [2, null, 1, 2, 3], [3, null, 1, 2, 3], [4, null, 1, 2, 3], ['03', null, 1, 2, 3]];
      const files = { 'hoi-nghi.xlsx': workbook([{ name: 'Danh sách', rows: rosterRows(s) }, { name: 'Hội nghị', rows: sessionRows(s) }, { name: 'Phiếu', rows }]) };
      return { files, args: [join(dir, 'hoi-nghi.xlsx')], expect: { kind: 'refused', code: 'duplicate-ballot', mentions: ['3'] }, sketch: 'Phiếu: 1, 2, 3, 4 as numbers, then "03" as text' };
    });
  });

  it("a numeric header that is one person's id and another's STT is ambiguous-name, never resolved silently", async () => {
    // Ids 2, 3, 1: header "1" is An (STT 1) and Cường (id 1).
    const s = hand({ names: THREE, ids: ['2', '3', '1'], ballots: [1, 2, 3].map((n) => ({ n, marks: '123' })) });
    for (const headers of [(l: Leader) => String(l.stt), (l: Leader) => l.stt]) {
      await expectBuilt('csv', s, (dir) => {
        const t = wide(s, 'default', new Rng(1), { headers });
        const files: Record<string, Buffer> = { 'phieu.csv': encode(csv(t.rows), 'utf8') };
        return { files, args: [join(dir, 'phieu.csv'), ...sideFiles(s, dir, files)], expect: { kind: 'refused', code: 'ambiguous-name' }, sketch: csv(t.rows.slice(0, 2)) };
      });
      await expectBuilt('xlsx', s, (dir) => {
        const t = wide(s, 'default', new Rng(1), { headers, codes: 'numbers' });
        const files = { 'hoi-nghi.xlsx': workbook([{ name: 'Danh sách', rows: rosterRows(s, { numbers: true }) }, { name: 'Hội nghị', rows: sessionRows(s) }, { name: 'Phiếu', rows: t.rows }]) };
        return { files, args: [join(dir, 'hoi-nghi.xlsx')], expect: { kind: 'refused', code: 'ambiguous-name' }, sketch: 'headers 1, 2, 3; roster ids 2, 3, 1' };
      });
    }
  });

  it("headers like '1. Nguyễn Văn An' are the wide layout with its leaders, not a scanner export", async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '3-1' }, { n: 3, marks: '222' }] });
    await expectAgrees("'1. Name'", s, csvForm('dot', () => ({ headers: (l) => `${l.stt}. ${l.name}` })));
    await expectAgrees("'1 - Name'", s, csvForm('dash', () => ({ headers: (l) => `${l.stt} - ${l.name}` })));
    await expectAgrees("'Name (position)'", s, csvForm('paren', () => ({ headers: (l) => `${l.name} (${l.position})` })));
    await expectAgrees("'Name - position'", s, csvForm('posdash', () => ({ headers: (l) => `${l.name} - ${l.position}` })));
  });

  it('leaders named Tống or Công (or Tổng, Thấp) are never total rows, in either layout', async () => {
    const names = ['Tống Văn Thấp', 'Công Thị Tổng', 'Cao Văn Tổng', 'Nguyễn Văn An'];
    const s = hand({ names, ballots: [{ n: 1, marks: '1233' }, { n: 2, marks: '3312' }, { n: 3, marks: '2-21' }] });
    await expectAgrees('long, cadre column first', s, longForm('long-cadre-first', 'level', { cadreFirst: true, cadres: 'name' }));
    await expectAgrees('long, names without diacritics', s, {
      name: 'long-nodiac',
      build: (x, rng, dir) => longForm('long', 'level', { cadres: 'mixed' }).build({ ...x, leaders: x.leaders.map((l) => ({ ...l, id: '' })), idKind: 'none' }, rng, dir),
    });
    await expectAgrees('wide, roster with the name first', s, csvForm('roster-name-first', () => ({}), { rosterNameFirst: true }));
    await expectAgrees('wide, no ballot column', s, csvForm('no-ballot-column', () => ({ ballotColumn: false })));
  });

  it("a ';' CSV whose title line holds commas is read with ';'", async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '321' }, { n: 3, marks: '1m2' }] });
    await expectAgrees('title with commas', s, csvForm('semicolon-title', () => ({ titles: [['Đảng bộ huyện Tân Lập, tỉnh Phú Thọ, ngày 13/12/2023']] }), { delimiter: ';' }));
  });

  it('merged cells read the same whatever the size of the sheet', async () => {
    const s = hand({
      names: THREE,
      ballots: [
        { n: 1, marks: '123' },
        { n: 2, marks: '111', void: 'Ghi thêm tên người vào phiếu' },
        { n: 3, marks: '222', void: 'Ghi thêm tên người vào phiếu' },
        { n: 4, marks: '333' },
      ],
    });
    const opts = () => ({ titles: [['KẾT QUẢ KIỂM PHIẾU']], mergeTitles: true, mergeVoid: true });
    await expectAgrees('small sheet', s, bookForm('merged-small', opts));
    await expectAgrees('sheet over 1 MiB compressed', s, bookForm('merged-big', opts, { bigPadding: 1_200_000 }));
  });
});

describe('defects found by the metamorphic suite', () => {
  it("'trắng' in the void column is a returned blank ballot (no-mark on every line), not a void ballot", async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '---', blank: true }, { n: 3, marks: '222' }] });
    await expectAgrees('trắng', s, csvForm('blank', () => ({})));
  });

  it('fill ratios written as percentages (62%) are read in the three mark columns', async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '3-1' }, { n: 3, marks: '2m2' }] });
    await expectAgrees('percent marks', s, longForm('marks', 'marks', { cadres: 'name' }));
  });

  it('template rows left unused after the last typed ballot are not ballots', async () => {
    const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '321' }, { n: 3, marks: '-x0' }] });
    await expectAgrees('template, 2 rows unused', s, templateWith(2));
    await expectAgrees('template, no row unused', s, templateWith(0));
  });

  it("a word meaning 'valid' or 'none' in the void column is refused (bad-cell) and names the ballot", async () => {
    for (const word of ['Hợp lệ', 'không', 'Không có', '-', 'no']) {
      const s = hand({ names: THREE, ballots: [{ n: 1, marks: '123' }, { n: 2, marks: '321' }, { n: 3, marks: '222' }] });
      await expectBuilt(word, s, (dir) => {
        const t = wide(s, 'default', new Rng(1), {});
        (t.rows[2] as Cell[])[1] = word;
        const files: Record<string, Buffer> = { 'phieu.csv': encode(csv(t.rows), 'utf8') };
        return { files, args: [join(dir, 'phieu.csv'), ...sideFiles(s, dir, files)], expect: { kind: 'refused', code: 'bad-cell', mentions: ['2'] }, sketch: csv(t.rows) };
      });
    }
  });

  it('a header repeated mid-sheet (two pages pasted) is set aside as a header wherever it is', async () => {
    const ballots = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, marks: ['123', '312', '231'][i % 3] as string }));
    const s = hand({ names: THREE, ballots });
    await expectAgrees('after 1 ballot', s, csvForm('repeated', () => ({ repeatAt: 1 })));
    await expectAgrees('after 3 ballots', s, csvForm('repeated', () => ({ repeatAt: 3 })));
    await expectAgrees('after 35 ballots', s, csvForm('repeated', () => ({ repeatAt: 35 })));
  });
});
