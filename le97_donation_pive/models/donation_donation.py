# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .account_payment_method_line import PIVE_MEANS


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    le97_payment_means = fields.Selection(
        selection_add=PIVE_MEANS, ondelete={"pive": "set null"}
    )

    @api.model
    def _get_default_payment_method_line_domain(self, company):
        # the Pive digital journal is a bank journal: a gift in Pive is
        # recorded at a counter, not typed as a donation
        pive_journals = company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
        return [
            *super()._get_default_payment_method_line_domain(company),
            ("journal_id", "not in", pive_journals.ids),
        ]

    def _le97_receipt_gift_problems(self):
        """A gift paid in Pive is receipted only if the fund allows it (whether
        it gives right to a receipt is unconfirmed)."""
        problems = super()._le97_receipt_gift_problems()
        for donation in self:
            if (
                donation.le97_payment_means == "pive"
                and not donation.company_id.fund_receipt_allow_pive
            ):
                problems.append(
                    self.env._(
                        "The gift %(donation)s of %(donor)s was paid in Pive and "
                        "the fund's settings do not allow receipts for gifts "
                        "in local currency.",
                        donation=donation.display_name,
                        donor=donation.commercial_partner_id.display_name,
                    )
                )
        return problems
