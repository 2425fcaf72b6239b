# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import formatLang

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPivePayment(PiveCommon):
    def _check_flow(self, medium, purpose, cash_field, income_field, amount):
        payment = self._le97_payment(amount, medium=medium, purpose=purpose)
        payment.action_post()
        move = payment.move_id
        self.assertEqual(payment.state, "posted")
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, payment.journal_id)
        self.assertEqual(move.line_ids.currency_id, self.pive)
        self.assertMoveLines(
            move,
            [
                (self.company[cash_field], amount, 0.0, amount),
                (self.company[income_field], 0.0, amount, -amount),
            ],
        )

    def test_flow_gift_paper(self):
        self._check_flow(
            "paper", "purpose_gift", "mlcc_paper_account_id", "le97_account_gift_id", 20
        )

    def test_flow_gift_digital(self):
        self._check_flow(
            "digital",
            "purpose_gift",
            "mlcc_digital_account_id",
            "le97_account_gift_id",
            12.5,
        )

    def test_flow_pay_what_you_can(self):
        self._check_flow(
            "paper",
            "purpose_pay_what_you_can",
            "mlcc_paper_account_id",
            "mlcc_service_account_id",
            7,
        )

    def test_flow_bar_digital(self):
        self._check_flow(
            "digital",
            "purpose_bar",
            "mlcc_digital_account_id",
            "mlcc_sale_account_id",
            3.5,
        )

    def test_flow_membership(self):
        self._check_flow(
            "paper",
            "purpose_membership",
            "mlcc_paper_account_id",
            "le97_account_membership_id",
            10,
        )

    def test_journals(self):
        paper = self._le97_payment(5, medium="paper")
        digital = self._le97_payment(5, medium="digital")
        self.assertEqual(paper.journal_id, self.paper_journal)
        self.assertEqual(digital.journal_id, self.digital_journal)
        self.assertEqual(paper.currency_id, self.pive)

    def test_batch_post(self):
        payments = self.env["le97.pive.payment"].create(
            [
                {
                    "amount": i + 1,
                    "medium": "paper" if i % 2 else "digital",
                    "purpose_id": self.env.ref("le97_pive.purpose_bar").id,
                }
                for i in range(20)
            ]
        )
        before = self._move_count()
        payments._le97_post()
        self.assertEqual(self._move_count(), before + 20)
        self.assertEqual(len(payments.move_id), 20)
        for payment in payments:
            self.assertEqual(payment.move_id.amount_total, payment.amount)

    def _assert_refused(self, vals, message, exception=ValidationError):
        before = self._move_count()
        payments = self.env["le97.pive.payment"].search_count([])
        with self.assertRaises(exception) as cm:
            self._le97_payment(**vals).action_post()
        self.assertIn(message, str(cm.exception))
        self.assertEqual(self._move_count(), before)
        self.assertEqual(self.env["le97.pive.payment"].search_count([]), payments)

    def test_cents_on_notes_refused(self):
        self._assert_refused({"amount": 10.5, "medium": "paper"}, "no cents")

    def test_zero_refused(self):
        self._assert_refused({"amount": 0}, "must be positive")

    def test_negative_refused(self):
        self._assert_refused({"amount": -5}, "must be positive")

    def test_suspended_merchant_refused(self):
        merchant = self.env["res.partner"].create(
            {"name": "Épicerie suspendue", "le97_merchant_state": "suspended"}
        )
        self._assert_refused({"amount": 10, "merchant_id": merchant.id}, "is suspended")

    def test_merchant_suspended_after_recording(self):
        """A draft recorded before the suspension cannot be posted."""
        merchant = self.env["res.partner"].create(
            {"name": "Café", "le97_merchant_state": "agreed"}
        )
        payment = self._le97_payment(10, merchant_id=merchant.id)
        merchant.le97_merchant_state = "suspended"
        before = self._move_count()
        with self.assertRaises(ValidationError):
            payment.action_post()
        self.assertEqual(self._move_count(), before)
        self.assertEqual(payment.state, "draft")

    def test_posted_is_locked_and_reversed(self):
        payment = self._le97_payment(10, purpose="purpose_pay_what_you_can")
        payment.action_post()
        with self.assertRaises(UserError):
            payment.with_user(self.user_treasurer).write({"amount": 12})
        with self.assertRaises(UserError):
            payment.unlink()
        payment.action_reverse()
        self.assertEqual(payment.state, "reversed")
        reversal = payment.reversal_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, payment.move_id)
        self.assertMoveLines(
            reversal,
            [
                (self.company.mlcc_paper_account_id, 0.0, 10.0, -10.0),
                (self.company.mlcc_service_account_id, 10.0, 0.0, 10.0),
            ],
        )

    def test_reverse_several_at_once(self):
        payments = self._le97_payment(10) | self._le97_payment(20, medium="digital")
        payments.action_post()
        payments.action_reverse()
        self.assertEqual(set(payments.mapped("state")), {"reversed"})
        for payment in payments:
            reversal = payment.reversal_move_id
            self.assertEqual(reversal.state, "posted")
            self.assertEqual(reversal.reversed_entry_id, payment.move_id)
            self.assertEqual(reversal.amount_total, payment.move_id.amount_total)

    def test_payer_on_entry(self):
        payer = self.env["res.partner"].create({"name": "Camille Donatrice"})
        payment = self._le97_payment(15, purpose="purpose_gift", payer_id=payer.id)
        payment.action_post()
        self.assertEqual(payment.move_id.line_ids.partner_id, payer)

    def test_counter_form_title_is_amount_and_purpose(self):
        """The title of the counter form follows what is typed: 5 Pive of
        "prix libre" is "5 Pive - Prix libre" (not the default purpose and a
        zero amount), cents only when there are some."""
        purpose = self.env.ref("le97_pive.purpose_pay_what_you_can")
        form = Form(
            self.env["le97.pive.payment"].with_user(self.user_merchant),
            view="le97_pive.le97_pive_payment_view_form_counter",
        )
        form.amount = 5
        form.purpose_id = purpose
        payment = form.save()
        currency = payment.currency_id.symbol
        self.assertEqual(payment.display_name, f"5 {currency} - {purpose.name}")
        # cents exist in digital Pive only
        payment.write({"medium": "digital", "amount": 2.5})
        self.assertEqual(
            payment.display_name,
            f"{formatLang(self.env, 2.5)} {currency} - {purpose.name}",
        )

    def test_counter_form(self):
        """The counter screen: amount, medium, purpose, record."""
        form = Form(
            self.env["le97.pive.payment"].with_user(self.user_merchant),
            view="le97_pive.le97_pive_payment_view_form_counter",
        )
        form.amount = 4
        form.medium = "digital"
        form.purpose_id = self.env.ref("le97_pive.purpose_bar")
        payment = form.save()
        action = payment.action_record_and_new()
        self.assertEqual(payment.state, "posted")
        # the counter says what was recorded, then opens a blank payment
        # without stacking the breadcrumbs
        self.assertEqual(action["params"]["message"], payment.display_name)
        self.assertIn("4", payment.display_name)
        self.assertIn(payment.purpose_id.name, payment.display_name)
        next_action = action["params"]["next"]
        self.assertEqual(next_action["target"], "main")
        self.assertEqual(next_action["context"]["default_medium"], "digital")
        blank = (
            self.env["le97.pive.payment"]
            .with_user(self.user_merchant)
            .with_context(lang="en_US")
            .new({})
        )
        self.assertEqual(blank.display_name, "New payment")
        self.assertEqual(payment.user_id, self.user_merchant)
        self.assertEqual(payment.sudo().move_id.amount_total, 4)
