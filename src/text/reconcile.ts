// Wording of `tally reconcile`'s reports.

export const RECONCILE_TEXT = {
  vi: {
    heading: 'ĐỐI CHIẾU CÁC LẦN NHẬP PHIẾU',
    date: 'Ngày đối chiếu',
    entry: (n: number) => `Lần nhập ${n}`,
    none: 'Các lần nhập khớp nhau hoàn toàn.',
    summary: (d: number, m: number) => `${d} ô khác nhau, ${m} phiếu chỉ có ở một số lần nhập`,
    cell: (b: string, l: string, values: string, majority: string) => `  Phiếu ${b} · ${l}: ${values}${majority}`,
    majority: (v: string, who: string) => ` — đa số: '${v}', lần nhập ${who} khác`,
    missing: (b: string, present: string, absent: string) => `  Phiếu ${b}: có ở lần nhập ${present}, thiếu ở lần nhập ${absent}`,
    leaderMissing: (l: string, absent: string) => `  Cột ${l}: thiếu ở lần nhập ${absent}`,
    cols: ['Phiếu số', 'Người được lấy phiếu', 'Đa số', 'Lần nhập khác'],
    entriesSheet: 'Các lần nhập',
    entryCols: ['Lần nhập', 'Tệp', 'Đường dẫn', 'SHA-256'],
  },
  en: {
    heading: 'RECONCILIATION OF INDEPENDENT ENTRIES',
    date: 'Date',
    entry: (n: number) => `Entry ${n}`,
    none: 'The entries agree completely.',
    summary: (d: number, m: number) => `${d} differing cell(s), ${m} ballot(s) missing from some entries`,
    cell: (b: string, l: string, values: string, majority: string) => `  Ballot ${b} · ${l}: ${values}${majority}`,
    majority: (v: string, who: string) => ` — majority: '${v}', entry ${who} disagrees`,
    missing: (b: string, present: string, absent: string) => `  Ballot ${b}: in entry ${present}, missing from entry ${absent}`,
    leaderMissing: (l: string, absent: string) => `  Column ${l}: missing from entry ${absent}`,
    cols: ['Ballot', 'Leader', 'Majority', 'Disagreeing entry'],
    entriesSheet: 'Entries',
    entryCols: ['Entry', 'File', 'Path', 'SHA-256'],
  },
} as const;
