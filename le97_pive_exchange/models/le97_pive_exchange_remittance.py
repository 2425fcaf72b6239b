# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError

SOURCE_FIELDS = {
    "cash": "mlcc_cash_account_id",
    "cheque": "mlcc_cheque_account_id",
    "bank": "mlcc_bank_account_id",
}


class Le97PiveExchangeRemittance(models.Model):
    _name = "le97.pive.exchange.remittance"
    _description = "Remittance of Euros to the Local Currency Association"
    _inherit = [
        "le97.pive.exchange.document",
        "le97.posted.document.mixin",
        "mail.thread",
    ]
    _order = "date desc, id desc"
    _le97_workflow_fields = ("state",)
    _le97_locked_states = ("posted",)
    _le97_deletable_states = ("draft",)

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        ondelete="restrict",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    source = fields.Selection(
        selection=[
            ("cash", "Euros in cash"),
            ("cheque", "Cheques"),
            ("bank", "Bank transfer (guarantee fund)"),
        ],
        required=True,
        default="cash",
        tracking=True,
        help="What is remitted: the euros of the till, the cheques received, or "
        "a transfer from the bank to the guarantee-fund account.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    reference = fields.Char(
        string="Slip or Transfer Reference",
        help="Deposit slip, transfer reference…",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("posted", "Posted")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    def _prepare_account_move_vals(self):
        self.ensure_one()
        company = self.company_id
        label = self.env._(
            "%(ref)s - euros remitted to %(mlcc)s",
            ref=self.name,
            mlcc=company.mlcc_name or "",
        )
        if self.reference:
            label = f"{label} ({self.reference})"
        return {
            "move_type": "entry",
            "journal_id": company.mlcc_exchange_journal_id.id,
            "company_id": company.id,
            "date": self.date,
            "ref": self.name,
            "line_ids": [
                Command.create(
                    {
                        "name": label,
                        "account_id": company.mlcc_exchange_account_id.id,
                        "partner_id": company.mlcc_partner_id.id,
                        "debit": self.amount,
                    }
                ),
                Command.create(
                    {
                        "name": label,
                        "account_id": company[SOURCE_FIELDS[self.source]].id,
                        "partner_id": company.mlcc_partner_id.id,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def action_post(self):
        """Clear the euros owed to the association (4671)."""
        self._le97_check_group(
            "le97_base.group_treasurer", self.env._("Post a remittance")
        )
        self._le97_check_state(("draft",), self.env._("Posting"))
        checks = self.env["le97.pive.exchange.check"]
        for remittance in self:
            company = remittance.company_id
            if remittance.currency_id.compare_amounts(remittance.amount, 0) <= 0:
                raise UserError(
                    self.env._(
                        "%(ref)s: the amount remitted must be positive.",
                        ref=remittance.name,
                    )
                )
            if not (
                company.mlcc_exchange_journal_id
                and company.mlcc_exchange_account_id
                and company[SOURCE_FIELDS[remittance.source]]
            ):
                raise UserError(
                    self.env._(
                        "The exchange office of %(company)s is not configured: "
                        "set its journal and accounts in the settings.",
                        company=company.name,
                    )
                )
            owed = checks._get_account_balance(company)
            if remittance.currency_id.compare_amounts(remittance.amount, owed) > 0:
                raise UserError(
                    self.env._(
                        "%(ref)s: %(amount)s is more than the %(owed)s owed to "
                        "%(mlcc)s.",
                        ref=remittance.name,
                        amount=remittance.amount,
                        owed=owed,
                        mlcc=company.mlcc_name or "",
                    )
                )
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(company)
                .create(remittance._prepare_account_move_vals())
            )
            move.action_post()
            remittance._le97_write_workflow({"state": "posted", "move_id": move.id})
        return True
