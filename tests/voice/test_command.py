"""``manage.py voice check`` reads stdin or --file and prints the report as JSON."""

import io
import json

from django.core.management import call_command

from voice.checker import check

TEXT = "В целях обеспечения выплат министерство осуществляет приём заявлений."


def run(monkeypatch, *args, stdin: str = "") -> dict:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("voice", "check", *args, stdout=out)
    raw = out.getvalue()
    assert "\\u04" not in raw  # Russian is printed as is (ensure_ascii=False)
    return json.loads(raw)


def test_reads_standard_input(monkeypatch):
    data = run(monkeypatch, stdin=TEXT)
    assert data == json.loads(json.dumps(check(TEXT).as_dict()))
    assert data["clarity"] < 10
    first = data["findings"][0]
    assert set(first) == {"start", "end", "category", "hint", "suggestion"}
    assert TEXT[first["start"] : first["end"]] == "В целях обеспечения"


def test_reads_a_file(monkeypatch, tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text(TEXT, encoding="utf-8")
    data = run(monkeypatch, "--file", str(path), stdin="ignored")
    assert data == check(TEXT).as_dict()


def test_clean_text(monkeypatch):
    data = run(monkeypatch, stdin="В Кемерове открыли каток.")
    assert data == {"clarity": 10.0, "readability": 10.0, "findings": []}
