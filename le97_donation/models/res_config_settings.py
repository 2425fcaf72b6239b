# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    fund_receipt_art_200 = fields.Boolean(
        related="company_id.fund_receipt_art_200", readonly=False
    )
    fund_receipt_art_238bis = fields.Boolean(
        related="company_id.fund_receipt_art_238bis", readonly=False
    )
    fund_receipt_art_978 = fields.Boolean(
        related="company_id.fund_receipt_art_978", readonly=False
    )
