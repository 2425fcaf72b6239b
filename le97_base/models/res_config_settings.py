# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    fund_legal_form = fields.Selection(
        related="company_id.fund_legal_form", readonly=False
    )
    fund_siren = fields.Char(related="company_id.fund_siren", readonly=False)
    fund_rna = fields.Char(related="company_id.fund_rna", readonly=False)
    fund_object = fields.Text(related="company_id.fund_object", readonly=False)
    fund_signatory_name = fields.Char(
        related="company_id.fund_signatory_name", readonly=False
    )
    fund_signatory_title = fields.Char(
        related="company_id.fund_signatory_title", readonly=False
    )
    fund_public_appeal_date = fields.Date(
        related="company_id.fund_public_appeal_date", readonly=False
    )
    fund_receipt_art_978 = fields.Boolean(
        related="company_id.fund_receipt_art_978", readonly=False
    )
    fund_receipt_allow_pive = fields.Boolean(
        related="company_id.fund_receipt_allow_pive", readonly=False
    )
