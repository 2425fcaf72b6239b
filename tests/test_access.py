# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every model an addon defines has access lines."""

import ast
import csv


def defined_models(addon):
    """Models created by the addon (``_name`` without being an ``_inherit`` of itself)."""
    models = set()
    for path in addon.rglob("*.py"):
        if "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            attrs = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name) and target.id in (
                        "_name",
                        "_inherit",
                        "_abstract",
                    ):
                        try:
                            attrs[target.id] = ast.literal_eval(stmt.value)
                        except ValueError:
                            continue
            name = attrs.get("_name")
            inherit = attrs.get("_inherit")
            inherits = [inherit] if isinstance(inherit, str) else list(inherit or [])
            abstract = any(
                isinstance(b, ast.Attribute) and b.attr == "AbstractModel"
                for b in node.bases
            )
            if name and name not in inherits and not abstract:
                models.add(name)
    return models


def access_models(addon):
    path = addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        assert row["id"].startswith("access_"), row["id"]
    return {row["model_id:id"].split(".")[-1] for row in rows}


def test_every_model_has_access(addon):
    models = defined_models(addon)
    lines = access_models(addon)
    missing = {m for m in models if "model_" + m.replace(".", "_") not in lines}
    assert not missing, f"{addon.name}: no access line for {sorted(missing)}"


def test_access_finder_sees_models(tmp_path):
    """The check above is not vacuous: a model without access line is reported."""
    addon = tmp_path / "sample"
    (addon / "models").mkdir(parents=True)
    (addon / "models" / "thing.py").write_text(
        "from odoo import models\n\n\n"
        "class Thing(models.Model):\n    _name = 'sample.thing'\n\n\n"
        "class Partner(models.Model):\n    _inherit = 'res.partner'\n\n\n"
        "class Mixin(models.AbstractModel):\n    _name = 'sample.mixin'\n",
        encoding="utf-8",
    )
    assert defined_models(addon) == {"sample.thing"}
    assert access_models(addon) == set()
    (addon / "security").mkdir()
    (addon / "security" / "ir.model.access.csv").write_text(
        "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n"
        "access_sample_thing_user,thing,model_sample_thing,base.group_user,1,0,0,0\n",
        encoding="utf-8",
    )
    assert access_models(addon) == {"model_sample_thing"}
