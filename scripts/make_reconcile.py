#!/usr/bin/env python3
"""Writes fixtures/reconcile/: two more entries of the sample ballots with declared edits, and
the expected reconciliation derived from those edits. Entry 1 is the sample workbook itself.
Run: python3 scripts/make_reconcile.py
"""
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "reconcile"
SYNONYM = {"1": "cao", "2": "tn", "3": "thấp"}
OTHER = {"1": "3", "2": "1", "3": "2"}


def main():
    with open(ROOT / "fixtures" / "hoi-nghi-huyen" / "phieu.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    col = {name: i for i, name in enumerate(head)}
    get = lambda b, name: rows[b][col[name]]  # ballot b is on row index b

    e2 = [r[:] for r in rows]
    e3 = [r[:] for r in rows]
    v5 = get(5, "Trần Thị Mai")
    e2[5][col["Trần Thị Mai"]] = OTHER[v5]                     # a real difference
    e2[9][col["Lê Văn Hưng"]] = SYNONYM[get(9, "Lê Văn Hưng")]  # the same meaning, another code
    v14 = get(14, "Phan Thị Yến")
    e2[14][col["Phan Thị Yến"]] = OTHER[v14]
    e3[14][col["Phan Thị Yến"]] = OTHER[OTHER[v14]]            # all three differ
    v20 = get(20, "Đỗ Văn Long")
    e3[20][col["Đỗ Văn Long"]] = OTHER[v20]
    e2 = [r for r in e2 if r[0] != "30"]                       # ballot 30 not typed in entry 2

    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("nhap-2.csv", e2), ("nhap-3.csv", e3)):
        with open(OUT / name, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\r\n").writerows(data)

    two = {
        "differences": [
            {"ballot": "5", "leader": "Trần Thị Mai", "values": [v5, OTHER[v5]], "majority": None, "disagreeing": []},
            {"ballot": "14", "leader": "Phan Thị Yến", "values": [v14, OTHER[v14]], "majority": None, "disagreeing": []},
        ],
        "missing": [{"ballot": "30", "presentIn": [1], "missingIn": [2]}],
        "missingLeaders": [],
    }
    three = {
        "differences": [
            {"ballot": "5", "leader": "Trần Thị Mai", "values": [v5, OTHER[v5], v5], "majority": v5, "disagreeing": [2]},
            {"ballot": "14", "leader": "Phan Thị Yến", "values": [v14, OTHER[v14], OTHER[OTHER[v14]]], "majority": None, "disagreeing": []},
            {"ballot": "20", "leader": "Đỗ Văn Long", "values": [v20, v20, OTHER[v20]], "majority": v20, "disagreeing": [3]},
        ],
        "missing": [{"ballot": "30", "presentIn": [1, 3], "missingIn": [2]}],
        "missingLeaders": [],
    }
    (OUT / "expected-2.json").write_text(json.dumps(two, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (OUT / "expected-3.json").write_text(json.dumps(three, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (OUT / "README.md").write_text(
        "# Independent entries of the sample ballots\n\n"
        "Entry 1 is `../hoi-nghi-huyen/hoi-nghi-huyen.xlsx` (sheet Phiếu). `nhap-2.csv` changes ballot 5\n"
        "(Trần Thị Mai) and ballot 14 (Phan Thị Yến), types ballot 9's Lê Văn Hưng with another code of\n"
        "the same meaning (no difference), and leaves ballot 30 out. `nhap-3.csv` gives ballot 14 a\n"
        "third value (no majority) and changes ballot 20 (Đỗ Văn Long). Expected results: made by\n"
        "scripts/make_reconcile.py from these declared edits.\n", encoding="utf-8")


if __name__ == "__main__":
    main()
