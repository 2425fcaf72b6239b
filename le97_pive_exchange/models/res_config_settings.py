# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mlcc_exchange_journal_id = fields.Many2one(
        related="company_id.mlcc_exchange_journal_id",
        readonly=False,
        domain="[('company_id', '=', company_id), ('type', '=', 'general')]",
    )
    mlcc_exchange_buyback = fields.Boolean(
        related="company_id.mlcc_exchange_buyback", readonly=False
    )
