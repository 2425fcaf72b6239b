# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ACCOUNT_DOMAIN = "[('company_ids', 'parent_of', company_id)]"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mlcc_name = fields.Char(related="company_id.mlcc_name", readonly=False)
    mlcc_currency_code = fields.Char(
        related="company_id.mlcc_currency_code", readonly=False
    )
    mlcc_currency_symbol = fields.Char(
        related="company_id.mlcc_currency_symbol", readonly=False
    )
    mlcc_currency_id = fields.Many2one(related="company_id.mlcc_currency_id")
    mlcc_parity = fields.Float(related="company_id.mlcc_parity", readonly=False)
    mlcc_partner_id = fields.Many2one(
        related="company_id.mlcc_partner_id", readonly=False
    )
    mlcc_paper_journal_id = fields.Many2one(
        related="company_id.mlcc_paper_journal_id",
        readonly=False,
        domain="[('company_id', '=', company_id), ('type', '=', 'cash')]",
    )
    mlcc_digital_journal_id = fields.Many2one(
        related="company_id.mlcc_digital_journal_id",
        readonly=False,
        domain="[('company_id', '=', company_id), ('type', '=', 'bank')]",
    )
    mlcc_paper_account_id = fields.Many2one(
        related="company_id.mlcc_paper_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_digital_account_id = fields.Many2one(
        related="company_id.mlcc_digital_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    # the fund's accounts (le97_base), used for gifts and membership fees
    le97_account_gift_id = fields.Many2one(
        related="company_id.le97_account_gift_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_service_account_id = fields.Many2one(
        related="company_id.mlcc_service_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_sale_account_id = fields.Many2one(
        related="company_id.mlcc_sale_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    le97_account_membership_id = fields.Many2one(
        related="company_id.le97_account_membership_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_exchange_account_id = fields.Many2one(
        related="company_id.mlcc_exchange_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_fee_account_id = fields.Many2one(
        related="company_id.mlcc_fee_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_bank_account_id = fields.Many2one(
        related="company_id.mlcc_bank_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_cash_account_id = fields.Many2one(
        related="company_id.mlcc_cash_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_cheque_account_id = fields.Many2one(
        related="company_id.mlcc_cheque_account_id",
        readonly=False,
        domain=ACCOUNT_DOMAIN,
    )
    mlcc_reconversion_fee_rate = fields.Float(
        related="company_id.mlcc_reconversion_fee_rate", readonly=False
    )
    mlcc_reconversion_fee_fixed = fields.Monetary(
        related="company_id.mlcc_reconversion_fee_fixed", readonly=False
    )

    def action_le97_pive_setup(self):
        """Create what is missing of the local currency set-up."""
        self.ensure_one()
        self.company_id._le97_pive_setup()
        return {"type": "ir.actions.client", "tag": "reload"}
