# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The holes of issue 10, tried as the role that found them."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPivePaymentGuard(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Payment = cls.env["le97.pive.payment"]
        cls.purpose = cls.env.ref("le97_pive.purpose_bar")
        cls.draft = cls.Payment.with_user(cls.user_merchant).create(
            {"amount": 6, "purpose_id": cls.purpose.id}
        )
        cls.private = cls.env["res.partner"].create(
            {
                "name": "Dominique Privée",
                "email": "dominique@example.com",
                "phone": "+33 6 11 11 11 11",
                "street": "3 rue Cachée",
            }
        )

    def _posted_without_entry(self):
        return self.Payment.search_count(
            [("state", "!=", "draft"), ("move_id", "=", False)]
        )

    def test_merchant_cannot_write_state(self):
        moves = self._move_count()
        as_merchant = self.draft.with_user(self.user_merchant)
        for state in ("posted", "reversed"):
            with self.assertRaises(UserError):
                as_merchant.write({"state": state})
        self.assertEqual(self.draft.state, "draft")
        self.assertFalse(self.draft.sudo().move_id)
        self.assertEqual(self._move_count(), moves)
        self.assertEqual(self._posted_without_entry(), 0)

    def test_merchant_cannot_create_posted(self):
        Payment = self.Payment.with_user(self.user_merchant)
        count = self.Payment.search_count([])
        moves = self._move_count()
        with self.assertRaises(UserError):
            Payment.create(
                {"amount": 9, "purpose_id": self.purpose.id, "state": "posted"}
            )
        self.assertEqual(self.Payment.search_count([]), count)
        # a default from the context is a value from outside too: dropped
        payment = Payment.with_context(default_state="posted").create(
            {"amount": 9, "purpose_id": self.purpose.id}
        )
        self.assertEqual(payment.state, "draft")
        self.assertEqual(self._move_count(), moves)
        self.assertEqual(self._posted_without_entry(), 0)
        # posting is the action's: it makes the entry
        payment.action_post()
        self.assertEqual(payment.state, "posted")
        self.assertTrue(payment.sudo().move_id)

    def test_nobody_writes_the_entry_link(self):
        entry = self._le97_payment(4)
        entry._le97_post()
        for user in (self.user_merchant, self.user_treasurer):
            with self.assertRaises(UserError):
                self.draft.with_user(user).write({"move_id": entry.move_id.id})
            with self.assertRaises(UserError):
                self.draft.with_user(user).write({"reversal_move_id": entry.move_id.id})
        self.assertFalse(self.draft.sudo().move_id)
        self.assertFalse(self.draft.sudo().reversal_move_id)

    def test_merchant_cannot_choose_the_journal(self):
        """The entry goes to the notes or wallet journal, never elsewhere."""
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        with self.assertRaises(UserError):
            self.draft.with_user(self.user_merchant).write({"journal_id": bank.id})
        self.assertEqual(self.draft.journal_id, self.paper_journal)

    def test_merchant_cannot_hand_payment_to_another_counter(self):
        as_merchant = self.draft.with_user(self.user_merchant)
        with self.assertRaises(UserError):
            as_merchant.write({"user_id": self.user_merchant_2.id})
        self.assertEqual(self.draft.user_id, self.user_merchant)
        count = self.Payment.search_count([])
        with self.assertRaises(UserError):
            self.Payment.with_user(self.user_merchant).create(
                {
                    "amount": 2,
                    "purpose_id": self.purpose.id,
                    "user_id": self.user_merchant_2.id,
                }
            )
        self.assertEqual(self.Payment.search_count([]), count)
        # nothing new for the other counter
        self.assertFalse(
            self.Payment.with_user(self.user_merchant_2).search(
                [("user_id", "=", self.user_merchant_2.id)]
            )
        )

    def test_merchant_cannot_reveal_a_contact_as_payer(self):
        """Putting a private contact's id as payer reveals nothing."""
        as_merchant = self.draft.with_user(self.user_merchant)
        with self.assertRaises(AccessError):
            as_merchant.write({"payer_id": self.private.id})
        self.assertFalse(self.draft.payer_id)
        count = self.Payment.search_count([])
        with self.assertRaises(AccessError):
            self.Payment.with_user(self.user_merchant).create(
                {
                    "amount": 2,
                    "purpose_id": self.purpose.id,
                    "payer_id": self.private.id,
                }
            )
        self.assertEqual(self.Payment.search_count([]), count)
        with self.assertRaises(AccessError):
            self.private.with_user(self.user_merchant).read(
                ["email", "phone", "street"]
            )
        # a payer the counter already sees is fine
        organisation = self.env["res.partner"].create(
            {"name": "Association du quartier", "is_company": True}
        )
        as_merchant.write({"payer_id": organisation.id})
        self.assertEqual(self.draft.payer_id, organisation)

    def test_locked_payment(self):
        self.draft.with_user(self.user_merchant).action_post()
        for user in (self.user_merchant, self.user_treasurer):
            with self.assertRaises(UserError):
                self.draft.with_user(user).write({"amount": 60})
            with self.assertRaises(UserError):
                self.draft.with_user(user).action_post()
        with self.assertRaises(UserError):
            self.draft.with_user(self.user_treasurer).unlink()
        self.assertEqual(self.draft.amount, 6)
        self.assertEqual(self.draft.sudo().move_id.amount_total, 6)
        # the chatter stays open
        self.draft.with_user(self.user_merchant).message_post(body="Vu")

    def test_treasurer_counter_screen(self):
        """A treasurer records at a counter as before, through the form."""
        payer = self.env["res.partner"].create({"name": "Claude Payeuse"})
        form = Form(
            self.Payment.with_user(self.user_treasurer),
            view="le97_pive.le97_pive_payment_view_form_counter",
        )
        form.amount = 15
        form.medium = "paper"
        form.purpose_id = self.env.ref("le97_pive.purpose_pay_what_you_can")
        form.payer_id = payer
        payment = form.save()
        action = payment.action_record_and_new()
        self.assertEqual(action["params"]["next"]["context"]["default_medium"], "paper")
        self.assertEqual(payment.state, "posted")
        self.assertEqual(payment.user_id, self.user_treasurer)
        self.assertEqual(payment.move_id.line_ids.partner_id, payer)
        self.assertTrue(payment.move_id.inalterable_hash)
        # the next payment opens blank, with the medium kept
        form = Form(
            self.Payment.with_user(self.user_treasurer).with_context(
                **action["params"]["next"]["context"]
            ),
            view="le97_pive.le97_pive_payment_view_form_counter",
        )
        self.assertEqual(form.medium, "paper")
        self.assertEqual(form.state, "draft")


@tagged("post_install", "-at_install")
class TestPiveReconversionGuard(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reconversion = cls.env["le97.pive.reconversion"]
        cls.merchant = cls.env["res.partner"].create(
            {"name": "Fromagerie", "le97_merchant_state": "agreed"}
        )
        cls.request = cls.Reconversion.with_user(cls.user_merchant).create(
            {"merchant_id": cls.merchant.id, "amount": 40}
        )
        # Pives to reconvert, should anybody post
        cls._le97_payment(100)._le97_post()

    def test_merchant_cannot_send_nor_mark_paid(self):
        as_merchant = self.request.with_user(self.user_merchant)
        as_merchant.action_request()
        with self.assertRaises(AccessError):
            as_merchant.action_send()
        self.assertEqual(self.request.state, "requested")
        self.request.with_user(self.user_treasurer).action_send()
        with self.assertRaises(AccessError):
            as_merchant.action_paid()
        self.assertEqual(self.request.state, "sent")
        # nor skip the steps by writing the state
        for state in ("sent", "paid", "posted"):
            with self.assertRaises(UserError):
                as_merchant.write({"state": state})
        self.assertEqual(self.request.state, "sent")
        # nor withdraw a request the association has
        with self.assertRaises(AccessError):
            as_merchant.action_cancel()
        self.assertEqual(self.request.state, "sent")
        self.request.with_user(self.user_treasurer).action_paid()
        self.assertEqual(self.request.state, "paid")

    def test_merchant_cannot_turn_request_into_own_reconversion(self):
        moves = self._move_count()
        as_merchant = self.request.with_user(self.user_merchant)
        with self.assertRaises(AccessError):
            as_merchant.write({"kind": "own"})
        self.assertEqual(self.request.kind, "merchant")
        with self.assertRaises(AccessError):
            as_merchant.action_post()
        # through a context default either
        with self.assertRaises(AccessError):
            self.Reconversion.with_user(self.user_merchant).with_context(
                default_kind="own"
            ).create({"amount": 10, "medium": "paper"})
        self.assertEqual(self.request.state, "draft")
        self.assertFalse(self.request.sudo().move_id)
        self.assertEqual(self._move_count(), moves)

    def test_merchant_cannot_choose_its_fee(self):
        category = self.env["le97.pive.fee.category"].create(
            {"name": "Artisanat", "fee_rate": 5.0}
        )
        self.merchant.le97_merchant_fee_category_id = category
        request = self.Reconversion.with_user(self.user_merchant).create(
            {"merchant_id": self.merchant.id, "amount": 100}
        )
        self.assertEqual(request.fee_amount, 5.0)
        with self.assertRaises(AccessError):
            request.write({"fee_amount": 0.0})
        with self.assertRaises(AccessError):
            self.Reconversion.with_user(self.user_merchant).create(
                {"merchant_id": self.merchant.id, "amount": 100, "fee_amount": 0.0}
            )
        self.assertEqual(request.fee_amount, 5.0)
        # the fee follows the amount; a treasurer may agree to another one
        request.write({"amount": 200})
        self.assertEqual(request.fee_amount, 10.0)
        request.with_user(self.user_treasurer).write({"fee_amount": 4.0})
        self.assertEqual(request.fee_amount, 4.0)

    def test_requested_is_locked(self):
        as_merchant = self.request.with_user(self.user_merchant)
        as_merchant.action_request()
        with self.assertRaises(UserError):
            as_merchant.write({"amount": 400})
        with self.assertRaises(UserError):
            self.request.with_user(self.user_treasurer).write({"fee_amount": 0})
        self.assertEqual(self.request.amount, 40)
        # the merchant withdraws it while it is not sent
        as_merchant.action_cancel()
        self.assertEqual(self.request.state, "cancel")

    def test_number_and_requester_are_the_documents(self):
        with self.assertRaises(UserError):
            self.Reconversion.with_user(self.user_merchant).create(
                {"merchant_id": self.merchant.id, "amount": 5, "name": "RECONV/X"}
            )
        with self.assertRaises(UserError):
            self.request.with_user(self.user_merchant).write(
                {"user_id": self.user_merchant_2.id}
            )
        self.assertTrue(self.request.name.startswith("RECONV/"))
        self.assertEqual(self.request.user_id, self.user_merchant)

    def test_treasurer_flows(self):
        treasurer = self.user_treasurer
        self.request.with_user(self.user_merchant).action_request()
        self.request.with_user(treasurer).action_send()
        self.request.with_user(treasurer).action_paid()
        self.assertEqual(self.request.state, "paid")
        own = self.Reconversion.with_user(treasurer).create(
            {"amount": 20, "medium": "paper"}
        )
        self.assertEqual(own.kind, "own")
        own.action_post()
        self.assertEqual(own.state, "posted")
        self.assertTrue(own.move_id.inalterable_hash)
        with self.assertRaises(UserError):
            own.write({"amount": 10})
        with self.assertRaises(UserError):
            own.unlink()
