// A strict well-formedness check of XML 1.0 for the tests, written apart from the program and
// its libraries: every character one XML may hold, UTF-8 without a wrong byte, tags that nest
// under one root, attributes quoted and unique, no reference but the five entities and
// character references to characters XML may hold. Not a parser: it says what is wrong.

/** XML 1.0's Char production. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![A-Z][^>]*>|<[^>]*>|[^<]+/g;
const OPEN = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>$`);
const CLOSE = new RegExp(`^</(${NAME})\\s*>$`);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

/** What is wrong with the references of a text or attribute value. */
function referenceProblems(text: string, where: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/&([^;&\s]*)(;?)/g)) {
    const [whole, name, semi] = m;
    if (semi !== ';') out.push(`${where}: '&' not starting a reference: ${JSON.stringify(whole)}`);
    else if (/^(lt|gt|amp|quot|apos)$/.test(name ?? '')) continue;
    else if (/^#[0-9]+$|^#x[0-9a-fA-F]+$/.test(name ?? '')) {
      const cp = name?.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name?.slice(1) ?? '', 10);
      if (!isXmlChar(cp)) out.push(`${where}: a reference to a character XML cannot hold: &${name};`);
    } else out.push(`${where}: unknown entity &${name};`);
  }
  return out;
}

/** Every way in which `bytes` are not a well-formed XML 1.0 document; empty when they are. */
export function xmlProblems(bytes: Uint8Array): string[] {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['not UTF-8'];
  }
  const out: string[] = [];
  let offset = 0;
  for (const ch of xml) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(cp)) out.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${offset}, which XML cannot hold`);
    offset += ch.length;
  }
  const open: string[] = [];
  let roots = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const t = m[0];
    const at = `at ${m.index}`;
    if (t.startsWith('<!--') || t.startsWith('<![CDATA[') || t.startsWith('<?') || t.startsWith('<!')) continue;
    if (t.startsWith('</')) {
      const c = CLOSE.exec(t);
      const top = open.pop();
      if (c === null || c[1] !== top) out.push(`${at}: ${t} does not close <${top ?? ''}>`);
      continue;
    }
    if (t.startsWith('<')) {
      const o = OPEN.exec(t);
      if (o === null) {
        out.push(`${at}: not a tag: ${t.slice(0, 80)}`);
        continue;
      }
      if (open.length === 0 && ++roots > 1) out.push(`${at}: a second root element`);
      const names = new Set<string>();
      for (const a of (o[2] ?? '').matchAll(ATTR)) {
        if (names.has(a[1] ?? '')) out.push(`${at}: attribute ${a[1]} twice`);
        names.add(a[1] ?? '');
        out.push(...referenceProblems(a[2] ?? a[3] ?? '', `${at}, attribute ${a[1]}`));
      }
      if (o[3] !== '/') open.push(o[1] ?? '');
      continue;
    }
    if (open.length === 0 && t.trim() !== '') out.push(`${at}: text outside the root element`);
    if (t.includes(']]>')) out.push(`${at}: ']]>' in text`);
    out.push(...referenceProblems(t, at));
  }
  if (open.length > 0) out.push(`unclosed: ${open.join(' > ')}`);
  if (roots === 0) out.push('no root element');
  return out;
}

/** The text of an XML text node: the five entities and character references read. */
export function xmlUnescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, r: string) =>
    r === 'lt' ? '<' : r === 'gt' ? '>' : r === 'amp' ? '&' : r === 'quot' ? '"' : r === 'apos' ? "'" : String.fromCodePoint(r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10)),
  );
}
