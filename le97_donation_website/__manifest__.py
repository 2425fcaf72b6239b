# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Online Donations",
    "version": "18.0.1.0.0",
    "category": "Website",
    "license": "AGPL-3",
    "summary": "A gift paid on the website's donation form becomes an OCA "
    "donation with its fiscal receipt",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_donation", "website_payment"],
    "data": [
        "data/product_product_data.xml",
        "data/mail_template_data.xml",
        "views/payment_form_templates.xml",
        "views/payment_transaction_views.xml",
        "views/donation_donation_views.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "le97_donation_website/static/src/js/payment_form.js",
        ],
        "web.assets_tests": [
            "le97_donation_website/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
