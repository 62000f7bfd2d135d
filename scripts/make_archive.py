#!/usr/bin/env python3
"""Writes the text files of fixtures/archive/ and the expected outcome of `tally check`.

Three rounds for the same district leaders, plus a commune session and a party cell:
  2023/hoi-nghi-huyen.xlsx  the sample session with its Kết quả sheet        → ok
  2024/xa-tan-lap.xlsx      a commune session with its Kết quả sheet          → ok
  2024/huyen/               ket-qua.csv typed with one mistyped count         → differs
  2025/huyen/               tong-hop.xlsx written by tally, then phieu.csv edited
                            (Bùi Thị Thu Hà's first "1" made a "3")           → inputs changed
  2025/chi-bo/              a ballot cell 'x'                                  → invalid
The workbooks and the 2025 summary are made by scripts/make-archive-workbooks.mjs, which
runs this script first. Expected figures are computed here with exact fractions.
"""
import csv
import json
import random
import sys
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_session as S  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "archive"
LEADERS = [r for r in S.ROSTER if not r[4]]
NAMES = [r[2] for r in LEADERS]

# Declared valid counts (high, confidence, low) per leader, in roster order, all lines valid.
ROUNDS = {
    "2024": {"date": "10/12/2024", "convened": 45, "present": 41, "issued": 41, "returned": 40, "counts": [
        (30, 8, 2), (28, 10, 2), (25, 11, 4), (24, 13, 3), (22, 15, 3), (17, 15, 8), (5, 10, 25), (29, 9, 2),
        (23, 14, 3), (21, 15, 4), (10, 12, 18), (25, 12, 3), (20, 16, 4), (30, 8, 2), (19, 16, 5)]},
    "2025": {"date": "09/12/2025", "convened": 45, "present": 43, "issued": 43, "returned": 42, "counts": [
        (32, 8, 2), (30, 10, 2), (26, 12, 4), (25, 14, 3), (23, 16, 3), (18, 16, 8), (4, 8, 30), (30, 10, 2),
        (24, 15, 3), (22, 16, 4), (12, 14, 16), (27, 12, 3), (21, 17, 4), (31, 9, 2), (20, 17, 5)]},
}
MISTYPED_2024 = ("Dương Văn Khải", "low", 15)  # recorded instead of 18


def write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def pct(x, t):
    v = Fraction(100 * x, t) * 100
    return float(Fraction(int(v + Fraction(1, 2)), 100))


def band(low, t):
    f = Fraction(low, t)
    return "dismissal" if f >= Fraction(2, 3) else "review" if f > Fraction(1, 2) else "none"


def ballots(counts, returned, seed):
    rng = random.Random(seed)
    cols = []
    for h, c, l in counts:
        marks = ["1"] * h + ["2"] * c + ["3"] * l
        assert len(marks) == returned
        rng.shuffle(marks)
        cols.append(marks)
    return [[str(i + 1)] + [col[i] for col in cols] for i in range(returned)]


def session_rows(r, title):
    return [["Mục", "Giá trị"], ["Tên hội nghị", title], ["Cơ quan", "Huyện ủy Tân Lập"], ["Địa danh", "Tân Lập"], ["Ngày", r["date"]],
            ["Quy định", "96-QĐ/TW"], ["Số người được triệu tập", r["convened"]], ["Số người có mặt", r["present"]],
            ["Số phiếu phát ra", r["issued"]], ["Số phiếu thu về", r["returned"]], ["Ban kiểm phiếu", "Nguyễn Thị Hòa; Lê Quang Vinh"]]


def roster_rows():
    return [["STT", "Mã", "Họ và tên", "Chức vụ", "Không lấy phiếu"]] + [[r[0], r[1], r[2], r[3], r[4]] for r in S.ROSTER]


def main():
    ROOT.mkdir(parents=True, exist_ok=True)
    expected_points = {}
    # 2024, district: results typed at the time, one count mistyped.
    r = ROUNDS["2024"]
    d = ROOT / "2024" / "huyen"
    write(d / "danh-sach.csv", roster_rows())
    write(d / "hoi-nghi.csv", session_rows(r, "Hội nghị Ban Chấp hành Đảng bộ huyện lấy phiếu tín nhiệm năm 2024"))
    write(d / "phieu.csv", [["Số phiếu"] + NAMES] + ballots(r["counts"], r["returned"], 2024))
    res = [["Mã", "Họ và tên", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Tỷ lệ tín nhiệm thấp", "Mức"]]
    for (stt, id_, name, *_), (h, c, l) in zip(LEADERS, r["counts"]):
        low = MISTYPED_2024[2] if name == MISTYPED_2024[0] else l
        res.append([id_, name, h, c, low, f"{pct(l, r['returned']):.2f}".replace(".", ",") + "%", {"none": "Không", "review": "Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp", "dismissal": "Từ 2/3 phiếu tín nhiệm thấp trở lên"}[band(l, r["returned"])]])
    write(d / "ket-qua.csv", res)

    # 2025, district: files as they were when the summary was written (the edit comes after).
    r = ROUNDS["2025"]
    d = ROOT / "2025" / "huyen"
    write(d / "danh-sach.csv", roster_rows())
    write(d / "hoi-nghi.csv", session_rows(r, "Hội nghị Ban Chấp hành Đảng bộ huyện lấy phiếu tín nhiệm năm 2025"))
    write(d / "phieu.csv", [["Số phiếu"] + NAMES] + ballots(r["counts"], r["returned"], 2025))

    # 2025, a party cell with a typing error.
    d = ROOT / "2025" / "chi-bo"
    write(d / "danh-sach.csv", [["STT", "Họ và tên", "Chức vụ"], [1, "Hà Văn Tuấn", "Bí thư Chi bộ"], [2, "Tô Thị Hạnh", "Phó Bí thư Chi bộ"]])
    write(d / "hoi-nghi.csv", [["Ngày", "05/12/2025"], ["Số người được triệu tập", 6], ["Số người có mặt", 5], ["Số phiếu phát ra", 5], ["Số phiếu thu về", 5]])
    write(d / "phieu.csv", [["Số phiếu", "Hà Văn Tuấn", "Tô Thị Hạnh"], [1, 1, 1], [2, 1, 2], [3, "x", 1], [4, 2, 1], [5, 1, 1]])

    # The expected outcome, worked out here.
    def diff(leader, field, recorded, recount):
        return {"leader": leader, "ballotType": "default", "field": field, "recorded": recorded, "recount": recount}
    h, c, l = ROUNDS["2025"]["counts"][7]
    t = ROUNDS["2025"]["returned"]
    changed = [diff("Bùi Thị Thu Hà", "high", h, h - 1), diff("Bùi Thị Thu Hà", "low", l, l + 1),
               diff("Bùi Thị Thu Hà", "high_pct", pct(h, t), pct(h - 1, t)), diff("Bùi Thị Thu Hà", "low_pct", pct(l, t), pct(l + 1, t))]
    sessions = [
        {"path": "fixtures/archive/2023/hoi-nghi-huyen.xlsx", "status": "ok", "round": "2023", "differences": []},
        {"path": "fixtures/archive/2024/huyen", "status": "differs", "round": "2024", "differences": [diff("Dương Văn Khải", "low", 15, 18)]},
        {"path": "fixtures/archive/2024/xa-tan-lap.xlsx", "status": "ok", "round": "2024", "differences": []},
        {"path": "fixtures/archive/2025/chi-bo", "status": "invalid", "round": "2025", "differences": []},
        {"path": "fixtures/archive/2025/huyen", "status": "inputs changed", "round": "2025", "differences": changed},
    ]
    bao = []
    for year, (low, t) in [("2023", (23, 41)), ("2024", (25, 40)), ("2025", (30, 42))]:
        bao.append({"round": year, "low": low, "lowPercent": pct(low, t), "band": band(low, t)})
    expected = {
        "summary": {"sessions": 5, "ok": 2, "differs": 1, "inputsChanged": 1, "inputsMissing": 0, "noRecord": 0, "invalid": 1},
        "sessions": sessions,
        "trend": {"name": "Đặng Quốc Bảo", "flaggedRounds": ["2023", "2024", "2025"], "sessions": bao},
    }
    (ROOT / "expected-check.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
