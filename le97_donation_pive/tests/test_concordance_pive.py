# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.le97_pive.tests.common import PiveCommon


@tagged("post_install", "-at_install")
class TestConcordancePive(PiveCommon):
    """A gift in Pive is a donation booked through the Pive journal: the
    concordance of receipts (le97_donation) shows the Pive line that paid it,
    and a reversed Pive gift nets to zero with no discrepancy."""

    def test_pive_gifts_in_the_concordance(self):
        donor = self.env["res.partner"].create({"name": "Claire Donatrice"})
        paper = self._le97_payment(20, purpose="purpose_gift", payer_id=donor.id)
        digital = self._le97_payment(7.5, medium="digital", purpose="purpose_gift")
        reversed_gift = self._le97_payment(5, purpose="purpose_gift")
        (paper | digital | reversed_gift).action_post()
        reversed_gift.action_reverse()
        year = paper.date.year
        concordance = self.env["donation.tax.receipt.concordance"].create(
            {"year": year}
        )
        concordance.action_compute()
        lines = {line.donation_id: line for line in concordance.line_ids}
        self.assertEqual(lines[paper.donation_id].gift_credit, 20)
        self.assertIn(self.paper_journal.name, lines[paper.donation_id].payment_text)
        self.assertEqual(lines[digital.donation_id].gift_credit, 7.5)
        self.assertIn(
            self.digital_journal.name, lines[digital.donation_id].payment_text
        )
        # the reversal belongs to its gift: net zero, nothing outside a gift
        self.assertEqual(lines[reversed_gift.donation_id].donation_state, "cancel")
        self.assertEqual(lines[reversed_gift.donation_id].gift_credit, 0)
        self.assertEqual(concordance.book_amount, 27.5)
        self.assertEqual(concordance.book_outside_amount, 0)
        # no receipt is asked for gifts in Pive by default: no discrepancy
        self.assertFalse(concordance.issue_ids)
