# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - La Pive in the Point of Sale",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "license": "AGPL-3",
    "summary": "Pive notes (whole notes, change in euros) and digital Pive as "
    "Point of Sale payment methods, posted in the Pive journals",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_pive", "point_of_sale"],
    "data": [
        "views/pos_payment_method_views.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "le97_pive_pos/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "le97_pive_pos/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
