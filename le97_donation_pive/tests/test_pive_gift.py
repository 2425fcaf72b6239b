# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.le97_pive.tests.common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveGift(PiveCommon):
    def _lines(self, move):
        return sorted(
            (line.account_id.code, line.debit, line.credit, line.amount_currency)
            for line in move.line_ids
        )

    def test_gift_becomes_donation(self):
        donor = self.env["res.partner"].create({"name": "Claire Donatrice"})
        # recorded at a counter, by a merchant who sees no donation
        payment = (
            self.env["le97.pive.payment"]
            .with_user(self.user_merchant)
            .create(
                {
                    "amount": 20,
                    "medium": "paper",
                    "purpose_id": self.env.ref("le97_pive.purpose_gift").id,
                    "payer_id": donor.id,
                }
            )
        )
        moves = self._move_count()
        payment.action_post()
        payment = payment.sudo()
        donation = payment.donation_id
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.partner_id, donor)
        self.assertEqual(donation.currency_id, self.pive)
        self.assertEqual(donation.amount_total, 20)
        self.assertEqual(donation.payment_method_line_id.journal_id, self.paper_journal)
        self.assertEqual(donation.tax_receipt_option, "none")
        # one entry only, the donation's, as in pive.md: 5305 / 7541
        self.assertEqual(self._move_count(), moves + 1)
        self.assertEqual(payment.move_id, donation.move_id)
        self.assertEqual(payment.move_id.journal_id, self.paper_journal)
        self.assertEqual(
            self._lines(payment.move_id),
            sorted(
                [
                    (self.company.mlcc_paper_account_id.code, 20.0, 0.0, 20.0),
                    (self.company.mlcc_gift_account_id.code, 0.0, 20.0, -20.0),
                ]
            ),
        )

    def test_digital_gift_without_payer(self):
        payment = self._le97_payment(7.5, medium="digital", purpose="purpose_gift")
        payment.action_post()
        donation = payment.donation_id
        self.assertEqual(donation.state, "done")
        self.assertTrue(donation.partner_id)
        self.assertEqual(
            donation.payment_method_line_id.journal_id, self.digital_journal
        )
        self.assertEqual(
            self._lines(payment.move_id),
            sorted(
                [
                    (self.company.mlcc_digital_account_id.code, 7.5, 0.0, 7.5),
                    (self.company.mlcc_gift_account_id.code, 0.0, 7.5, -7.5),
                ]
            ),
        )

    def test_non_gift_makes_no_donation(self):
        donations = self.env["donation.donation"].search_count([])
        payment = self._le97_payment(5, purpose="purpose_bar")
        payment.action_post()
        self.assertFalse(payment.donation_id)
        self.assertEqual(self.env["donation.donation"].search_count([]), donations)
