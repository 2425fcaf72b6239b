# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Base",
    "version": "18.0.2.1.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "Endowment fund identity, roles, groups and menu for Le 97",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["account", "l10n_fr_account", "mail", "contacts"],
    "data": [
        "security/le97_base_groups.xml",
        "security/ir.model.access.csv",
        "security/le97_volunteer_security.xml",
        "security/le97_fund_deadline_security.xml",
        "data/le97_fund_deadline_data.xml",
        "report/le97_statement_reports.xml",
        "report/le97_statement_templates.xml",
        "views/le97_volunteer_week_wizard_views.xml",
        "views/le97_volunteer_hour_views.xml",
        "views/le97_cvn_valuation_views.xml",
        "views/le97_statement_wizard_views.xml",
        "views/le97_home_action_views.xml",
        "views/le97_fund_deadline_views.xml",
        "views/le97_base_menus.xml",
        "views/res_company_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "le97_base/static/tests/tours/le97_volunteer_hour_tour.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": True,
}
