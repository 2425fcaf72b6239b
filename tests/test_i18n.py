# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each addon has a .pot and a complete French translation."""

import polib


def test_pot_and_po_exist(addon):
    assert (addon / "i18n" / f"{addon.name}.pot").is_file()
    assert (addon / "i18n" / "fr.po").is_file()


def test_fr_po_complete(addon):
    po = polib.pofile(str(addon / "i18n" / "fr.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{addon.name}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{addon.name}: fuzzy {fuzzy[:10]}"


def test_fr_po_covers_pot(addon):
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    po = polib.pofile(str(addon / "i18n" / "fr.po"))
    translated = {(e.msgctxt, e.msgid) for e in po if e.msgstr}
    missing = [e.msgid for e in pot if (e.msgctxt, e.msgid) not in translated]
    assert not missing, f"{addon.name}: fr.po lacks {missing[:10]}"


def test_placeholders_kept(addon):
    import re

    named = re.compile(r"%\([a-z_]+\)[sd]")
    po = polib.pofile(str(addon / "i18n" / "fr.po"))
    for entry in po.translated_entries():
        assert sorted(named.findall(entry.msgid)) == sorted(
            named.findall(entry.msgstr)
        ), entry.msgid


def test_entries_name_their_module(addon):
    """Odoo's PO reader reads an entry's module from its ``#. module: x``
    comment: an entry without it stops the install of the translations."""
    for name in ("fr.po", f"{addon.name}.pot"):
        po = polib.pofile(str(addon / "i18n" / name))
        missing = [
            entry.msgid[:60]
            for entry in po
            if not any(
                line.strip() in (f"module: {addon.name}", f"modules: {addon.name}")
                or line.strip().startswith("modules: ")
                for line in (entry.comment or "").splitlines()
            )
        ]
        assert not missing, f"{addon.name}/i18n/{name}: no '#. module:' for {missing}"
