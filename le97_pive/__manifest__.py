# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - La Pive",
    "version": "18.0.2.2.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "Local complementary currency (La Pive): journals, counters, "
    "merchants, reconversion, wallet import",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_base"],
    "data": [
        "security/le97_pive_groups.xml",
        "security/ir.model.access.csv",
        "security/le97_pive_payment_security.xml",
        "security/le97_pive_reconversion_security.xml",
        "security/le97_pive_wallet_transaction_security.xml",
        "security/res_partner_security.xml",
        "data/le97_pive_purpose_data.xml",
        "views/res_config_settings_views.xml",
        "views/le97_pive_payment_views.xml",
        "views/le97_pive_reconversion_views.xml",
        "views/le97_pive_purpose_views.xml",
        "views/le97_pive_fee_category_views.xml",
        "views/le97_pive_balance_report_views.xml",
        "views/res_partner_views.xml",
        "views/le97_pive_wallet_transaction_views.xml",
        "views/account_bank_statement_line_views.xml",
        "wizard/le97_pive_wallet_import_views.xml",
        "views/le97_pive_menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "le97_pive/static/src/components/**/*",
        ],
        "web.assets_tests": [
            "le97_pive/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
