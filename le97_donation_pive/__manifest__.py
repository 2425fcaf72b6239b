# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Gifts in Pive",
    "version": "18.0.1.3.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "A gift in local currency (La Pive) recorded at a counter becomes "
    "an OCA donation",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_donation", "le97_pive"],
    "data": [
        "data/product_product_data.xml",
        "data/res_partner_data.xml",
        "report/donation_tax_receipt_templates.xml",
        "views/res_company_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
