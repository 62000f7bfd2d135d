// Issue 21, "a regime is one entry", and issue 22 item 1, proved per regime: every test below
// loops over the registry (src/rules/regimes.ts), and every expected value comes from the
// regime's own file in test/rules/regimes/ — SPEC §1 typed by hand, never read from src/. A new
// entry without its file, or whose words do not reach a report, the help, the template, the
// README, `check`'s band reader or the round summary, fails here.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIME_LIST, REGIMES, bandOf } from '../../src/rules/regimes.js';
import { parseRegime } from '../../src/validate/session.js';
import { parseBand } from '../../src/check/recorded.js';
import { tally } from '../cli/run.js';
import { writeUnit, type LeaderSpec, type UnitSpec } from '../summary/build.js';
import { zipEntries } from '../zip.js';
import type { Band, RegimeExpectation } from './regimes/expectation.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HERE = join(import.meta.dirname, 'regimes');
const files = readdirSync(HERE).filter((f) => f.endsWith('.ts') && f !== 'expectation.ts');
const EXPECTED = new Map<string, RegimeExpectation>();
for (const f of files) {
  const { expectation } = (await import(join(HERE, f))) as { expectation: RegimeExpectation };
  EXPECTED.set(expectation.id, expectation);
}
const IDS = REGIME_LIST.map((r) => r.id);
/** The registry's regimes that have their SPEC file; the first test fails for any that has none. */
const CASES = IDS.filter((id) => EXPECTED.has(id)).map((id) => [id, EXPECTED.get(id) as RegimeExpectation] as const);

const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tally-registry-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** T = 30 (returned = convened, so every basis gives it; a half, a third and a fifth are whole). */
const T = 30;
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hùng', 'Bùi Thị Khánh', 'Đỗ Văn Lâm', 'Ngô Thị Mai'];
/**
 * Low votes at exactly ½, just above, exactly ⅔, just above — and on both sides of every place
 * the regime's own SPEC bands change, found from its file, whatever its thresholds.
 */
function boundariesOf(e: RegimeExpectation): { L: number; name: string }[] {
  const at = new Set([15, 16, 20, 21]);
  for (let L = 1; L <= T; L++) if (e.band(L, T) !== e.band(L - 1, T)) at.add(L - 1).add(L);
  return [...at].sort((a, b) => a - b).map((L, i) => ({ L, name: NAMES[i] ?? `Người Thứ ${i + 1}` }));
}
const leadersAt = (e: RegimeExpectation, tag: string): LeaderSpec[] =>
  boundariesOf(e).map(({ L, name }) => ({ name: `${name} ${tag}`, position: 'Ủy viên', high: Math.max(0, T - L - 2), confidence: Math.min(2, T - L), low: L }));
/** The first leader in the lower band, by the regime's SPEC file. */
const firstReview = (e: RegimeExpectation) => boundariesOf(e).find(({ L }) => e.band(L, T) === 'review') as { L: number; name: string };

/** A unit's session under the regime, named as SPEC §2.3 writes it. */
function unit(root: string, e: RegimeExpectation, folder: string, body: string): UnitSpec & { dir: string } {
  const u: UnitSpec = { folder, body, date: '13/12/2023', convened: T, present: T, returned: T, leaders: leadersAt(e, folder) };
  const dir = writeUnit(root, u);
  const f = join(dir, 'hoi-nghi.csv');
  writeFileSync(f, `${readFileSync(f, 'utf8')}Quy định,${e.names[0]}\n`);
  return { ...u, dir };
}
const sessionArgs = (dir: string) => [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
const flat = (s: string) => s.replace(/\s+/g, ' ');
const docxText = (path: string) => flat(unescape((zipEntries(readFileSync(path)).get('word/document.xml')?.toString() ?? '').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')));
const htmlText = (path: string) => flat(unescape(readFileSync(path, 'utf8').replace(/<[^>]+>/g, ' ')));
async function xlsxCells(path: string): Promise<Map<string, ExcelJS.Worksheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return new Map(wb.worksheets.map((w) => [w.name, w]));
}
const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
};

/** What the SPEC prescribes in words for a band, or null: no band, or none in this regime. */
const labelOf = (e: RegimeExpectation, b: Band) => (b === 'none' ? null : e.labels[b]);
const actionOf = (e: RegimeExpectation, b: Band) => (b === 'none' ? null : e.actions[b]);

describe('the registry and its SPEC files', () => {
  it('every regime of the registry has its file in test/rules/regimes/, and every file a regime', () => {
    expect([...EXPECTED.keys()].sort()).toEqual([...IDS].sort());
  });

  it.each(CASES)('%s: the entry decides every band of L ≤ T ≤ 60 as SPEC §1, with its basis, names and words', (id, e) => {
    const r = REGIMES[id];
    for (let t = 1; t <= 60; t++) for (let l = 0; l <= t; l++) if (bandOf(r, l, t) !== e.band(l, t)) expect.fail(`${id}: L=${l} T=${t}`);
    expect([r.defaultBasis, r.basisFixed]).toEqual([e.basis, e.basisFixed]);
    for (const name of [id, ...e.names]) expect(parseRegime(name), name).toBe(id);
    expect(r.review.label.vi).toBe(e.labels.review);
    expect(r.review.action.vi).toBe(e.actions.review);
    expect(r.dismissal?.label.vi ?? null).toBe(e.labels.dismissal);
    expect(r.dismissal?.action.vi ?? null).toBe(e.actions.dismissal);
  });

  it.each(CASES)("%s: check's band reader reads every word the regime gives a band, in both languages", (id, e) => {
    const r = REGIMES[id];
    for (const [band, rule] of [['review', r.review], ['dismissal', r.dismissal]] as const) {
      if (rule === null) continue;
      for (const words of [rule.label.vi, rule.label.en, rule.short.vi, rule.short.en, `${rule.label.vi} (*)`]) expect(parseBand(words), words).toBe(band);
    }
    expect(parseBand(e.labels.review)).toBe('review');
    if (e.labels.dismissal !== null) expect(parseBand(e.labels.dismissal)).toBe('dismissal');
  });
});

describe.each(CASES)('%s in every output of one session', (id, e) => {
  it('every reporter writes each leader’s band label and action, as SPEC §1 words them', async () => {
    const root = temp();
    const { dir } = unit(root, e, 'hoi-nghi', 'Đảng ủy xã Thử');
    const out = (f: string) => join(dir, f);
    const r = await tally([...sessionArgs(dir), '-o', out('r.xlsx'), '-o', out('r.docx'), '-o', out('r.html'), '-o', out('r.csv'), '-o', out('r.json')]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out('r.json'), 'utf8'));
    expect(json.session.regime).toBe(id);
    const csv = readFileSync(out('r.csv'), 'utf8');
    const terminal = flat(r.stdout);
    const html = htmlText(out('r.html'));
    const docx = docxText(out('r.docx'));
    const cells = [...(await xlsxCells(out('r.xlsx'))).values()].flatMap(texts);
    const boundaries = boundariesOf(e);
    for (const { L, name } of boundaries) {
      const band = e.band(L, T);
      const c = json.cadres.find((x: { name: string }) => x.name.startsWith(name));
      expect([c.band, c.bandLabel, c.action], `${id} L=${L}`).toEqual([band, labelOf(e, band), actionOf(e, band)]);
      expect(csv.split('\r\n').find((line) => line.includes(name))?.includes(`,${band},`), `${id} csv L=${L}`).toBe(true);
    }
    for (const band of ['review', 'dismissal'] as const) {
      const label = labelOf(e, band);
      const action = actionOf(e, band);
      if (label === null || action === null) continue;
      expect(boundaries.some(({ L }) => e.band(L, T) === band), `${id}: a leader in ${band}`).toBe(true);
      for (const [what, text] of [['terminal', terminal], ['html', html], ['docx', docx], ['csv', csv]] as const) {
        if (what !== 'csv') expect(text, `${id} ${what} label`).toContain(label);
        expect(text, `${id} ${what} action`).toContain(action);
      }
      expect(cells.some((t) => t.startsWith(label)), `${id} xlsx label`).toBe(true);
      expect(cells.some((t) => t.includes(action)), `${id} xlsx action`).toBe(true);
    }
    // Another regime's words for a band this regime words differently never appear.
    for (const [other, o] of CASES) {
      if (other === id) continue;
      for (const band of ['review', 'dismissal'] as const) {
        const words = o.labels[band];
        if (words === null || words === e.labels.review || words === e.labels.dismissal) continue;
        for (const text of [terminal, html, docx]) expect(text.includes(words), `${id} shows ${other}'s '${words}'`).toBe(false);
      }
    }
  });

  it('the help, the template and the README name it', async () => {
    const help = flat((await tally(['--help'])).stdout);
    expect(help).toContain(id);
    expect(help).toContain(e.names[0]);
    const dir = temp();
    expect((await tally(['template', '-o', join(dir, 't.xlsx')])).code).toBe(0);
    const instructions = texts((await xlsxCells(join(dir, 't.xlsx'))).get('Hướng dẫn') as ExcelJS.Worksheet).join('\n');
    expect(instructions).toContain(e.names[0] as string);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${id}\``));
    expect(row, `README row of ${id}`).toBeDefined();
    expect(row).toContain(e.names[0]);
    expect(row).toContain(e.labels.review);
    if (e.labels.dismissal !== null) expect(row).toContain(e.labels.dismissal);
  });

  it('check: its summary agrees; a band cell changed is a difference; a band cell it cannot read is reported', async () => {
    const root = temp();
    const { dir } = unit(root, e, 'hoi-nghi', 'Đảng ủy xã Thử');
    const summary = join(dir, 'tong-hop.xlsx');
    expect((await tally([...sessionArgs(dir), '-o', summary])).code).toBe(0);
    const first = JSON.parse((await tally(['check', dir, '--json'])).stdout);
    expect(first.sessions.map((s: { status: string; record: string }) => [s.status, s.record])).toEqual([['ok', 'summary']]);

    // The first leader in the lower band: its band cell says so; make it say none.
    const { name: reviewed } = firstReview(e);
    const tamper = async (words: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(summary);
      let changed = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => {
          if (!row.values || !(row.values as unknown[]).some((v) => typeof v === 'string' && v.startsWith(reviewed))) return;
          row.eachCell((c) => {
            if (c.value === e.labels.review && ws.name === 'Tổng hợp') {
              c.value = words;
              changed++;
            }
          });
        });
      }
      expect(changed).toBe(1);
      await wb.xlsx.writeFile(summary);
    };
    await tamper('—');
    const second = await tally(['check', dir, '--json']);
    const doc = JSON.parse(second.stdout);
    expect(second.code).toBe(1);
    expect(doc.sessions[0].status).toBe('differs');
    expect(doc.sessions[0].differences.map((d: { leader: string; field: string; recorded: unknown; recount: unknown }) => [d.leader.includes(reviewed), d.field, d.recorded, d.recount])).toEqual([[true, 'band', 'none', 'review']]);

    // Wording no regime has: reported with its cell, never silently left out. (The tampered
    // summary is no longer this tool's file: replacing it takes --overwrite.)
    expect((await tally([...sessionArgs(dir), '-o', summary, '--overwrite'])).code).toBe(0);
    await tamper('Mức chưa có trong quy định nào');
    const third = await tally(['check', dir, '--json']);
    expect(third.code).toBe(1);
    const bad = JSON.parse(third.stdout).sessions[0];
    expect(bad.status).not.toBe('ok');
    expect(bad.problems.some((p: { code: string; value: string }) => p.code === 'bad-cell' && p.value === 'Mức chưa có trong quy định nào')).toBe(true);
  });

  it('the round summary of units under it alone uses its own band words', async () => {
    const root = temp();
    const units = [unit(root, e, 'don-vi-1', 'Đơn vị Một'), unit(root, e, 'don-vi-2', 'Đơn vị Hai')];
    const x = join(root, 'x.xlsx');
    const r = await tally(['summary', root, '--json', '-o', x, '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const count = (b: Band) => units.length * boundariesOf(e).filter(({ L }) => e.band(L, T) === b).length;
    expect([doc.round.totals.none, doc.round.totals.review, doc.round.totals.dismissal]).toEqual([count('none'), count('review'), count('dismissal')]);
    expect(doc.round.bandWords.review).toBe(e.labels.review);
    if (e.labels.dismissal !== null) expect(doc.round.bandWords.dismissal).toBe(e.labels.dismissal);
    const ws = (await xlsxCells(x)).get('Tổng hợp đợt') as ExcelJS.Worksheet;
    const total = (label: string) => {
      let v: unknown;
      ws.eachRow((row) => row.eachCell((c) => void (c.value === label && (v = row.getCell(11).value))));
      return v;
    };
    expect(total(e.labels.review)).toBe(count('review'));
    if (e.labels.dismissal !== null) expect(total(e.labels.dismissal)).toBe(count('dismissal'));
  });
});

describe('a round mixing every regime, leaders at each threshold (issue 22 item 1)', () => {
  const root = temp();
  const units = CASES.map(([id, e], i) => ({ id, e, ...unit(root, e, `don-vi-${i + 1}`, `Đơn vị ${id}`) }));
  const out = (f: string) => join(root, f);
  let run: Awaited<ReturnType<typeof tally>>;
  let terminal = '';
  let doc: any;
  beforeAll(async () => {
    run = await tally(['summary', root, '--json', '-o', out('x.xlsx'), '-o', out('x.docx'), '-o', out('x.html'), '--jobs', '1']);
    terminal = flat((await tally(['summary', root, '--jobs', '1'])).stdout);
    doc = JSON.parse(run.stdout);
  }, 60_000);
  /** Every unit's bands by its own regime, worked out from the SPEC files. */
  const expected = units.map((u) => ({ unit: u.body, leaders: boundariesOf(u.e).length, bands: Object.fromEntries((['none', 'review', 'dismissal'] as const).map((b) => [b, boundariesOf(u.e).filter(({ L }) => u.e.band(L, T) === b).length])) }));
  const sum = (b: Band) => expected.reduce((n, x) => n + (x.bands[b] as number), 0);
  /** Every band word of every regime: in a mixed round, none of them heads a column or a total. */
  const allLabels = [...new Set(CASES.flatMap(([, e]) => [e.labels.review, e.labels.dismissal]).filter((l): l is string => l !== null))];
  const mixed = new Set(CASES.map(([, e]) => `${e.labels.review}|${e.labels.dismissal}`)).size > 1;

  it('JSON: each unit counted by its own regime’s thresholds, the totals their sum, each leader its band', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const x of expected) expect(doc.units.find((u: { unit: string }) => u.unit === x.unit).bands, x.unit).toEqual(x.bands);
    expect([doc.round.totals.none, doc.round.totals.review, doc.round.totals.dismissal]).toEqual([sum('none'), sum('review'), sum('dismissal')]);
    for (const u of units) {
      for (const { L, name } of boundariesOf(u.e)) {
        const l = doc.leaders.find((x: { name: string }) => x.name === `${name} ${u.folder}`);
        expect([l.regime, l.band, l.bandLabel], `${u.id} L=${L}`).toEqual([u.id, u.e.band(L, T), labelOf(u.e, u.e.band(L, T))]);
      }
    }
    expect(doc.round.thresholds.map((t: { regime: string }) => t.regime).sort()).toEqual([...IDS].sort());
    if (mixed) for (const b of ['review', 'dismissal'] as const) expect(allLabels).not.toContain(doc.round.bandWords[b]);
  });

  it('XLSX: per-unit band cells by each regime (empty where it has no such band), totals never under one regime’s words', async () => {
    const ws = (await xlsxCells(out('x.xlsx'))).get('Tổng hợp đợt') as ExcelJS.Worksheet;
    for (const u of units) {
      let row: ExcelJS.Row | undefined;
      ws.eachRow((r) => void (r.getCell(2).value === u.body && (row = r)));
      expect(row, u.body).toBeDefined();
      const x = expected.find((y) => y.unit === u.body) as (typeof expected)[number];
      expect([row?.getCell(11).value, row?.getCell(12).value, row?.getCell(13).value], u.id).toEqual([x.leaders, x.bands['review'], u.e.labels.dismissal === null ? null : x.bands['dismissal']]);
    }
    const cells = texts(ws);
    if (mixed) for (const l of allLabels) expect(cells, l).not.toContain(l);
    // Each regime's thresholds named with its units.
    for (const u of units) expect(cells.some((t) => t.includes(u.body) && t.includes(u.e.labels.review) && (u.e.labels.dismissal === null || t.includes(u.e.labels.dismissal))), u.id).toBe(true);
  });

  it('DOCX, HTML and terminal: no total under one regime’s words; each regime’s thresholds named with its units', () => {
    for (const [what, text] of [['docx', docxText(out('x.docx'))], ['html', htmlText(out('x.html'))], ['terminal', terminal]] as const) {
      if (mixed) for (const l of allLabels) expect(text.includes(`${l}: `), `${what}: '${l}: '`).toBe(false);
      for (const u of units) {
        const named = [u.body, u.e.labels.review, ...(u.e.labels.dismissal === null ? [] : [u.e.labels.dismissal])];
        // The legend line: one sentence per regime, its units and its thresholds together.
        const sentence = text.split(/(?<=\.) /).find((s) => named.every((n) => s.includes(n)));
        expect(sentence, `${what} ${u.id}`).toBeDefined();
      }
    }
    // The DOCX total row adds the bands of every unit.
    expect(docxText(out('x.docx'))).toMatch(new RegExp(`Cộng ${expected.reduce((n, x) => n + x.leaders, 0)} ${sum('review')} ${sum('dismissal')}`));
  });
});

describe('thresholds are written only in their entry', () => {
  it('src/text and src/summary hold no threshold (50%, 1/2, 2/3, ½, ⅔) except the quorum’s two thirds', () => {
    const found: string[] = [];
    for (const folder of ['text', 'summary']) {
      const dir = join(ROOT, 'src', folder);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
        readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
          // The quorum of Quy định 96 Điều 3 is not a band: "đủ 2/3 số người được triệu tập".
          if (/quorum|triệu tập|convened/i.test(line)) return;
          if (/50\s*%|(?<![\d/])1\/2(?![\d/])|(?<![\d/])2\/3(?![\d/])|½|⅔/.test(line)) found.push(`src/${folder}/${f}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('README’s regimes table is the registry written out (node scripts/regimes-table.mjs)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'regimes-table.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
