#!/usr/bin/env python3
"""Writes the text fixtures of fixtures/corpus/ from declared content (see each README).

Derived from the sample session's CSV files and from small sessions declared here; the
expected results come from scripts/sample_session.py's independent calculation or are
written by hand in the fixture folders. Run: python3 scripts/make_corpus.py
"""
import csv
import io
import json
import shutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "hoi-nghi-huyen"
CORPUS = ROOT / "fixtures" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_session  # noqa: E402

SAMPLE_ARGS = ["--roster", "../../hoi-nghi-huyen/danh-sach.csv", "--session", "../../hoi-nghi-huyen/hoi-nghi.csv"]


def sample_rows():
    with open(SAMPLE / "phieu.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def write_csv(path, rows, delimiter=","):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def folder(name, readme, cases):
    d = CORPUS / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    (d / "README.md").write_text(readme.strip() + "\n", encoding="utf-8")
    (d / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return d


def expected_sample(reason_override=None):
    """The sample's expected result (independent), with some invalid reasons re-labelled."""
    e = sample_session.expected()
    for (ballot, stt, new_reason) in reason_override or []:
        old = next(r for (b, s, _c, r) in sample_session.INVALID_LINES if b == ballot and s == stt)
        c = next(c for c in e["cadres"] if c["stt"] == stt)
        c["invalidByReason"][old] -= 1
        c["invalidByReason"][new_reason] += 1
    return e


def dump(d, name, obj):
    (d / name).write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- Long layout: fill ratios from a scanner, one undecided mark, adjudications -------------
def scanner_fill_ratios():
    rows = sample_rows()
    names = rows[0][2:]
    out = [["Phiếu số", "Cán bộ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Phiếu không hợp lệ"]]
    for r in rows[1:]:
        for i, name in enumerate(names):
            v = r[2 + i]
            fills = ["0.04", "0.02", "0.03"]
            if v in ("1", "2", "3"):
                fills[int(v) - 1] = "0.81"
            elif v == "13":
                fills[0] = fills[2] = "0.76"
            elif v == "1,2":
                fills[0] = fills[1] = "0,72"  # a decimal comma, as a Vietnamese-locale export writes
            if r[0] == "3" and i == 1:  # Trần Thị Mai on ballot 3: a faint mark
                fills[int(v) - 1] = "0.35"
            out.append([r[0], name] + fills + [r[1]])
    level = {"1": "1", "2": "2", "3": "3"}[rows[3][3]]
    d = folder(
        "scanner-fill-ratios",
        """
# Scanner output, long layout, fill ratios

The sample session as a scanner writes it: one row per ballot line, three fill ratios (mark at
or above 0.5, blank at or below 0.2), the void reason on ballot 17's rows. Ballot 3's mark for
Trần Thị Mai is faint (0.35): undecided, so without decisions there is no result. The counting
committee's decisions (`quyet-dinh.csv`) settle it and mark ballot 12 (name crossed out) and
ballot 26 (declared invalid) invalid — the scanner sees no mark there. With them the result is
the sample's, except that ballot 12's line counts as declared-invalid (computed by
scripts/sample_session.py with that reason re-labelled).
""",
        [
            {"args": ["quet.csv", *SAMPLE_ARGS], "exit": 1, "expected": "expected-undecided.json"},
            {"args": ["quet.csv", *SAMPLE_ARGS, "--adjudications", "quyet-dinh.csv"], "exit": 0, "expected": "expected.json"},
        ],
    )
    (d / "quet.csv").write_text(write_csv(d / "quet.csv", out), encoding="utf-8")
    adj = [["ballot", "cadre", "decision", "decided_by"],
           ["12", "Đặng Quốc Bảo", "invalid", "Ban kiểm phiếu, biên bản số 2"],
           ["26", "Nguyễn Văn Hùng", "invalid", "Ban kiểm phiếu, biên bản số 2"],
           ["3", "Trần Thị Mai", level, "Nguyễn Thị Hòa (Trưởng ban)"]]
    (d / "quyet-dinh.csv").write_text(write_csv(None, adj), encoding="utf-8")
    dump(d, "expected-undecided.json", {"cadres": [], "ballotTypes": [], "problems": [{"code": "undecided-mark", "cell": "C33", "severity": "error"}]})
    e = expected_sample([(12, 7, "declared-invalid")])
    e["adjudications"] = [
        {"ballot": "12", "cadre": "Đặng Quốc Bảo", "before": "no-mark", "decision": "declared-invalid"},
        {"ballot": "26", "cadre": "Nguyễn Văn Hùng", "before": "no-mark", "decision": "declared-invalid"},
        {"ballot": "3", "cadre": "Trần Thị Mai", "before": "undecided", "decision": {"1": "high", "2": "confidence", "3": "low"}[level]},
    ]
    e["problems"] = []
    dump(d, "expected.json", e)


# --- Long layout with level codes; a missing and a repeated line ---------------------------
def scanner_level_column():
    rows = sample_rows()
    names = rows[0][2:]
    out = [["Số phiếu", "Người được lấy phiếu", "Mức", "Không hợp lệ"]]
    for r in rows[1:]:
        for i, name in enumerate(names):
            out.append([r[0], name, r[2 + i], r[1]])
    d = folder(
        "scanner-level-column",
        """
# Long layout with level codes

The sample session, one row per ballot line with the typed code in a `Mức` column: the
result is the sample's. `thieu-dong.csv` lacks the line (ballot 9, Hoàng Thị Lan):
`missing-line`, never taken as blank. `trung-dong.csv` repeats (ballot 4, Lê Văn Hưng):
`duplicate-line` naming both rows.
""",
        [
            {"args": ["muc.csv", *SAMPLE_ARGS], "exit": 0, "expected": "expected.json"},
            {"args": ["thieu-dong.csv", *SAMPLE_ARGS], "exit": 1, "expected": "expected-missing.json"},
            {"args": ["trung-dong.csv", *SAMPLE_ARGS], "exit": 1, "expected": "expected-duplicate.json"},
        ],
    )
    (d / "muc.csv").write_text(write_csv(None, out), encoding="utf-8")
    missing = [x for x in out if not (x[0] == "9" and x[1] == "Hoàng Thị Lan")]
    (d / "thieu-dong.csv").write_text(write_csv(None, missing), encoding="utf-8")
    i = next(k for k, x in enumerate(out) if x[0] == "4" and x[1] == "Lê Văn Hưng")
    dup = out[: i + 1] + [out[i]] + out[i + 1 :]
    (d / "trung-dong.csv").write_text(write_csv(None, dup), encoding="utf-8")
    e = expected_sample()
    e["problems"] = []
    dump(d, "expected.json", e)
    dump(d, "expected-missing.json", {"cadres": [], "problems": [{"code": "missing-line", "cell": "A122"}]})
    dump(d, "expected-duplicate.json", {"cadres": [], "problems": [{"code": "duplicate-line", "row": i + 2}]})


# --- A small session for the OMR tools: 12 sheets, 4 leaders ------------------------------
OMR_ROSTER = [["STT", "Họ và tên", "Chức vụ"], [1, "Võ Thị Sáu", "Bí thư Đảng ủy"], [2, "Lâm Văn Bền", "Phó Bí thư Đảng ủy"],
              [3, "Kim Thị Đào", "Chủ tịch UBND xã"], [4, "Đinh Công Tráng", "Chủ tịch HĐND xã"]]
OMR_SESSION = [["Mục", "Giá trị"], ["Tên hội nghị", "Hội nghị Đảng ủy xã lấy phiếu tín nhiệm"], ["Ngày", "20/11/2023"],
               ["Số người được triệu tập", 15], ["Số người có mặt", 12], ["Số phiếu phát ra", 12], ["Số phiếu thu về", 12]]
# One row per scanned sheet: the letter answers for leaders 1–4.
OMR_SHEETS = [
    ["A", "A", "C", "B"], ["A", "B", "C", "A"], ["A", "A", "C", "A"], ["B", "A", "C", "A"],
    ["A", "", "B", "A"], ["A", "A", "C", "AB"], ["A", "C", "A", "A"], ["A", "A", "C", "B"],
    ["B", "A", "BC", "A"], ["A", "B", "A", "A"], ["A", "A", "C", "A"], ["C", "A", "A", "A"],
]


def omr_common(d):
    (d / "danh-sach.csv").write_text(write_csv(None, OMR_ROSTER), encoding="utf-8")
    (d / "hoi-nghi.csv").write_text(write_csv(None, OMR_SESSION), encoding="utf-8")


def omrchecker():
    d = folder(
        "omrchecker",
        """
# OMRChecker results

`Results/Results_09AM.csv` as OMRChecker writes it (file_id, input_path, output_path, score,
q1–q4; letters A/B/C, two marks run together). The expected figures are worked by hand in
`../formscanner/README.md` (the same 12 sheets). `Manual/ErrorFiles.csv` lists a 13th sheet
the tool could not read: given with the results it is reported (`scanner-error`) and there is
no result until it is scanned again or typed in. `Manual/MultiMarkedFiles.csv` holds sheet 13
once read, with all three boxes marked on every line: counted (multiple marks), and reported
as implausible.
""",
        [
            {"args": ["Results/Results_09AM.csv", "--roster", "danh-sach.csv", "--session", "hoi-nghi.csv"], "exit": 0, "expected": "../formscanner/expected.json"},
            {"args": ["Results/Results_09AM.csv", "Manual/ErrorFiles.csv", "--roster", "danh-sach.csv", "--session", "hoi-nghi.csv", "--returned", "13", "--issued", "13", "--present", "13"], "exit": 1, "expected": "expected-error-file.json"},
            {"args": ["Results/Results_09AM.csv", "Manual/MultiMarkedFiles.csv", "--roster", "danh-sach.csv", "--session", "hoi-nghi.csv", "--returned", "13", "--issued", "13", "--present", "13"], "exit": 0, "expected": "expected-multimarked.json"},
        ],
    )
    omr_common(d)
    (d / "Results").mkdir()
    (d / "Manual").mkdir()
    head = ["file_id", "input_path", "output_path", "score", "q1", "q2", "q3", "q4"]
    rows = [head] + [[f"phieu_{i + 1:03}.jpg", f"inputs/phieu_{i + 1:03}.jpg", f"outputs/CheckedOMRs/phieu_{i + 1:03}.jpg", "0"] + s for i, s in enumerate(OMR_SHEETS)]
    (d / "Results" / "Results_09AM.csv").write_text(write_csv(None, rows), encoding="utf-8")
    err = [head, ["phieu_013.jpg", "inputs/phieu_013.jpg", "outputs/Manual/ErrorFiles/phieu_013.jpg", "NA", "", "", "", ""]]
    (d / "Manual" / "ErrorFiles.csv").write_text(write_csv(None, err), encoding="utf-8")
    mm = [head, ["phieu_013.jpg", "inputs/phieu_013.jpg", "outputs/Manual/MultiMarked/phieu_013.jpg", "0", "ABC", "ABC", "ABC", "ABC"]]
    (d / "Manual" / "MultiMarkedFiles.csv").write_text(write_csv(None, mm), encoding="utf-8")
    overrides = [{"code": "session-override"}] * 3
    dump(d, "expected-error-file.json", {"cadres": [], "problems": overrides + [{"code": "scanner-error", "value": "phieu_013.jpg"}]})
    dump(d, "expected-multimarked.json", {
        "cadres": [
            {"name": "Võ Thị Sáu", "high": 9, "confidence": 2, "low": 1, "invalid": 1, "invalidByReason": {"multiple-marks": 1}},
            {"name": "Lâm Văn Bền", "high": 8, "confidence": 2, "low": 1, "invalid": 2},
            {"name": "Kim Thị Đào", "high": 3, "confidence": 1, "low": 7, "invalid": 2, "percent": {"low": 53.85}, "band": "review"},
            {"name": "Đinh Công Tráng", "high": 9, "confidence": 2, "low": 0, "invalid": 2},
        ],
        "problems": overrides + [{"code": "implausible-ballot"}],
    })


def formscanner():
    d = folder(
        "formscanner",
        """
# FormScanner results

The same 12 sheets as `../omrchecker`, as FormScanner saves them: semicolon-separated, the
file name first, `Group.Question` headers (`Phiếu.1` … `Phiếu.4`), several marks joined by
`|`. Worked by hand, T = 12 returned, letters A = high, B = confidence, C = low:

| leader | high | conf. | low | invalid | low % | band |
|---|---|---|---|---|---|---|
| 1 Võ Thị Sáu | 9 (75.00) | 2 (16.67) | 1 (8.33) | 0 | 8.33 | none |
| 2 Lâm Văn Bền | 8 (66.67) | 2 (16.67) | 1 (8.33) | 1 no mark | 8.33 | none |
| 3 Kim Thị Đào | 3 (25.00) | 1 (8.33) | 7 (58.33) | 1 several marks | 7/12: 14 > 12, 21 < 24 | review |
| 4 Đinh Công Tráng | 9 (75.00) | 2 (16.67) | 0 (0.00) | 1 several marks | 0.00 | none |

Quorum: 12 of 15 present, required 10. With a 13th sheet marked ABC everywhere
(`../omrchecker/Manual/MultiMarkedFiles.csv`, T = 13) each leader gains one invalid line and
Kim Thị Đào has 7/13 = 53.85%, still review (14 > 13, 21 < 26).
""",
        [{"args": ["ket-qua.csv", "--roster", "../omrchecker/danh-sach.csv", "--session", "../omrchecker/hoi-nghi.csv"], "exit": 0, "expected": "expected.json"}],
    )
    head = ["File name", "Phiếu.1", "Phiếu.2", "Phiếu.3", "Phiếu.4"]
    rows = [head] + [[f"phieu_{i + 1:03}.jpg"] + ["|".join(a) if len(a) > 1 else a for a in s] for i, s in enumerate(OMR_SHEETS)]
    (d / "ket-qua.csv").write_text(write_csv(None, rows, delimiter=";"), encoding="utf-8")
    dump(d, "expected.json", {
        "session": {"convened": 15, "present": 12, "quorum": {"required": 10, "met": True}},
        "ballotTypes": [{"returned": 12, "voidBallots": 0, "denominator": {"basis": "returned", "value": 12}}],
        "cadres": [
            {"name": "Võ Thị Sáu", "high": 9, "confidence": 2, "low": 1, "invalid": 0, "percent": {"high": 75, "confidence": 16.67, "low": 8.33}, "band": "none"},
            {"name": "Lâm Văn Bền", "high": 8, "confidence": 2, "low": 1, "invalid": 1, "invalidByReason": {"no-mark": 1}, "percent": {"high": 66.67, "confidence": 16.67, "low": 8.33}, "band": "none"},
            {"name": "Kim Thị Đào", "high": 3, "confidence": 1, "low": 7, "invalid": 1, "invalidByReason": {"multiple-marks": 1}, "percent": {"high": 25, "confidence": 8.33, "low": 58.33}, "band": "review", "flagged": True},
            {"name": "Đinh Công Tráng", "high": 9, "confidence": 2, "low": 0, "invalid": 1, "invalidByReason": {"multiple-marks": 1}, "percent": {"high": 75, "confidence": 16.67, "low": 0}, "band": "none"},
        ],
        "problems": [],
    })


# --- Encodings ------------------------------------------------------------------------------
def to_cp1258(text):
    """Windows-1258 has base letters with circumflex, breve and horn, and tone marks apart."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in "\u0300\u0301\u0303\u0309\u0323"))
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def encodings():
    rows = sample_rows()
    d = folder(
        "encodings",
        """
# One session, several encodings

The sample's ballots saved as Excel and other tools save CSV: UTF-16 LE with BOM and tabs
(Excel "Unicode text"), UTF-16 BE with BOM, Windows-1258 (Excel's legacy Vietnamese CSV:
tone marks as separate characters), UTF-8 without BOM separated by semicolons (a
Vietnamese-locale Excel). Every one tallies to the sample's result.
""",
        [
            {"args": [name, *SAMPLE_ARGS], "exit": 0, "expected": "../../hoi-nghi-huyen/expected.json"}
            for name in ["phieu-utf16le.txt", "phieu-utf16be.txt", "phieu-cp1258.csv", "phieu-utf8-semicolon.csv"]
        ],
    )
    (d / "phieu-utf16le.txt").write_bytes(b"\xff\xfe" + write_csv(None, rows, delimiter="\t").encode("utf-16-le"))
    (d / "phieu-utf16be.txt").write_bytes(b"\xfe\xff" + write_csv(None, rows, delimiter="\t").encode("utf-16-be"))
    (d / "phieu-cp1258.csv").write_bytes(to_cp1258(write_csv(None, rows)))
    (d / "phieu-utf8-semicolon.csv").write_text(write_csv(None, rows, delimiter=";"), encoding="utf-8")


# Legacy font encodings: TCVN3 (TCVN 5712:1993, VN3) lower-case letters, and VNI Windows.
TCVN3 = dict(zip(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
    [0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6, 0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB, 0xAE,
     0xCC, 0xD0, 0xCE, 0xCF, 0xD1, 0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE,
     0xDF, 0xE3, 0xE1, 0xE2, 0xE4, 0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9, 0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE,
     0xEF, 0xF3, 0xF1, 0xF2, 0xF4, 0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE]))
VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}


def to_tcvn3(text):
    out = bytearray()
    for ch in text:
        low = ch.lower()
        out += bytes([TCVN3[low]]) if low in TCVN3 else ch.encode("ascii", "replace")
    return bytes(out)


def to_vni(text):
    out = bytearray()
    for ch in text:
        if ch in "đĐ":
            out += b"\xf1" if ch == "đ" else b"\xd1"
            continue
        parts = unicodedata.normalize("NFD", ch)
        out += parts[0].encode("ascii", "replace")
        for m in parts[1:]:
            out += {"\u0302": b"\xe2", "\u0306": b"\xea", "\u031b": b"\xf6"}.get(m, bytes([VNI_TONE.get(m, 0x3F)]))
    return bytes(out)


def legacy():
    with open(SAMPLE / "danh-sach.csv", encoding="utf-8-sig") as f:
        text = f.read()
    d = folder(
        "legacy-encodings",
        """
# Legacy font encodings

The sample roster typed in the legacy Vietnamese font encodings: TCVN3 (ABC, .VnTime fonts)
and VNI Windows (VNI-Times). Neither can be read as Unicode: each is refused (exit 2) with
advice to convert it with Unikey. The bytes are made by scripts/make_corpus.py from the
TCVN 5712 VN3 table and VNI's letter + modifier bytes.
""",
        [
            {"args": ["../../hoi-nghi-huyen/phieu.csv", "--roster", "danh-sach-tcvn3.csv", "--session", "../../hoi-nghi-huyen/hoi-nghi.csv"], "exit": 2, "stderr": "bảng mã cũ (TCVN3 (ABC))"},
            {"args": ["../../hoi-nghi-huyen/phieu.csv", "--roster", "danh-sach-vni.csv", "--session", "../../hoi-nghi-huyen/hoi-nghi.csv"], "exit": 2, "stderr": "bảng mã cũ (VNI Windows)"},
        ],
    )
    (d / "danh-sach-tcvn3.csv").write_bytes(to_tcvn3(text))
    (d / "danh-sach-vni.csv").write_bytes(to_vni(text))


def duplicates():
    rows = sample_rows()
    dup = [r[:] for r in rows]
    dup[12][0] = "3"  # row 13: ballot 12 typed as 3
    d = folder(
        "duplicates",
        """
# Duplicates

`phieu-trung-so.csv`: row 13 (ballot 12 typed as 3) repeats ballot number 3 (row 4): refused,
naming both rows; ballot 12 is then missing, so the rows no longer match the ballots returned. The
same ballots given twice under two names (same SHA-256): refused once, naming both files; the
copy is not read, so it adds no duplicate-ballot noise.
""",
        [
            {"args": ["phieu-trung-so.csv", *SAMPLE_ARGS], "exit": 1, "expected": "expected-number.json"},
            {"args": ["../../hoi-nghi-huyen/phieu.csv", "ban-sao-phieu.csv", *SAMPLE_ARGS], "exit": 1, "expected": "expected-file.json"},
        ],
    )
    (d / "phieu-trung-so.csv").write_text(write_csv(None, dup), encoding="utf-8")
    shutil.copyfile(SAMPLE / "phieu.csv", d / "ban-sao-phieu.csv")
    dump(d, "expected-number.json", {"cadres": [], "problems": [{"code": "duplicate-ballot", "cell": "A13", "value": "3"}, {"code": "rows-vs-returned"}]})
    dump(d, "expected-file.json", {"cadres": [], "problems": [{"code": "duplicate-file"}]})


if __name__ == "__main__":
    scanner_fill_ratios()
    scanner_level_column()
    omrchecker()
    formscanner()
    encodings()
    legacy()
    duplicates()
