# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveReconversion(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"mlcc_reconversion_fee_rate": 2.0, "mlcc_reconversion_fee_fixed": 0.5}
        )
        cls.Reconversion = cls.env["le97.pive.reconversion"]
        cls.holdings = cls.Reconversion._le97_holdings(cls.company, "paper")
        # receive 100 Pives in notes at the bar
        cls._le97_payment(100, medium="paper")._le97_post()

    def test_own_reconversion_entry(self):
        rec = self.Reconversion.create({"kind": "own", "amount": 50, "medium": "paper"})
        self.assertEqual(rec.fee_amount, 1.5)  # 2 % of 50 + 0.50
        self.assertEqual(rec.net_amount, 48.5)
        rec.action_post()
        self.assertEqual(rec.state, "posted")
        move = rec.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.paper_journal)
        self.assertMoveLines(
            move,
            [
                (self.company.mlcc_bank_account_id, 48.5, 0.0, 48.5),
                (self.company.mlcc_fee_account_id, 1.5, 0.0, 1.5),
                (self.company.mlcc_paper_account_id, 0.0, 50.0, -50.0),
            ],
        )
        cash_line = move.line_ids.filtered(
            lambda line: line.account_id == self.company.mlcc_paper_account_id
        )
        self.assertEqual(cash_line.currency_id, self.pive)
        self.assertEqual(
            self.Reconversion._le97_holdings(self.company, "paper"),
            self.holdings + 50,
        )

    def test_above_holdings_refused(self):
        before = self._move_count()
        amount = self.holdings + 101
        rec = self.Reconversion.create(
            {"kind": "own", "amount": amount, "medium": "paper"}
        )
        with self.assertRaises(UserError) as cm:
            rec.action_post()
        self.assertIn("above the holdings", str(cm.exception))
        self.assertEqual(rec.state, "draft")
        self.assertEqual(self._move_count(), before)

    def test_batch_posting_within_holdings(self):
        """Several reconversions posted at once share the same holdings."""
        holdings = self.Reconversion._le97_holdings(self.company, "paper")
        half = int(holdings // 2) + 1
        recs = self.Reconversion.create(
            [{"kind": "own", "amount": half, "medium": "paper"} for _i in range(2)]
        )
        before = self._move_count()
        with self.assertRaises(UserError) as cm:
            recs.action_post()
        self.assertIn("above the holdings", str(cm.exception))
        self.assertEqual(set(recs.mapped("state")), {"draft"})
        self.assertEqual(self._move_count(), before)
        recs.write({"amount": 10})
        recs.action_post()
        self.assertEqual(set(recs.mapped("state")), {"posted"})
        self.assertEqual(len(recs.move_id), 2)
        self.assertEqual(set(recs.move_id.mapped("state")), {"posted"})
        self.assertEqual(self._move_count(), before + 2)

    def test_digital_above_holdings_refused(self):
        holdings = self.Reconversion._le97_holdings(self.company, "digital")
        rec = self.Reconversion.create(
            {"kind": "own", "amount": holdings + 1, "medium": "digital"}
        )
        before = self._move_count()
        with self.assertRaises(UserError):
            rec.action_post()
        self.assertEqual(self._move_count(), before)

    def test_cents_in_notes_refused(self):
        with self.assertRaises(ValidationError):
            self.Reconversion.create({"kind": "own", "amount": 10.5, "medium": "paper"})

    def test_merchant_request_flow(self):
        category = self.env["le97.pive.fee.category"].create(
            {"name": "Commerce", "fee_rate": 3.0, "fee_fixed": 1.0}
        )
        merchant = self.env["res.partner"].create(
            {
                "name": "Librairie",
                "le97_merchant_state": "agreed",
                "le97_merchant_fee_category_id": category.id,
            }
        )
        before = self._move_count()
        rec = self.Reconversion.create(
            {"kind": "merchant", "merchant_id": merchant.id, "amount": 200}
        )
        self.assertEqual(rec.fee_amount, 7.0)
        self.assertEqual(rec.net_amount, 193.0)
        rec.action_request()
        self.assertEqual(rec.state, "requested")
        rec.action_send()
        self.assertEqual(rec.state, "sent")
        rec.action_paid()
        self.assertEqual(rec.state, "paid")
        # the merchant's Pives are not the company's: nothing in its books
        self.assertEqual(self._move_count(), before)
        with self.assertRaises(UserError):
            rec.action_send()

    def test_merchant_request_needs_agreed_merchant(self):
        merchant = self.env["res.partner"].create(
            {"name": "Candidat", "le97_merchant_state": "suspended"}
        )
        with self.assertRaises(ValidationError):
            self.Reconversion.create(
                {"kind": "merchant", "merchant_id": merchant.id, "amount": 20}
            )

    def test_merchant_user_requests_only(self):
        merchant = self.env["res.partner"].create(
            {"name": "Boulangerie", "le97_merchant_state": "agreed"}
        )
        Reconversion = self.Reconversion.with_user(self.user_merchant)
        count = self.Reconversion.search_count([])
        with self.assertRaises(AccessError):
            Reconversion.create(
                {"kind": "own", "merchant_id": merchant.id, "amount": 30}
            )
        self.assertEqual(self.Reconversion.search_count([]), count)
        rec = Reconversion.create({"merchant_id": merchant.id, "amount": 30})
        self.assertEqual(rec.kind, "merchant")
        self.assertEqual(rec.user_id, self.user_merchant)
        rec.action_request()
        self.assertEqual(rec.state, "requested")
        self.assertFalse(
            self.Reconversion.with_user(self.user_merchant_2).search(
                [("id", "=", rec.id)]
            )
        )
