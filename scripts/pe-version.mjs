// The file details Windows shows for tally.exe (Properties → Details; what IT staff and
// antivirus read): the version resource of the copied node.exe said "Node.js JavaScript Runtime",
// "node.exe". Rewritten here with resedit (see README "Dependencies"), and read back.
//   node scripts/pe-version.mjs tally.exe      print the version strings as JSON
import { readFileSync, writeFileSync } from 'node:fs';
import * as ResEdit from 'resedit';

/** The strings of the first language of a PE file's version resource, and its fixed versions. */
export function readVersionInfo(file) {
  const exe = ResEdit.NtExecutable.from(readFileSync(file), { ignoreCert: true });
  const res = ResEdit.NtExecutableResource.from(exe);
  const [vi] = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
  if (vi === undefined) throw new Error(`${file}: no version resource`);
  const [language] = vi.getAllLanguagesForStringValues();
  if (language === undefined) throw new Error(`${file}: no version strings`);
  const f = vi.fixedInfo;
  const dotted = (ms, ls) => [ms >>> 16, ms & 0xffff, ls >>> 16, ls & 0xffff].join('.');
  return { ...vi.getStringValues(language), fixedFileVersion: dotted(f.fileVersionMS, f.fileVersionLS), fixedProductVersion: dotted(f.productVersionMS, f.productVersionLS) };
}

/**
 * Says the program is tally, not Node: every string of every language replaced, the fixed file
 * and product versions set. Node's own copyright is kept in the copyright line, as its licence asks.
 */
export function setVersionInfo(file, { version, description, nodeVersion }) {
  const exe = ResEdit.NtExecutable.from(readFileSync(file), { ignoreCert: true });
  const res = ResEdit.NtExecutableResource.from(exe);
  const all = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
  if (all.length !== 1) throw new Error(`${file}: ${all.length} version resources, expected 1`);
  const vi = all[0];
  const [major, minor, patch] = version.split('.').map(Number);
  vi.setFileVersion(major, minor, patch, 0);
  vi.setProductVersion(major, minor, patch, 0);
  const strings = {
    CompanyName: '',
    ProductName: 'tally',
    FileDescription: description,
    FileVersion: version,
    ProductVersion: version,
    OriginalFilename: 'tally.exe',
    InternalName: 'tally',
    LegalCopyright: `tally ${version}. Node.js ${nodeVersion}: Copyright Node.js contributors. MIT license.`,
  };
  for (const language of vi.getAllLanguagesForStringValues()) {
    vi.removeAllStringValues(language, false);
    vi.setStringValues(language, strings);
  }
  vi.outputToResourceEntries(res.entries);
  res.outputResource(exe);
  writeFileSync(file, Buffer.from(exe.generate()));
  const back = readVersionInfo(file);
  for (const [k, v] of Object.entries(strings)) if (back[k] !== v) throw new Error(`${file}: ${k} reads back as ${JSON.stringify(back[k])}, not ${JSON.stringify(v)}`);
}

if (import.meta.filename === process.argv[1]) process.stdout.write(`${JSON.stringify(readVersionInfo(process.argv[2]), null, 2)}\n`);
