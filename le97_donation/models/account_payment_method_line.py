# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Boxes of the "means of payment" of the receipt (Cerfa 11580*05); other addons
# add theirs with selection_add, here and on donation.donation.
PAYMENT_MEANS = [
    ("cash", "Cash"),
    ("cheque", "Cheque"),
    ("transfer", "Transfer, direct debit or card"),
]


class AccountPaymentMethodLine(models.Model):
    _inherit = "account.payment.method.line"

    le97_payment_means = fields.Selection(
        selection=PAYMENT_MEANS,
        string="Means of Payment on Receipts",
        compute="_compute_le97_payment_means",
        store=True,
        readonly=False,
        precompute=True,
        help="Box ticked on fiscal receipts for gifts paid with this method. "
        "Defaults to cash for a cash journal and transfer otherwise.",
    )

    @api.depends("journal_id.type", "payment_method_id.code")
    def _compute_le97_payment_means(self):
        for line in self:
            if line.journal_id.type == "cash":
                line.le97_payment_means = "cash"
            elif "check" in (line.payment_method_id.code or ""):
                line.le97_payment_means = "cheque"
            else:
                line.le97_payment_means = line.le97_payment_means or "transfer"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._le97_secure_gift_journals()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if vals.get("donation") or "journal_id" in vals:
            self._le97_secure_gift_journals()
        return res

    def _le97_secure_gift_journals(self):
        """A journal that receives gifts is hash-secured as soon as one of its
        payment methods is offered on donations."""
        journals = self.filtered("donation").journal_id.filtered(
            lambda j: j.type in ("bank", "cash")
        )
        if journals:
            self.env["account.journal"]._le97_secure_journal(journals)
