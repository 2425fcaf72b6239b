# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PIVE_MEANS = [("pive", "Pive (local currency)")]


class AccountPaymentMethodLine(models.Model):
    _inherit = "account.payment.method.line"

    le97_payment_means = fields.Selection(
        selection_add=PIVE_MEANS,
        ondelete={"pive": "set null"},
        help="Box ticked on fiscal receipts for gifts paid with this method. "
        "Defaults to Pive for the Pive journals, cash for a cash journal and "
        "transfer otherwise.",
    )

    @api.depends(
        "journal_id.company_id.mlcc_paper_journal_id",
        "journal_id.company_id.mlcc_digital_journal_id",
    )
    def _compute_le97_payment_means(self):
        res = super()._compute_le97_payment_means()
        for line in self.filtered("journal_id"):
            company = line.journal_id.company_id
            if line.journal_id in (
                company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
            ):
                line.le97_payment_means = "pive"
        return res
