# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    fund_receipt_allow_pive = fields.Boolean(
        related="company_id.fund_receipt_allow_pive", readonly=False
    )
