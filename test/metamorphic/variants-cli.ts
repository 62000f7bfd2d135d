// `npm run variants -- --seeds N [--from S] [--form TEXT] [--verbose]`: the metamorphic suite on
// many seeds (bundled by scripts/variants.mjs). Prints each failing (seed, form) with a short
// explanation, then the failures grouped by form; exit 1 when anything failed.
import { describeSession, formsFor, report, runForm, type Outcome } from './harness.js';
import { generate } from './session.js';

export async function variants(argv: readonly string[], log: (s: string) => void = console.log): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seeds = Number(arg('seeds') ?? 20);
  const from = Number(arg('from') ?? 1);
  const only = arg('form');
  const verbose = argv.includes('--verbose');
  const failures: Outcome[] = [];
  let runs = 0;
  const started = Date.now();
  for (let seed = from; seed < from + seeds; seed++) {
    const session = generate(seed);
    const forms = formsFor(session).filter((f) => only === undefined || f.name.includes(only));
    if (verbose) log(`seed ${seed}: ${describeSession(session)}, ${forms.length} forms`);
    for (const form of forms) {
      const o = await runForm(seed, form, session);
      runs++;
      if (o.failure !== null) {
        failures.push(o);
        log(`FAIL ${report(o)}`);
      }
    }
  }
  const byForm = new Map<string, number[]>();
  for (const f of failures) byForm.set(f.form, [...(byForm.get(f.form) ?? []), f.seed]);
  log(`\n${runs} (seed, form) runs on seeds ${from}..${from + seeds - 1} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${failures.length} failed`);
  for (const [form, list] of [...byForm].sort((a, b) => b[1].length - a[1].length)) log(`  ${String(list.length).padStart(4)}  ${form}  (seeds ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''})`);
  return failures.length > 0 ? 1 : 0;
}
