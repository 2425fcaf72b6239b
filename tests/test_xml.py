# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every XML file parses; data files validate against Odoo's own grammar."""

import pytest
from conftest import REPO, read_manifest
from lxml import etree

XML_FILES = sorted(p for p in REPO.glob("le97_*/**/*.xml") if ".ci" not in p.parts)


@pytest.mark.parametrize(
    "path", XML_FILES, ids=[str(p.relative_to(REPO)) for p in XML_FILES]
)
def test_xml_parses(path):
    etree.parse(str(path))


def data_files():
    for addon in sorted(REPO.glob("le97_*/__manifest__.py")):
        manifest = read_manifest(addon.parent)
        for name in manifest.get("data", []) + manifest.get("demo", []):
            if name.endswith(".xml"):
                yield addon.parent / name


DATA_FILES = list(data_files())


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[str(p.relative_to(REPO)) for p in DATA_FILES]
)
def test_data_file_grammar(path, odoo_path):
    grammar = etree.RelaxNG(etree.parse(str(odoo_path / "odoo" / "import_xml.rng")))
    doc = etree.parse(str(path))
    assert grammar.validate(doc), f"{path}: {grammar.error_log}"


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[str(p.relative_to(REPO)) for p in DATA_FILES]
)
def test_ids_follow_conventions(path):
    """Views are named after their id, inheriting ones end in .inherit.<addon>."""
    doc = etree.parse(str(path))
    addon = path.relative_to(REPO).parts[0]
    for record in doc.iter("record"):
        if record.get("model") != "ir.ui.view":
            continue
        name = record.find("field[@name='name']")
        if name is None:
            continue
        if (
            record.find("field[@name='inherit_id']") is not None
            and record.find("field[@name='mode']") is None
        ):
            assert name.text.endswith(f".inherit.{addon}"), (path, record.get("id"))


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[str(p.relative_to(REPO)) for p in DATA_FILES]
)
def test_currency_columns_hidden(path):
    """A list shows no currency column (empty in a one-currency company, and
    the Pive currency makes every user multi-currency): the currency fields the
    amounts need are column_invisible."""
    doc = etree.parse(str(path))
    for columns in doc.iter("list"):
        for field in columns.iterchildren("field"):
            name = field.get("name") or ""
            if name == "currency_id" or name.endswith("_currency_id"):
                assert field.get("column_invisible") in ("1", "True"), (
                    path,
                    name,
                    field.sourceline,
                )
