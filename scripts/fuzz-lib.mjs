// Fuzzing the readers through the whole program: real inputs from fixtures/, mutated byte by
// byte (and, for workbooks, inside their unzipped parts), each run by the built program in a
// worker thread with a bounded heap and a time limit. A run may end in 0, 1 or 2 with a
// message; a stack trace, an internal error, a hang or running out of memory is a finding.
// Used by `npm run fuzz` (scripts/fuzz.mjs) and, briefly and with a fixed seed, by the tests.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rng } from '../bench/generate.mjs';
import { unzip, zip } from './zip.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const F = (...p) => join(ROOT, 'fixtures', ...p);
export const CRASHES = F('fuzz', 'crashes');

/** The inputs mutated: files (name → fixture) and the command run on them. */
export const SEEDS = [
  { name: 'workbook', files: { 'phien.xlsx': F('hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx') }, args: ['phien.xlsx'] },
  { name: 'messy-workbook', files: { 'so-tay.xlsx': F('corpus', 'messy-workbook', 'so-tay.xlsx') }, args: ['so-tay.xlsx'] },
  {
    name: 'csv',
    files: { 'phieu.csv': F('hoi-nghi-huyen', 'phieu.csv'), 'danh-sach.csv': F('hoi-nghi-huyen', 'danh-sach.csv'), 'hoi-nghi.csv': F('hoi-nghi-huyen', 'hoi-nghi.csv') },
    args: ['phieu.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv'],
  },
  {
    name: 'session-json',
    files: { 'phieu.csv': F('hoi-nghi-huyen', 'phieu.csv'), 'danh-sach.csv': F('hoi-nghi-huyen', 'danh-sach.csv'), 'hoi-nghi.json': F('hoi-nghi-huyen', 'hoi-nghi.json') },
    args: ['phieu.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.json'],
  },
  {
    name: 'roster-and-session-workbook',
    files: { 'phieu.csv': F('hoi-nghi-huyen', 'phieu.csv'), 'so.xlsx': F('hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx') },
    args: ['phieu.csv', '--roster', 'so.xlsx', '--session', 'so.xlsx'],
  },
  {
    name: 'scanner',
    files: { 'quet.csv': F('corpus', 'scanner-fill-ratios', 'quet.csv'), 'quyet-dinh.csv': F('corpus', 'scanner-fill-ratios', 'quyet-dinh.csv'), 'danh-sach.csv': F('hoi-nghi-huyen', 'danh-sach.csv'), 'hoi-nghi.csv': F('hoi-nghi-huyen', 'hoi-nghi.csv') },
    args: ['quet.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv', '--adjudications', 'quyet-dinh.csv'],
  },
  {
    name: 'omrchecker',
    files: { 'Results_09AM.csv': F('corpus', 'omrchecker', 'Results', 'Results_09AM.csv'), 'danh-sach.csv': F('corpus', 'omrchecker', 'danh-sach.csv'), 'hoi-nghi.csv': F('corpus', 'omrchecker', 'hoi-nghi.csv') },
    args: ['Results_09AM.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv'],
  },
  {
    name: 'formscanner',
    files: { 'ket-qua.csv': F('corpus', 'formscanner', 'ket-qua.csv'), 'danh-sach.csv': F('corpus', 'omrchecker', 'danh-sach.csv'), 'hoi-nghi.csv': F('corpus', 'omrchecker', 'hoi-nghi.csv') },
    args: ['ket-qua.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv'],
  },
  { name: 'reconcile', files: { 'nhap-1.csv': F('hoi-nghi-huyen', 'phieu.csv'), 'nhap-2.csv': F('reconcile', 'nhap-2.csv') }, args: ['reconcile', 'nhap-1.csv', 'nhap-2.csv'] },
  { name: 'check', files: { 'vong/2023.xlsx': F('archive', '2023', 'hoi-nghi-huyen.xlsx'), 'vong/xa.xlsx': F('archive', '2024', 'xa-tan-lap.xlsx') }, args: ['check', 'vong', '--jobs', '1'] },
  { name: 'template', files: { 'danh-sach.csv': F('hoi-nghi-huyen', 'danh-sach.csv') }, args: ['template', '--roster', 'danh-sach.csv', '-o', 'mau.xlsx'] },
];

const COMMANDS = new Set(['reconcile', 'check', 'template']);

const INTERESTING = ['"', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '<', '>', '&', '&amp;', '&#0;', '&#x110000;', '&bogus;', '<c r="A1">', '</row>', '<row r="0">', '<v>', '</v>', '"1,2"', 'Tổng', '=SUM(A1:A9)', '\u00a0', '\ufeff', '\ud800', '9'.repeat(40), 'x'.repeat(3000), '-1', '1e308', 'NaN', '0,5'];

/** One mutation of some bytes: flips, interesting bytes and strings, cut, copied or lost ranges. */
export function mutateBytes(bytes, r) {
  let b = Buffer.from(bytes);
  const at = () => Math.floor(r() * (b.length + 1));
  const times = 1 + Math.floor(r() * 4);
  for (let t = 0; t < times; t++) {
    const kind = Math.floor(r() * 7);
    if (b.length === 0 && kind !== 2) continue;
    switch (kind) {
      case 0: {
        const i = Math.min(at(), b.length - 1);
        b[i] ^= 1 << Math.floor(r() * 8);
        break;
      }
      case 1: {
        const i = Math.min(at(), b.length - 1);
        b[i] = [0, 0x22, 0x2c, 0x0a, 0x0d, 0x3c, 0x3e, 0x26, 0xff, 0xc3, 0x80, 0x30, 0x7f][Math.floor(r() * 13)];
        break;
      }
      case 2: {
        const i = at();
        const s = Buffer.from(INTERESTING[Math.floor(r() * INTERESTING.length)]);
        b = Buffer.concat([b.subarray(0, i), s, b.subarray(i)]);
        break;
      }
      case 3:
        b = b.subarray(0, at());
        break;
      case 4: {
        const i = at();
        const j = Math.min(b.length, i + Math.floor(r() * 200));
        b = Buffer.concat([b.subarray(0, i), b.subarray(j)]);
        break;
      }
      case 5: {
        const i = at();
        const j = Math.min(b.length, i + Math.floor(r() * 400));
        const k = at();
        b = Buffer.concat([b.subarray(0, k), b.subarray(i, j), b.subarray(k)]);
        break;
      }
      case 6: {
        // A range repeated many times over.
        const i = at();
        const j = Math.min(b.length, i + 1 + Math.floor(r() * 20));
        const piece = b.subarray(i, j);
        b = Buffer.concat([b.subarray(0, j), ...Array.from({ length: 1 + Math.floor(r() * 300) }, () => piece), b.subarray(j)]);
        break;
      }
    }
  }
  return b;
}

/** Random content: bytes, text of delimiters and codes, or a zip signature and noise. */
function randomFile(r) {
  const n = Math.floor(r() * 4096);
  const kind = Math.floor(r() * 3);
  if (kind === 0) return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const alphabet = ['1', '2', '3', ',', ';', '\n', '"', 'x', ' ', 'Tổng', 'Số phiếu', 'cao', '0', '\t'];
  const text = Array.from({ length: n >> 2 }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  return kind === 1 ? Buffer.from(text) : Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(text)]);
}

/** A file mutated: now and then replaced by random content; a workbook mostly inside one unzipped part (re-zipped whole). */
export function mutateFile(name, bytes, r) {
  if (r() < 0.05) return randomFile(r);
  if (/\.xlsx$/.test(name) && r() < 0.8) {
    const entries = unzip(bytes);
    if (entries !== null && entries.length > 0) {
      const xml = entries.filter((e) => e.name.endsWith('.xml'));
      const e = xml[Math.floor(r() * xml.length)] ?? entries[0];
      e.data = mutateBytes(e.data, r);
      return zip(entries.map((x) => ({ name: x.name, data: x.data })));
    }
  }
  return mutateBytes(bytes, r);
}

/** A case: a seed with one of its files mutated, written into a fresh folder. */
export function makeCase(seedIndex, caseSeed) {
  const seed = SEEDS[seedIndex];
  const r = rng(caseSeed);
  const names = Object.keys(seed.files);
  const target = names[Math.floor(r() * names.length)];
  const files = {};
  for (const n of names) {
    const bytes = readFileSync(seed.files[n]);
    files[n] = n === target ? mutateFile(n, bytes, r) : bytes;
  }
  return { seed: seed.name, caseSeed, target, files, args: seed.args };
}

function writeCase(c) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-fuzz-'));
  for (const [n, bytes] of Object.entries(c.files)) {
    mkdirSync(join(dir, n, '..'), { recursive: true });
    writeFileSync(join(dir, n), bytes);
  }
  return dir;
}

/** What makes a run a finding, or null when it ended as a program should. */
export function finding(result) {
  if (result.kind !== 'done') return result.kind;
  if (![0, 1, 2].includes(result.code)) return `exit ${result.code}`;
  if (/\n\s+at /.test(result.stderr)) return 'stack trace';
  if (/Lỗi nội bộ|Internal error/.test(result.stderr)) return 'internal error';
  return null;
}

/**
 * Runs cases in a worker thread (the built program, dist/tally.cjs), one at a time, each with
 * `timeoutMs`; a worker that hangs or runs out of its heap is replaced. Returns the findings.
 */
export async function runCases(cases, { timeoutMs = 20_000, heapMb = 384, onResult = () => {} } = {}) {
  const findings = [];
  let worker = null;
  const start = () => {
    worker = new Worker(join(ROOT, 'scripts', 'fuzz-worker.cjs'), { resourceLimits: { maxOldGenerationSizeMb: heapMb }, stdout: true, stderr: true });
    worker.unref();
  };
  for (const c of cases) {
    if (worker === null) start();
    const dir = writeCase(c);
    const result = await new Promise((resolve) => {
      const w = worker;
      const timer = setTimeout(() => resolve({ kind: 'hang' }), timeoutMs);
      const done = (r) => {
        clearTimeout(timer);
        w.off('message', done);
        w.off('error', failed);
        w.off('exit', exited);
        resolve(r);
      };
      const failed = (e) => done({ kind: /memory/i.test(String(e?.code ?? e?.message)) ? 'out of memory' : `worker error: ${e?.message}` });
      const exited = () => done({ kind: 'worker exited' });
      w.on('message', done);
      w.on('error', failed);
      w.on('exit', exited);
      w.postMessage({ args: c.args.map((a) => (a.startsWith('-') || COMMANDS.has(a) || /^\d+$/.test(a) ? a : join(dir, a))) });
    });
    if (result.kind !== 'done') {
      await worker.terminate();
      worker = null;
    }
    rmSync(dir, { recursive: true, force: true });
    const why = finding(result);
    onResult(c, result, why);
    if (why !== null) findings.push({ case: c, why, stderr: result.stderr ?? '' });
  }
  if (worker !== null) await worker.terminate();
  return findings;
}

/** What tells one failure from another: its kind and the first line of what it printed. */
const signature = (why, stderr) => `${why}: ${(stderr.split('\n').find((l) => /Lỗi nội bộ|Internal error|\s+at /.test(l)) ?? '').trim()}`;

/**
 * A finding kept as a fixture (its files and what to run, replayed by the tests ever after),
 * unless one failing the same way is kept already; returns its folder's name, or null.
 */
export function saveCrash(f) {
  const sig = signature(f.why, f.stderr);
  for (const name of existsSync(CRASHES) ? readdirSync(CRASHES) : []) {
    const kept = JSON.parse(readFileSync(join(CRASHES, name, 'case.json'), 'utf8'));
    if (signature(kept.found, kept.stderr) === sig) return null;
  }
  const id = createHash('sha256').update(JSON.stringify([f.case.seed, f.case.args])).update(Buffer.concat(Object.values(f.case.files))).digest('hex').slice(0, 12);
  const dir = join(CRASHES, `${f.case.seed}-${id}`);
  for (const [n, bytes] of Object.entries(f.case.files)) {
    mkdirSync(join(dir, 'files', n, '..'), { recursive: true });
    writeFileSync(join(dir, 'files', n), bytes);
  }
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify({ seed: f.case.seed, caseSeed: f.case.caseSeed, mutated: f.case.target, args: f.case.args, found: f.why, stderr: f.stderr.slice(0, 2000) }, null, 2)}\n`);
  return basename(dir);
}
