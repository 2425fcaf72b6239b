# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PAYMENT_MEANS = [
    ("cash", "Cash"),
    ("cheque", "Cheque"),
    ("transfer", "Transfer, direct debit or card"),
    ("pive", "Pive (local currency)"),
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
        "Defaults to Pive for the Pive journals, cash for a cash journal and "
        "transfer otherwise.",
    )

    @api.depends(
        "journal_id.type",
        "payment_method_id.code",
        "journal_id.company_id.mlcc_paper_journal_id",
        "journal_id.company_id.mlcc_digital_journal_id",
    )
    def _compute_le97_payment_means(self):
        for line in self:
            company = line.journal_id.company_id
            pive_journals = (
                company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
            )
            if line.journal_id and line.journal_id in pive_journals:
                line.le97_payment_means = "pive"
            elif line.journal_id.type == "cash":
                line.le97_payment_means = "cash"
            elif "check" in (line.payment_method_id.code or ""):
                line.le97_payment_means = "cheque"
            else:
                line.le97_payment_means = line.le97_payment_means or "transfer"
