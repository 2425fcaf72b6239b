# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .donation_tax_receipt_concordance import ISSUE_KINDS


class DonationTaxReceiptConcordanceIssue(models.TransientModel):
    """A discrepancy found by the concordance, with its kind and reason."""

    _name = "donation.tax.receipt.concordance.issue"
    _description = "Concordance of Receipts and Gifts: Discrepancy"
    _order = "sequence, id"

    concordance_id = fields.Many2one(
        "donation.tax.receipt.concordance", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    currency_id = fields.Many2one(related="concordance_id.currency_id")
    kind = fields.Selection(ISSUE_KINDS, required=True)
    reason = fields.Text()
    receipt_id = fields.Many2one("donation.tax.receipt", string="Receipt")
    donation_id = fields.Many2one("donation.donation", string="Gift")
    move_id = fields.Many2one("account.move", string="Journal Entry")
    move_line_id = fields.Many2one("account.move.line", string="Journal Item")
    amount = fields.Monetary(
        help="Amount at stake: the receipt, the gift, the booked credit or the "
        "difference."
    )

    def _le97_document(self):
        """The record behind the discrepancy: the gift, else the receipt,
        else the journal entry."""
        self.ensure_one()
        return self.donation_id or self.receipt_id or self.move_id

    def action_open_document(self):
        self.ensure_one()
        self.concordance_id._le97_check_access()
        document = self._le97_document()
        return {
            "type": "ir.actions.act_window",
            "res_model": document._name,
            "res_id": document.id,
            "view_mode": "form",
            "target": "current",
        }
