"""What the voice benchmarks share: the machine they ran on, and writing their
figures into README.md between their own markers (``--write``), so that the
README shows what a command printed, never a hand-typed figure."""

from __future__ import annotations

import os
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = Path(__file__).parent / "README.md"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit,
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "pymorphy3": metadata.version("pymorphy3"),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def machine_line(command: str, m: dict) -> str:
    return (
        f"`{command}` — {m['date_utc']}, commit {m['commit']}; {m['cpus']} CPUs "
        f"({m['cpu']}), Python {m['python']}, pymorphy3 {m['pymorphy3']}; "
        f"1-minute load average {m['load_average_1min']} at the start."
    )


def block_text(marker: str) -> str:
    """What stands between a block's markers now (empty when none)."""
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = README.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{README} has no {begin} … {end} block")
    return text.split(begin, 1)[1].split(end, 1)[0]


def write_block(marker: str, block: str) -> None:
    """Replace what stands between ``<!-- marker:begin -->`` and its end marker."""
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = README.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{README} has no {begin} … {end} block")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{begin}\n{block}\n{end}{tail}", encoding="utf-8")
