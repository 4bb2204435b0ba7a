"""``manage.py voice check`` prints the report with inflected suggestions;
``manage.py voice fix`` prints the text with every one-click fix applied."""

import io
import json

from django.core.management import call_command

from voice.checker import check

TEXT = "В целях обеспечения выплат министерство осуществляет приём заявлений."


def run(monkeypatch, *args, stdin: str = "") -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("voice", *args, stdout=out)
    raw = out.getvalue()
    assert "\\u04" not in raw  # Russian is printed as is (ensure_ascii=False)
    return raw


def test_reads_standard_input(monkeypatch):
    data = json.loads(run(monkeypatch, "check", stdin=TEXT))
    assert data == json.loads(json.dumps(check(TEXT, fixes=True).as_dict()))
    assert data["clarity"] < 10
    first = data["findings"][0]
    assert set(first) == {"start", "end", "category", "hint", "suggestion", "fixes"}
    assert TEXT[first["start"] : first["end"]] == "В целях обеспечения"


def test_suggestions_are_inflected_for_their_place(monkeypatch):
    data = json.loads(run(monkeypatch, "check", stdin=TEXT))
    by_text = {TEXT[f["start"] : f["end"]]: f for f in data["findings"]}
    # The rule says «принимать»; this place needs «принимает», and its object
    # goes from the genitive to the accusative.
    taking = by_text["осуществляет приём"]
    assert taking["suggestion"] == "принимает заявления"
    fix = taking["fixes"][0]
    assert TEXT[fix["start"] : fix["end"]] == "осуществляет приём заявлений"
    assert fix == {**fix, "text": "принимает заявления", "removes": False}


def test_reads_a_file(monkeypatch, tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text(TEXT, encoding="utf-8")
    data = json.loads(run(monkeypatch, "check", "--file", str(path), stdin="ignored"))
    assert data == check(TEXT, fixes=True).as_dict()


def test_clean_text(monkeypatch):
    data = json.loads(run(monkeypatch, "check", stdin="В Кемерове открыли каток."))
    assert data == {"clarity": 10.0, "readability": 10.0, "findings": []}


def test_fix_prints_the_text_with_every_fix_applied(monkeypatch):
    lead = (
        "Данная мера предоставляется гражданам, проживающим на территории "
        "Кемеровской области.\nВ связи с ремонтом здания приём граждан временно "
        "осуществляется в соседнем корпусе."
    )
    fixed = run(monkeypatch, "fix", stdin=lead)
    assert fixed.splitlines() == [
        "Эта мера положена людям, живущим в Кемеровской области.",
        "Из-за ремонта здания людей временно принимают в соседнем корпусе.",
    ]
    assert run(monkeypatch, "fix", stdin="Каток открыли.") == "Каток открыли."
