"""The engine under voice/checker imports and runs without Django settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from voice.checker import check
report = check("Данный проект реализуется в целях обеспечения граждан жильём.")
print(json.dumps({
    "django": sorted(m for m in sys.modules if m == "django" or m.startswith("django.")),
    "categories": sorted(report.categories()),
}))
"""


def test_checker_imports_and_runs_without_django_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["django"] == []  # not even imported, let alone configured
    assert "government" in data["categories"]
