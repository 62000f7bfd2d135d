// The house's layers, checked: every import between folders of src/ must be one of the pairs
// below, and no module may import itself back through others. The floors, bottom up:
//
//   model      the shared contracts: types, problems, cells and rows, the roster index, exact
//              arithmetic, limits, the reader↔tally contract, session keys — imports nothing
//   text       the wording (vi/en catalogs)                                   → model
//   read       files → sheets → roster, session values, ballots                → model
//   count      ballots → counts                                                → model
//   rules      the regulation: regimes, bands, quorum, accounting, two places  → model, count
//   validate   session resolution, adjudications matched, roster places        → model, rules
//   (root)     tally.ts: one session from inputs already read                  → model, count, rules, validate
//   report     one file per format                                             → model, rules, text, validate, (root)
//   reconcile, check       the commands, on top of everything below them
//   summary    the round across its units: check's sessions, put together  → check and below
//   cli        the command line, over every command
//
// The same trick as test/secrecy.test.ts: read the sources, not the bundle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  model: [],
  text: ['model'],
  read: ['model'],
  count: ['model'],
  rules: ['model', 'count'],
  validate: ['model', 'rules'],
  '(root)': ['model', 'count', 'rules', 'validate'],
  report: ['model', 'rules', 'text', 'validate', '(root)'],
  reconcile: ['model', 'read', 'text', 'report'],
  check: ['model', 'read', 'count', 'rules', 'validate', 'text', 'report', '(root)'],
  summary: ['model', 'read', 'count', 'rules', 'validate', 'text', 'report', '(root)', 'check'],
  cli: ['model', 'read', 'count', 'rules', 'validate', 'text', 'report', '(root)', 'reconcile', 'check', 'summary'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const folderOf = (file: string) => {
  const r = relative(SRC, file);
  return r.includes('/') ? (r.split('/')[0] as string) : '(root)';
};

/** Every relative import of a module (static, re-exports and dynamic), resolved to a source file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm)].map((m) => (m[1] ?? m[2]) as string);
  return specs.map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const files = sources(SRC);
const edges = files.flatMap((f) => importsOf(f).map((to) => [f, to] as const));

/** The imports between folders that the list does not allow. */
const forbidden = (list: readonly (readonly [string, string])[]) =>
  list
    .filter(([from, to]) => folderOf(from) !== folderOf(to) && !(ALLOWED[folderOf(from)] ?? []).includes(folderOf(to)))
    .map(([from, to]) => `${relative(SRC, from)} → ${relative(SRC, to)}`);

describe('the layers of src/', () => {
  it('every folder imports only from the folders below it', () => {
    expect(forbidden(edges)).toEqual([]);
  });

  it('every folder of src/ has its place in the list', () => {
    const folders = new Set(files.map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no module imports itself back through others', () => {
    const next = new Map<string, string[]>();
    for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
    const cycles: string[] = [];
    const done = new Set<string>();
    const path: string[] = [];
    const visit = (f: string) => {
      const at = path.indexOf(f);
      if (at >= 0) return void cycles.push([...path.slice(at), f].map((p) => relative(SRC, p)).join(' → '));
      if (done.has(f)) return;
      path.push(f);
      for (const t of next.get(f) ?? []) visit(t);
      path.pop();
      done.add(f);
    };
    for (const f of files) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the check itself sees a forbidden import when there is one', () => {
    const upward = [
      [join(SRC, 'model', 'types.ts'), join(SRC, 'read', 'wide.ts')],
      [join(SRC, 'tally.ts'), join(SRC, 'read', 'inputs.ts')],
      [join(SRC, 'read', 'wide.ts'), join(SRC, 'model', 'types.ts')],
    ] as const;
    expect(forbidden(upward)).toEqual(['model/types.ts → read/wide.ts', 'tally.ts → read/inputs.ts']);
    // The real imports are found: tally.ts imports session resolution.
    expect(importsOf(join(SRC, 'tally.ts'))).toContain(join(SRC, 'validate', 'session.ts'));
  });
});
