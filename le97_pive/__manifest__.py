# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - La Pive",
    "version": "18.0.1.1.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "Local complementary currency (La Pive): journals, counters, "
    "exchange office, reconversion",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_base"],
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
