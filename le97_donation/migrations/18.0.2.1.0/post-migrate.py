# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Name the payment methods of the existing journals in the company's language
(``res.company._le97_translate_payment_method_lines``): "Manual Payment" of a
French fund becomes "Paiement manuel"."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._le97_translate_payment_method_lines()
