# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in REPO.glob("*/__manifest__.py"))
ODOO_PATH = Path(os.environ.get("ODOO_PATH", "/opt/odoo18"))


def read_manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.fixture(params=ADDONS, ids=[a.name for a in ADDONS])
def addon(request):
    return request.param


@pytest.fixture
def odoo_path():
    if not (ODOO_PATH / "odoo" / "import_xml.rng").exists():
        pytest.skip(f"no Odoo at {ODOO_PATH}")
    return ODOO_PATH
