// Running one (seed, form): build the input in a temp folder, run the real program in-process
// (`main()`, as test/cli/run.ts does) with --json, and compare with the oracle. The result is
// null when the program agrees, else a short explanation of the first differences.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tally } from '../cli/run.js';
import { ALL_FORMS, type Built, type Form, type RowsExpect } from './forms.js';
import { oracle, REASONS, type Expected } from './oracle.js';
import { Rng } from './prng.js';
import { generate, type Session } from './session.js';

export interface Outcome {
  readonly seed: number;
  readonly form: string;
  /** null: the program agrees with the oracle. */
  readonly failure: string | null;
  readonly sketch: string;
  readonly command: string;
  readonly ms: number;
}

interface JsonCadre {
  name: string;
  ballotType: string;
  high: number;
  confidence: number;
  low: number;
  valid: number;
  invalid: number;
  invalidByReason: Record<string, number>;
  denominator: number | null;
  percent: Record<string, number | null> | null;
  band: string | null;
  flagged: boolean;
  notes: unknown[];
}
interface JsonDoc {
  session: { quorum?: { met?: boolean }; date?: string | null; round?: string | null };
  ballotTypes: { id: string; issued: number; returned: number; voidBallots: number; validBallots: number; denominator: { basis: string; value: number | null } }[];
  cadres: JsonCadre[];
  problems: { severity: string; code: string; message: string; cell?: string; row?: number; ballot?: string | number }[];
  rows?: { file: string; sheet: string | null; rowsRead: number; countedRows: number; ballots: number; rowsWithErrors: number; nonBallot: Record<string, number>; rejected: number }[];
}

const MAX_LINES = 8;

export function formsFor(s: Session): Form[] {
  return ALL_FORMS.filter((f) => f.applies === undefined || f.applies(s));
}

export async function runForm(seed: number, form: Form, session: Session = generate(seed)): Promise<Outcome> {
  return runBuilt(seed, form.name, session, (dir) => form.build(session, new Rng(`${seed}/${form.name}`), dir));
}

/** Run any built input (a form, or a hand-written regression case) and judge it. */
export async function runBuilt(seed: number, name: string, session: Session, build: (dir: string) => Built | Promise<Built>): Promise<Outcome> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'tally-variants-'));
  const form = { name };
  let built: Built;
  try {
    built = await build(dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { seed, form: form.name, failure: `could not build the form: ${(e as Error).message}`, sketch: '', command: '', ms: Date.now() - started };
  }
  try {
    for (const [name, bytes] of Object.entries(built.files)) writeFileSync(join(dir, name), bytes);
    const args = [...built.args, '--json'];
    const command = `tally ${args.map((a) => (a.startsWith(dir) ? basename(a) : /[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
    const run = await tally(args);
    const failure = judge(session, built, run);
    return { seed, form: form.name, failure, sketch: built.sketch, command, ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function judge(session: Session, built: Built, run: { code: number; stdout: string; stderr: string }): string | null {
  let doc: JsonDoc;
  try {
    doc = JSON.parse(run.stdout) as JsonDoc;
  } catch {
    return `exit ${run.code}, stdout is not JSON: ${run.stdout.slice(0, 200)} ${run.stderr.slice(0, 300)}`;
  }
  const errors = doc.problems.filter((p) => p.severity === 'error');
  const errorText = () =>
    errors
      .slice(0, 4)
      .map((p) => `${p.code}${p.cell !== undefined ? ` ${p.cell}` : ''}: ${p.message}`)
      .join('; ');
  const e = built.expect;
  if (e.kind === 'refused') {
    const codes = typeof e.code === 'string' ? [e.code] : e.code;
    if (run.code !== 1) return `expected refusal (exit 1, ${codes.join('|')}), got exit ${run.code}${errors.length > 0 ? ` with ${errorText()}` : ' and no error'}`;
    const hits = errors.filter((p) => codes.includes(p.code));
    if (hits.length === 0) return `expected a ${codes.join('|')} error, got: ${errorText() || '(no error)'}`;
    for (const m of e.mentions ?? []) {
      if (!hits.some((p) => mentionsNumber(p.message, m) || (p.ballot !== undefined && mentionsNumber(String(p.ballot), m)))) return `the ${hits[0]?.code} error does not name "${m}": ${hits[0]?.message}`;
    }
    if (doc.cadres.length > 0) return `refused, but cadres are not empty (${doc.cadres.length})`;
    return null;
  }
  if (e.kind === 'quorum') {
    if (run.code !== 1) return `quorum not met: expected exit 1, got ${run.code}`;
    if (!doc.problems.some((p) => p.code === 'quorum-not-met')) return `quorum not met: no quorum-not-met problem (${errorText()})`;
    const other = errors.filter((p) => p.code !== 'quorum-not-met');
    if (other.length > 0) return `quorum not met: other errors ${errorText()}`;
    if (doc.session.quorum?.met !== false) return `quorum.met is ${String(doc.session.quorum?.met)}`;
    return compare(oracle(session, { convened: e.convened, present: e.present }), doc);
  }
  // An equivalent form: exit 0, no error, exactly the oracle's figures.
  if (run.code !== 0 || errors.length > 0) return `exit ${run.code}: ${errorText() || run.stderr.slice(0, 300)}`;
  const loud = doc.problems.filter((p) => e.quiet?.includes(p.code) === true);
  if (loud.length > 0) return `${loud[0]?.code}: ${loud[0]?.message}`;
  const diff = compare(oracle(e.session ?? session), doc);
  if (diff !== null) return diff;
  if (e.date !== undefined && (doc.session.date !== e.date || doc.session.round !== e.date.slice(0, 4))) return `session date ${doc.session.date} round ${doc.session.round}, expected ${e.date} round ${e.date.slice(0, 4)}`;
  return e.rows !== undefined ? compareRows(e.rows, doc) : null;
}

/** Whether a message names a ballot number (as itself, not inside a longer number). */
function mentionsNumber(message: string, n: string): boolean {
  if (!/^\d+$/.test(n)) return message.includes(n);
  return new RegExp(`(^|[^0-9])0*${n}([^0-9]|$)`).test(message);
}

function compare(x: Expected, doc: JsonDoc): string | null {
  const out: string[] = [];
  const say = (s: string) => {
    if (out.length < MAX_LINES) out.push(s);
  };
  if (doc.cadres.length !== x.cadres.length) say(`${doc.cadres.length} cadres in JSON, oracle has ${x.cadres.length}`);
  x.cadres.forEach((c, i) => {
    const got = doc.cadres[i];
    if (got === undefined) return;
    const who = `${c.name}${c.ballotType === 'default' ? '' : ` [${c.ballotType}]`}`;
    if (got.name !== c.name) {
      say(`cadre #${i + 1}: JSON has ${got.name}, roster order has ${c.name}`);
      return;
    }
    if (got.ballotType !== c.ballotType) say(`${who}: ballotType ${got.ballotType}, expected ${c.ballotType}`);
    const fields = ['high', 'confidence', 'low', 'valid', 'invalid', 'denominator'] as const;
    const diffs: string[] = [];
    for (const f of fields) if (got[f] !== c[f]) diffs.push(`${f} ${got[f]}≠${c[f]}`);
    for (const r of REASONS) if ((got.invalidByReason?.[r] ?? NaN) !== c.invalidByReason[r]) diffs.push(`${r} ${got.invalidByReason?.[r]}≠${c.invalidByReason[r]}`);
    for (const l of ['high', 'confidence', 'low'] as const) if (got.percent?.[l] !== c.percent[l]) diffs.push(`%${l} ${got.percent?.[l]}≠${c.percent[l]}`);
    if (got.band !== c.band) diffs.push(`band ${got.band}≠${c.band}`);
    if (got.flagged !== c.flagged) diffs.push(`flagged ${got.flagged}≠${c.flagged}`);
    if (c.band !== null) {
      const note = JSON.stringify(got.notes ?? []).includes('exactly-two-thirds');
      if (note !== c.exactlyTwoThirds) diffs.push(`exactly-two-thirds note ${note}≠${c.exactlyTwoThirds}`);
    }
    if (diffs.length > 0) say(`${who} (program≠oracle): ${diffs.join(', ')}`);
  });
  const byId = new Map(doc.ballotTypes.map((t) => [t.id, t]));
  for (const t of x.ballotTypes) {
    const got = byId.get(t.id);
    if (got === undefined) {
      say(`ballot type ${t.id} missing (JSON has ${[...byId.keys()].join(', ')})`);
      continue;
    }
    const diffs: string[] = [];
    for (const f of ['issued', 'returned', 'voidBallots', 'validBallots'] as const) if (got[f] !== t[f]) diffs.push(`${f} ${got[f]}≠${t[f]}`);
    if (got.denominator?.basis !== 'returned' || got.denominator?.value !== t.denominator.value) diffs.push(`denominator ${JSON.stringify(got.denominator)}≠returned ${t.denominator.value}`);
    if (diffs.length > 0) say(`ballot type ${t.id} (program≠oracle): ${diffs.join(', ')}`);
  }
  if (doc.ballotTypes.length !== x.ballotTypes.length) say(`${doc.ballotTypes.length} ballot types in JSON, oracle has ${x.ballotTypes.length}`);
  return out.length === 0 ? null : out.join('\n');
}

/** Row accounting: every written row counted or set aside as what it is, nothing else set aside. */
function compareRows(expect: readonly RowsExpect[], doc: JsonDoc): string | null {
  const out: string[] = [];
  for (const r of expect) {
    const got = (doc.rows ?? []).find((g) => basename(g.file) === r.file && (r.sheet === null || g.sheet === r.sheet));
    const where = `${r.file}${r.sheet !== null ? `/${r.sheet}` : ''}`;
    if (got === undefined) {
      out.push(`rows: no accounting for ${where}`);
      continue;
    }
    const nb = Object.values(got.nonBallot).reduce((a, b) => a + b, 0);
    const d: string[] = [];
    if (got.ballots !== r.ballots) d.push(`ballots ${got.ballots}≠${r.ballots}`);
    if (got.rejected !== 0) d.push(`rejected ${got.rejected}≠0`);
    if (got.rowsWithErrors !== 0) d.push(`rowsWithErrors ${got.rowsWithErrors}≠0`);
    if (nb !== r.nonBallot) d.push(`non-ballot rows ${nb} ${JSON.stringify(got.nonBallot)}≠${r.nonBallot} ${JSON.stringify(r.kinds ?? {})}`);
    for (const [k, v] of Object.entries(r.kinds ?? {})) if ((got.nonBallot[k] ?? 0) !== v) d.push(`nonBallot.${k} ${got.nonBallot[k]}≠${v}`);
    if (got.rowsRead !== got.countedRows + got.rowsWithErrors + got.rejected + nb) d.push(`rowsRead ${got.rowsRead} ≠ counted ${got.countedRows} + errors + rejected + non-ballot ${nb}`);
    if (d.length > 0) out.push(`rows of ${where}: ${d.join(', ')}`);
  }
  return out.length === 0 ? null : out.join('\n');
}

export async function runSeed(seed: number, only?: (f: Form) => boolean): Promise<Outcome[]> {
  const s = generate(seed);
  const out: Outcome[] = [];
  for (const f of formsFor(s).filter(only ?? (() => true))) out.push(await runForm(seed, f, s));
  return out;
}

export function describeSession(s: Session): string {
  return `${s.leaders.length} leaders, ${s.types.map((t) => `${t.code}: ${t.returned} ballots`).join(', ')}, ids ${s.idKind}, convened ${s.convened}, present ${s.present}`;
}

export function report(o: Outcome): string {
  return `seed ${o.seed}, form ${o.form}\n  ${o.failure?.split('\n').join('\n  ')}\n  command: ${o.command}\n  input: ${o.sketch.split('\n').join('\n    ')}`;
}
