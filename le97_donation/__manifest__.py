# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Donations and Fiscal Receipts",
    "version": "18.0.1.1.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "French fiscal receipts (CERFA 11580 and 16216) on OCA donations",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_base", "le97_pive", "donation"],
    "external_dependencies": {"python": ["num2words"]},
    "data": [
        "security/le97_donation_groups.xml",
        "security/ir.model.access.csv",
        "security/donation_donation_security.xml",
        "security/res_partner_security.xml",
        "data/le97_donation_data.xml",
        "data/product_product_data.xml",
        "report/donation_tax_receipt_reports.xml",
        "report/donation_tax_receipt_templates.xml",
        "views/donation_tax_receipt_views.xml",
        "views/donation_tax_receipt_cancel_views.xml",
        "views/donation_donation_views.xml",
        "views/account_payment_method_line_views.xml",
        "views/res_partner_views.xml",
        "views/le97_donation_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "le97_donation/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
