#!/usr/bin/env python3
"""Writes the bundled sample session (fixtures/hoi-nghi-huyen) and its expected result.

Independent of tally's code on purpose: the ballots are built from declared per-leader
counts, and the expected figures are computed here with exact fractions, so the golden
file never comes from the program it checks. Run: python3 scripts/sample_session.py
"""
import csv
import json
import random
from fractions import Fraction
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "hoi-nghi-huyen"

SESSION = [
    ("Tên hội nghị", "Hội nghị Ban Chấp hành Đảng bộ huyện lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025"),
    ("Cơ quan", "Huyện ủy Tân Lập"),
    ("Địa danh", "Tân Lập"),
    ("Ngày", "13/12/2023"),
    ("Quy định", "96-QĐ/TW"),
    ("Số người được triệu tập", "45"),
    ("Số người có mặt", "42"),
    ("Số phiếu phát ra", "42"),
    ("Số phiếu thu về", "41"),
    ("Ban kiểm phiếu", "Nguyễn Thị Hòa; Lê Quang Vinh; Phạm Thị Thảo"),
]
CONVENED, PRESENT, ISSUED, RETURNED = 45, 42, 42, 41

# (stt, id, name, position, excluded reason, high, confidence, low) — the three counts are
# the valid lines each leader must end with; invalid lines are declared below.
ROSTER = [
    (1, "HU01", "Nguyễn Văn Hùng", "Bí thư Huyện ủy", "", 33, 5, 1),
    (2, "HU02", "Trần Thị Mai", "Phó Bí thư Thường trực Huyện ủy", "", 30, 9, 1),
    (3, "HU03", "Lê Văn Hưng", "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện", "", 27, 10, 3),
    (4, "HU04", "Phạm Minh Tuấn", "Chủ tịch HĐND huyện", "", 25, 12, 2),
    (5, "HU05", "Hoàng Thị Lan", "Phó Chủ tịch HĐND huyện", "", 21, 16, 3),
    (6, "HU06", "Vũ Đức Thắng", "Phó Chủ tịch UBND huyện", "", 18, 14, 7),
    (7, "HU07", "Đặng Quốc Bảo", "Phó Chủ tịch UBND huyện", "", 6, 10, 23),
    (8, "HU08", "Bùi Thị Thu Hà", "Trưởng Ban Tổ chức Huyện ủy", "", 28, 11, 1),
    (9, "HU09", "Đỗ Văn Long", "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "", 24, 13, 2),
    (10, "HU10", "Ngô Thị Hồng", "Trưởng Ban Tuyên giáo Huyện ủy", "", 22, 14, 4),
    (11, "HU11", "Dương Văn Khải", "Trưởng Ban Dân vận Huyện ủy", "", 9, 11, 20),
    (12, "HU12", "Lý Thị Ngọc", "Chủ tịch Ủy ban MTTQ Việt Nam huyện", "", 26, 11, 2),
    (13, "HU13", "Trịnh Văn Sơn", "Chánh Văn phòng Huyện ủy", "", 19, 17, 4),
    (14, "HU14", "Mai Xuân Trường", "Trưởng Công an huyện", "", 31, 6, 2),
    (15, "HU15", "Phan Thị Yến", "Bí thư Huyện đoàn", "", 20, 15, 5),
    (16, "HU16", "Cao Văn Thành", "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", "Bổ nhiệm tháng 3/2023", 0, 0, 0),
]

VOID_BALLOT = (17, "Ghi thêm tên người vào phiếu")
# (ballot number, stt, cell as typed, reason)
INVALID_LINES = [
    (5, 12, "", "no-mark"),
    (22, 4, "", "no-mark"),
    (30, 14, "", "no-mark"),
    (8, 6, "13", "multiple-marks"),
    (33, 9, "1,2", "multiple-marks"),
    (12, 7, "gx", "name-crossed-out"),
    (26, 1, "0", "declared-invalid"),
]
REASONS = ["no-mark", "multiple-marks", "name-crossed-out", "declared-invalid", "void-ballot"]


def build_ballots():
    numbers = list(range(1, RETURNED + 1))
    counted = [n for n in numbers if n != VOID_BALLOT[0]]
    rng = random.Random(2023)
    columns = {}
    for stt, _id, _name, _pos, excluded, h, m, l in ROSTER:
        if excluded:
            continue
        fixed = {b: cell for (b, s, cell, _r) in INVALID_LINES if s == stt}
        free = [b for b in counted if b not in fixed]
        marks = ["1"] * h + ["2"] * m + ["3"] * l
        assert len(marks) == len(free), (stt, len(marks), len(free))
        rng.shuffle(marks)
        col = dict(zip(free, marks))
        col.update(fixed)
        # The void ballot still carries marks: it is void as a whole, whatever it says.
        col[VOID_BALLOT[0]] = rng.choice(["1", "2", "3"])
        columns[stt] = col
    return numbers, columns


def expected():
    leaders = []
    T = RETURNED
    for stt, id_, name, pos, excluded, h, m, l in ROSTER:
        if excluded:
            continue
        reasons = {r: 0 for r in REASONS}
        for (_b, s, _c, r) in INVALID_LINES:
            if s == stt:
                reasons[r] += 1
        reasons["void-ballot"] = 1
        valid = h + m + l
        assert valid + sum(reasons.values()) == T

        def pct(x):
            # 100·x/T rounded half up to two decimals, with exact fractions.
            v = Fraction(100 * x, T) * 100
            return float(Fraction(int(v + Fraction(1, 2)), 100))

        low = Fraction(l, T)
        band = "dismissal" if low >= Fraction(2, 3) else "review" if low > Fraction(1, 2) else "none"
        leaders.append({
            "id": id_, "stt": stt, "name": name, "position": pos, "ballotType": "default",
            "high": h, "confidence": m, "low": l, "valid": valid, "invalid": T - valid,
            "invalidByReason": reasons, "denominator": T,
            "percent": {"high": pct(h), "confidence": pct(m), "low": pct(l)},
            "band": band, "flagged": band != "none", "notes": [],
        })
    return {
        "session": {"date": "2023-12-13", "round": "2023", "regime": "party-96",
                    "convened": CONVENED, "present": PRESENT,
                    "quorum": {"required": 30, "met": True}},
        "ballotTypes": [{"id": "default", "issued": ISSUED, "returned": RETURNED, "voidBallots": 1,
                         "validBallots": RETURNED - 1,
                         "denominator": {"basis": "returned", "value": RETURNED}}],
        "cadres": leaders,
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "danh-sach.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["STT", "Mã", "Họ và tên", "Chức vụ", "Không lấy phiếu"])
        for stt, id_, name, pos, excluded, *_ in ROSTER:
            w.writerow([stt, id_, name, pos, excluded])
    with open(OUT / "hoi-nghi.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Mục", "Giá trị"])
        w.writerows(SESSION)
    numbers, columns = build_ballots()
    voters = [r for r in ROSTER if not r[4]]
    with open(OUT / "phieu.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Số phiếu", "Phiếu không hợp lệ"] + [r[2] for r in voters])
        for n in numbers:
            void = VOID_BALLOT[1] if n == VOID_BALLOT[0] else ""
            w.writerow([n, void] + [columns[r[0]][n] for r in voters])
    with open(OUT / "expected.json", "w", encoding="utf-8") as f:
        json.dump(expected(), f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
