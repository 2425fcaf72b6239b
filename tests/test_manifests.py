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


LAYOUT = {
    "le97_base",
    "le97_pive",
    "le97_pive_exchange",
    "le97_donation",
    "le97_donation_pive",
    "le97_donation_pos",
    "le97_donation_website",
    "le97_pive_pos",
}


def test_layout():
    assert {a.name for a in ADDONS} == LAYOUT


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


def depends(name):
    return set(read_manifest(REPO / name)["depends"])


def test_dependency_graph():
    """One owner per concept: an addon depends only on what it extends, and a
    bridge is its own auto-installed addon."""
    assert {"l10n_fr_account"} <= depends("le97_base")
    assert not {d for d in depends("le97_base") if d.startswith("le97_")}
    assert "le97_base" in depends("le97_pive")
    assert depends("le97_pive_exchange") == {"le97_pive"}
    assert {"le97_base", "donation"} <= depends("le97_donation")
    assert "le97_pive" not in depends("le97_donation")
    assert depends("le97_donation_pive") == {"le97_donation", "le97_pive"}
    assert read_manifest(REPO / "le97_donation_pive").get("auto_install") is True
    # bridges to Odoo's own apps, installed with them
    assert depends("le97_pive_pos") == {"le97_pive", "point_of_sale"}
    assert read_manifest(REPO / "le97_pive_pos").get("auto_install") is True
    assert depends("le97_donation_pos") == {"le97_donation", "point_of_sale"}
    assert read_manifest(REPO / "le97_donation_pos").get("auto_install") is True
    assert depends("le97_donation_website") == {"le97_donation", "website_payment"}
    assert read_manifest(REPO / "le97_donation_website").get("auto_install") is True


def test_base_knows_nothing_of_pive_or_receipts():
    """le97_base owns the fund, its groups, chart, volunteers and statements."""
    base = REPO / "le97_base"
    offenders = []
    for path in [*base.glob("**/*.py"), *base.glob("**/*.xml")]:
        if "migrations" in path.parts:
            continue  # what moved out is named there
        text = path.read_text(encoding="utf-8")
        for word in ("mlcc", "group_pive_merchant", "le97_pive", "fund_receipt_"):
            if word in text:
                offenders.append(f"{path.relative_to(REPO)}: {word}")
    assert not offenders, offenders


def test_readme_fragments(addon):
    for fragment in ("DESCRIPTION.md", "CONTRIBUTORS.md"):
        assert (
            addon / "readme" / fragment
        ).is_file(), f"{addon.name}: readme/{fragment}"
    assert (addon / "static" / "description" / "icon.png").is_file()
