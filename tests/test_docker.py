# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Docker files hold together (Docker itself does not run on these machines)."""

import configparser
import re

import yaml
from conftest import ADDONS, REPO


def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_services():
    data = compose()
    services = data["services"]
    assert set(services) >= {"odoo", "db"}
    assert services["db"]["image"].startswith("postgres:16")
    odoo = services["odoo"]
    assert odoo["build"]["context"] == "."
    assert "db" in odoo["depends_on"]
    volumes = data["volumes"]
    assert {"odoo-data", "db-data"} <= set(volumes)
    mounts = " ".join(odoo["volumes"])
    for addon in ADDONS:
        assert f"./{addon.name}:/mnt/extra-addons/{addon.name}" in mounts
    assert "odoo-data:/var/lib/odoo" in mounts
    assert "./docker/odoo.conf:/etc/odoo/odoo.conf" in mounts
    assert "db-data:/var/lib/postgresql/data" in " ".join(services["db"]["volumes"])


def test_no_secret_in_repo():
    for name, service in compose()["services"].items():
        for key, value in service.get("environment", {}).items():
            if "PASSWORD" in key:
                assert re.fullmatch(
                    r"\$\{[A-Z_]+(:\?[^}]*)?\}", value
                ), f"{name}.{key} must come from .env, not be written in the repo"
    assert (REPO / ".env.example").is_file()
    assert not (REPO / ".env").exists()
    assert ".env" in (REPO / ".gitignore").read_text(encoding="utf-8").split()


def test_dockerfile_installs_oca_wheels_without_deps():
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM odoo:18\.0$", text, re.M)
    assert "--no-deps" in text
    assert "requirements.txt" in text


def test_odoo_conf():
    parser = configparser.ConfigParser()
    parser.read(REPO / "docker" / "odoo.conf")
    options = parser["options"]
    assert "/mnt/extra-addons" in options["addons_path"]
    assert options["db_host"] == "db"
    # the database password comes from the environment file, never from the repo
    assert not options.get("db_password")
    assert not options.get("admin_passwd")


def test_requirements_pin_oca_wheels():
    lines = (REPO / "requirements.txt").read_text(encoding="utf-8").split()
    assert "odoo-addon-donation==18.0.*" in lines
    assert "odoo-addon-donation-base==18.0.*" in lines
