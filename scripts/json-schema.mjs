// Writes schema/tally.schema.json from the zod schema of the --json document (src/report/json-schema.ts).
// Run after a build: npm run schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tallyJsonSchema } from '../dist/report/json-schema.js';

const out = join(import.meta.dirname, '..', 'schema', 'tally.schema.json');
writeFileSync(out, `${JSON.stringify(tallyJsonSchema(), null, 2)}\n`);
console.log(`written: ${out}`);
