# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Exchange Office of the Local Currency",
    "version": "18.0.1.1.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "Exchange office (comptoir de change) of the local currency: note "
    "stock by denomination, sessions and cash-up, sales to members, remittances",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_pive"],
    "data": [
        "security/ir.model.access.csv",
        "security/le97_pive_exchange_session_security.xml",
        "security/le97_pive_exchange_sale_security.xml",
        "security/le97_pive_note_move_security.xml",
        "data/le97_pive_exchange_data.xml",
        "views/le97_pive_denomination_views.xml",
        "views/le97_pive_note_location_views.xml",
        "views/le97_pive_note_quant_views.xml",
        "views/le97_pive_note_move_views.xml",
        "views/le97_pive_note_move_line_views.xml",
        "views/le97_pive_exchange_session_views.xml",
        "views/le97_pive_exchange_sale_views.xml",
        "views/le97_pive_exchange_remittance_views.xml",
        "views/le97_pive_exchange_check_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/le97_pive_note_stock_wizard_views.xml",
        "wizard/le97_pive_exchange_statement_views.xml",
        "report/le97_pive_exchange_reports.xml",
        "report/le97_pive_exchange_templates.xml",
        "views/le97_pive_exchange_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "le97_pive_exchange/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
