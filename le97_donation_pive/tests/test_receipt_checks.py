# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestPiveReceiptChecks(DonationPiveCommon):
    def test_pive_gift_needs_setting(self):
        donation = self.env["donation.donation"].create(
            self._donation_vals(method_line=self.pive_line)
        )
        self.assertEqual(donation.le97_payment_means, "pive")
        receipts = self._receipt_count()
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            donation.validate()
        self.assertIn("Jeanne Dupont", str(cm.exception))
        self.assertIn("Pive", str(cm.exception))
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(donation.state, "draft")
        self.assertEqual(
            len(donation._le97_receipt_gift_problems()), 1, "the gift's own check"
        )
        self.company.fund_receipt_allow_pive = True
        self.assertEqual(donation._le97_receipt_gift_problems(), [])
        donation.validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")
