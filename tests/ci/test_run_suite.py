"""``make test`` never reads as all green when half the suite did not run (issue 16.6)."""

from __future__ import annotations

import pytest

from tests import run_suite

REASON = "PostgreSQL at 127.0.0.1:5432: connection refused"


@pytest.fixture
def passes(monkeypatch):
    """Every pass 'runs' green without starting anything; the calls are recorded."""
    calls = []
    monkeypatch.setattr(
        run_suite, "run", lambda title, command, env=None: calls.append(title) or 0
    )
    monkeypatch.delenv("VESTNIK_REQUIRE_SERVICES", raising=False)
    return calls


def test_a_skipped_postgres_pass_is_said_loudly_and_is_not_all_green(
    passes, monkeypatch, capsys
):
    monkeypatch.setattr(run_suite, "services_reachable", lambda: REASON)
    assert run_suite.main([]) == 0
    out = capsys.readouterr().out
    assert passes == ["ruff check", "ruff format --check", "SQLite pass"]
    assert "All passes green" not in out
    # Once when it happens and once more at the end, where a person looks.
    assert out.count("SKIPPED: the PostgreSQL + Redis pass did not run.") == 2
    assert out.count(REASON) == 2
    last_line = out.strip().splitlines()[-1]
    assert last_line == (
        "NOT ALL PASSES RAN: the passes that ran are green, "
        "the PostgreSQL + Redis pass was SKIPPED."
    )


def test_the_banner_is_a_box_around_every_line(passes, monkeypatch, capsys):
    monkeypatch.setattr(run_suite, "services_reachable", lambda: REASON)
    run_suite.main(["--only", "postgres"])
    box = [line for line in capsys.readouterr().out.splitlines() if line]
    top = box.index(next(line for line in box if set(line) == {"!"}))
    width = len(box[top])
    bottom = next(i for i in range(top + 1, len(box)) if set(box[i]) == {"!"})
    assert width > len(REASON)
    for line in box[top : bottom + 1]:
        assert len(line) == width and line.startswith("!") and line.endswith("!")


def test_ci_fails_when_the_services_are_missing(passes, monkeypatch, capsys):
    monkeypatch.setattr(run_suite, "services_reachable", lambda: REASON)
    monkeypatch.setenv("VESTNIK_REQUIRE_SERVICES", "1")
    assert run_suite.main([]) == 1
    out = capsys.readouterr().out
    assert "required but not possible" in out and REASON in out
    assert out.strip().splitlines()[-1] == ("FAILED: PostgreSQL pass (services down)")


def test_all_passes_green_only_when_both_ran(passes, monkeypatch, capsys):
    monkeypatch.setattr(run_suite, "services_reachable", lambda: None)
    assert run_suite.main([]) == 0
    out = capsys.readouterr().out
    assert passes[-1] == "PostgreSQL + Redis pass"
    assert "SKIPPED" not in out
    assert out.strip().splitlines()[-1] == "All passes green."


def test_a_failed_pass_fails_the_run(passes, monkeypatch, capsys):
    monkeypatch.setattr(run_suite, "services_reachable", lambda: REASON)
    monkeypatch.setattr(
        run_suite, "run", lambda title, command, env=None: int(title == "SQLite pass")
    )
    assert run_suite.main([]) == 1
    assert capsys.readouterr().out.strip().splitlines()[-1] == "FAILED: SQLite pass"


def test_an_unreachable_server_is_reported_on_one_line(monkeypatch):
    monkeypatch.setattr(run_suite, "PG_URL", "postgres://postgres@127.0.0.1:9/none")
    reason = run_suite.services_reachable()
    assert reason and reason.startswith("PostgreSQL at 127.0.0.1:9:")
    assert "\n" not in reason


def test_the_reason_never_shows_a_password():
    url = "postgres://vestnik:s3cret@db.example:5432/vestnik"
    assert run_suite.address(url) == "db.example:5432"


def test_the_postgres_pass_leaves_out_only_what_cannot_differ_there(monkeypatch):
    commands = {}
    monkeypatch.setattr(
        run_suite,
        "run",
        lambda title, command, env=None: commands.setdefault(title, command) and 0,
    )
    monkeypatch.setattr(run_suite, "services_reachable", lambda: None)
    assert run_suite.main(["--only", "postgres"]) == 0
    command = commands["PostgreSQL + Redis pass"]
    marks = command[len(command) - command[::-1].index("-m")]  # pytest's own -m
    assert marks == "not browser and not same_in_every_pass"
    ignored = [arg.removeprefix("--ignore=") for arg in command if "--ignore" in arg]
    # The voice tests that use the database stay in.
    assert "tests/voice/test_views_check.py" not in ignored
    assert "tests/voice/test_fixes.py" in ignored
