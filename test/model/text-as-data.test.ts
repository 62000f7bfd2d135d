// The three targets of text from the inputs (src/model/text-as-data.ts), character by
// character, with the expected text written by hand.
import { describe, expect, it } from 'vitest';
import { cellText, cutText, documentData, htmlText, jsonText, screenData, screenText, xmlText } from '../../src/model/text-as-data.js';

const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const hex = (ch: string) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

describe('screenText', () => {
  it('shows every C0 control, DEL, C1, the separators, bidi controls and lone surrogates as code points', () => {
    const controls = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0080', '\u009b', '\u009f', '\u2028', '\u2029', ...BIDI, '\ud800', '\udfff'];
    for (const ch of controls) expect(screenText(`a${ch}b`)).toBe(`a${hex(ch)}b`);
    expect(screenText('\u001b[2K\rHợp lệ')).toBe('[U+001B][2K[U+000D]Hợp lệ');
  });

  it('leaves Vietnamese, combining marks, emoji (a surrogate pair), U+FFFE and NBSP as they are', () => {
    const text = 'Nguyễn Thị Hòa Tiếng Việt 😀 \u00a0 \ufffe 9/12';
    expect(screenText(text)).toBe(text);
  });
});

describe('xmlText', () => {
  it('replaces what XML cannot hold, CR, DEL and bidi controls; keeps tab and line feed', () => {
    expect(xmlText('a\tb\nc')).toBe('a\tb\nc');
    for (const ch of ['\u0000', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001f', '\u007f', '\ufffe', '\uffff', '\ud800', '\udc00', ...BIDI]) expect(xmlText(`x${ch}y`)).toBe(`x${hex(ch)}y`);
  });

  it('leaves C1 controls (XML 1.0 holds them), a surrogate pair and markup to the XML writer', () => {
    expect(xmlText('\u0085 😀 <a & b>')).toBe('\u0085 😀 <a & b>');
  });
});

describe('htmlText', () => {
  it('escapes markup and replaces what xmlText replaces', () => {
    expect(htmlText(`<b onclick="x">Tom & 'Jerry'</b>\u202e9/12`)).toBe('&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;[U+202E]9/12');
    expect(htmlText(null)).toBe('');
    expect(htmlText(42)).toBe('42');
  });
});

describe('jsonText', () => {
  it('spells bidi, C1, DEL and the separators as \\u escapes: the same data when parsed', () => {
    const value = { name: '\u202eTrần\u2066 \u0085\u007f\u2028', n: 1 };
    const text = jsonText(JSON.stringify(value));
    expect(text).toBe('{"name":"\\u202eTrần\\u2066 \\u0085\\u007f\\u2028","n":1}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('cutText', () => {
  it('leaves a text of the limit whole', () => {
    expect(cutText('abcdefghij', 10)).toBe('abcdefghij');
  });

  it('cuts to the limit with "… [+N]", N the characters left out', () => {
    // 30 letters to 20: the mark for N ≤ 30 takes 7, so 13 letters kept and 17 left out.
    const out = cutText('abcdefghijklmnopqrstuvwxyz0123', 20);
    expect(out).toBe('abcdefghijklm… [+17]');
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('never cuts a surrogate pair or a code point mark in two', () => {
    // 'ab' then emoji pairs: the cut would fall after a high surrogate at 13; it goes back one.
    expect(cutText(`ab${'😀'.repeat(20)}`, 20)).toBe(`ab${'😀'.repeat(5)}… [+30]`);
    expect(cutText(`abcdefghij[U+202E]${'x'.repeat(30)}`, 24)).toBe('abcdefghij… [+38]');
  });

  it('keeps a workbook cell within 32,767 characters, controls replaced first', () => {
    const cell = cellText('\u001b'.repeat(10_000));
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell.startsWith('[U+001B][U+001B]')).toBe(true);
    expect(cell).toMatch(/\[U\+001B\]… \[\+\d+\]$/);
  });
});

describe('textView, screenData and documentData', () => {
  it('every string read through the view comes escaped; the data itself is unchanged', () => {
    const data = { list: [{ name: '\u202eA' }, { name: 'B' }], n: 3, nothing: null };
    const view = screenData(data);
    expect(view.list[0]?.name).toBe('[U+202E]A');
    expect(view.list.map((x) => x.name)).toEqual(['[U+202E]A', 'B']);
    expect(JSON.parse(JSON.stringify(view))).toEqual({ list: [{ name: '[U+202E]A' }, { name: 'B' }], n: 3, nothing: null });
    expect({ ...view.list[0] }).toEqual({ name: '[U+202E]A' });
    expect(data.list[0]?.name).toBe('\u202eA');
  });

  it('hands a Map over as it is, keeps one view per object, and refuses to be written', () => {
    const map = new Map([['k', '\u001b']]);
    const shared = { name: 'x' };
    const view = screenData({ map, a: shared, b: shared });
    expect(view.map).toBe(map);
    expect(view.a).toBe(view.b);
    expect(() => ((view.a as { name: string }).name = 'y')).toThrow(TypeError);
    expect(() => (view.a as unknown as string[]).sort()).toThrow(TypeError);
  });

  it('computes nothing that is not read: a lazily built list stays unbuilt', () => {
    let built = 0;
    const data = {
      title: '\u001b',
      get lines(): string[] {
        built++;
        return ['\u202e'];
      },
    };
    const view = screenData(data);
    expect(view.title).toBe('[U+001B]');
    expect(built).toBe(0);
    expect(view.lines).toEqual(['[U+202E]']);
    expect(built).toBe(1);
  });

  it('documentData cuts each string to 2,000 characters', () => {
    const out = documentData({ title: 'x'.repeat(5_000), short: 'Tân Lập' });
    expect(out.title).toBe(`${'x'.repeat(1_991)}… [+3009]`);
    expect(out.short).toBe('Tân Lập');
  });
});
