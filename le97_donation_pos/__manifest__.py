# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Gifts at the Point of Sale",
    "version": "18.0.1.0.0",
    "category": "Sales/Point of Sale",
    "license": "AGPL-3",
    "summary": "A gift sold at the Point of Sale becomes an OCA donation, booked "
    "once; a pay-what-you-can price stays a sale",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_donation", "point_of_sale"],
    "data": [
        "data/product_product_data.xml",
        "data/res_partner_data.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
