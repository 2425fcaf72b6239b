# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ruff and pylint-odoo's mandatory checks are clean."""

import subprocess
import sys

from conftest import ADDONS, REPO


def run(cmd):
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_check():
    result = run([sys.executable, "-m", "ruff", "check", "."])
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = run([sys.executable, "-m", "ruff", "format", "--check", "."])
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_mandatory():
    result = run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--rcfile=.pylintrc-mandatory",
            *[a.name for a in ADDONS],
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr
