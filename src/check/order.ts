// The order sessions are listed in: natural, so `don-vi-2` comes before `don-vi-10`, folder by
// folder. Deterministic (no locale): the same archive lists the same way on every machine.

const CHUNK = /(\d+)|(\D+)/g;

function compareChunks(a: string, b: string): number {
  const x = a.match(CHUNK) ?? [];
  const y = b.match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    const pd = /^\d/.test(p);
    const qd = /^\d/.test(q);
    if (pd && qd) {
      // As numbers of any length: fewer significant digits is smaller; then digit by digit.
      const ps = p.replace(/^0+(?=\d)/, '');
      const qs = q.replace(/^0+(?=\d)/, '');
      if (ps.length !== qs.length) return ps.length - qs.length;
      if (ps !== qs) return ps < qs ? -1 : 1;
      continue;
    }
    if (p !== q) {
      const pf = p.toLowerCase();
      const qf = q.toLowerCase();
      if (pf !== qf) return pf < qf ? -1 : 1;
      return p < q ? -1 : 1;
    }
  }
  if (x.length !== y.length) return x.length - y.length;
  // Equal as numbers ("01" and "1"): the text decides, so the order is total.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths compared folder by folder, each name in natural order. */
export function naturalCompare(a: string, b: string): number {
  const x = a.split(/[\\/]/);
  const y = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareChunks(x[i] as string, y[i] as string);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}
