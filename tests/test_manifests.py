# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every addon's manifest is well-formed and lists files that exist."""

import re

from conftest import ADDONS, ODOO_PATH, REPO, read_manifest

VERSION = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
REQUIRED = {
    "name",
    "version",
    "license",
    "author",
    "website",
    "summary",
    "depends",
    "installable",
}
# OCA addons this repository depends on, installed from PyPI wheels
OCA_ADDONS = {"donation", "donation_base"}


def known_addons():
    names = {a.name for a in ADDONS} | OCA_ADDONS
    for folder in (ODOO_PATH / "addons", ODOO_PATH / "odoo" / "addons"):
        if folder.is_dir():
            names |= {p.parent.name for p in folder.glob("*/__manifest__.py")}
    return names


def test_three_addons():
    assert {a.name for a in ADDONS} == {"le97_base", "le97_pive", "le97_donation"}


def test_manifest_keys(addon):
    manifest = read_manifest(addon)
    missing = REQUIRED - set(manifest)
    assert not missing, f"{addon.name}: missing keys {missing}"
    assert "description" not in manifest, "use readme/ fragments, not a description key"
    assert VERSION.match(manifest["version"]), manifest["version"]
    assert manifest["license"] == "AGPL-3"
    assert manifest["installable"] is True
    assert list(manifest)[:2] == ["name", "version"]


def test_manifest_files_exist(addon):
    manifest = read_manifest(addon)
    for key in ("data", "demo"):
        for name in manifest.get(key, []):
            assert (
                addon / name
            ).is_file(), f"{addon.name}: {key} file {name} is missing"
    data = manifest.get("data", [])
    security = [i for i, f in enumerate(data) if f.startswith("security/")]
    if security:
        assert security == list(range(len(security))), "security files come first"


def test_manifest_dependencies_exist(addon):
    known = known_addons()
    for dep in read_manifest(addon)["depends"]:
        if ODOO_PATH.is_dir() or dep.startswith("le97_") or dep in OCA_ADDONS:
            assert dep in known, f"{addon.name} depends on unknown addon {dep}"


def test_dependency_graph():
    assert "le97_base" in read_manifest(REPO / "le97_pive")["depends"]
    deps = set(read_manifest(REPO / "le97_donation")["depends"])
    assert {"le97_base", "le97_pive", "donation"} <= deps
    assert "l10n_fr_account" in read_manifest(REPO / "le97_base")["depends"]


def test_readme_fragments(addon):
    for fragment in ("DESCRIPTION.md", "CONTRIBUTORS.md"):
        assert (
            addon / "readme" / fragment
        ).is_file(), f"{addon.name}: readme/{fragment}"
    assert (addon / "static" / "description" / "icon.png").is_file()
