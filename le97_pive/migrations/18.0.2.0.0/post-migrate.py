# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: the Pive journals are hash-secured, and the parity is quoted
against the euro (a company whose euro rate is not 1 showed 1 Pive = 1.28 €)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for company in env["res.company"].search([("mlcc_currency_id", "!=", False)]):
        company._le97_pive_secure_journals()
        company.mlcc_currency_id._le97_set_fixed_rate(company)
