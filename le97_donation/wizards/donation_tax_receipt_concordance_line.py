# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class DonationTaxReceiptConcordanceLine(models.TransientModel):
    """One row of the concordance: a receipt beside one of its gifts, the
    gift's entry on the gift accounts and the lines that paid it; or a gift
    without receipt of the period; or a 754x line outside any gift."""

    _name = "donation.tax.receipt.concordance.line"
    _description = "Concordance of Receipts and Gifts: Row"
    _order = "sequence, id"

    concordance_id = fields.Many2one(
        "donation.tax.receipt.concordance", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    currency_id = fields.Many2one(related="concordance_id.currency_id")
    receipt_id = fields.Many2one("donation.tax.receipt", string="Receipt")
    receipt_date = fields.Date()
    receipt_amount = fields.Monetary()
    receipt_state = fields.Selection([("issued", "Issued"), ("cancelled", "Cancelled")])
    partner_id = fields.Many2one("res.partner", string="Donor")
    donation_id = fields.Many2one("donation.donation", string="Gift")
    donation_partner_id = fields.Many2one("res.partner", string="Donor of the Gift")
    donation_date = fields.Date(string="Gift Date")
    donation_amount = fields.Monetary(string="Gift Amount")
    donation_eligible = fields.Monetary(string="Eligible Amount")
    donation_state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        string="Gift State",
    )
    move_id = fields.Many2one("account.move", string="Journal Entry")
    move_line_id = fields.Many2one("account.move.line", string="Journal Item")
    gift_accounts = fields.Char()
    gift_credit = fields.Monetary(
        string="754x Credit",
        help="Net credit of the gift's posted entries (and their reversals) on "
        "the gift accounts.",
    )
    payment_text = fields.Text(
        string="Paid by",
        help="Bank, cash or Pive side of the gift's entry: journal, account, "
        "amount.",
    )
    has_issue = fields.Boolean(string="Discrepancy")

    def _le97_open(self, record):
        self.ensure_one()
        self.concordance_id._le97_check_access()
        if not record:
            raise UserError(self.env._("This row has no such document."))
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_receipt(self):
        return self._le97_open(self.receipt_id)

    def action_open_donation(self):
        return self._le97_open(self.donation_id)

    def action_open_move(self):
        return self._le97_open(self.move_id)
