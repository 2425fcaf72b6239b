# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Le 97 - Donations and Fiscal Receipts",
    "version": "18.0.1.0.0",
    "category": "Accounting",
    "license": "AGPL-3",
    "summary": "French fiscal receipts (CERFA 11580 and 16216) on OCA donations",
    "author": "Fond'action Alusage",
    "website": "https://github.com/le97/le97-odoo",
    "maintainers": ["le97"],
    "depends": ["le97_base", "le97_pive", "donation"],
    "data": [
        "security/le97_donation_groups.xml",
    ],
    "installable": True,
}
