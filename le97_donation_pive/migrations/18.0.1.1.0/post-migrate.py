# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The anonymous donor of the Pive gifts is named in French (its data is
noupdate): "Anonymous donor (local currency)" becomes "Donateur anonyme
(monnaie locale)" unless it was renamed by hand."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    partner = env.ref(
        "le97_donation_pive.res_partner_pive_anonymous_donor", raise_if_not_found=False
    )
    if partner and partner.name == "Anonymous donor (local currency)":
        partner.name = "Donateur anonyme (monnaie locale)"
