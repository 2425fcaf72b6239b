# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.le97_base.tests.common import add_test_users

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveSecurity(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Payment = cls.env["le97.pive.payment"]
        purpose = cls.env.ref("le97_pive.purpose_bar")
        cls.own = Payment.with_user(cls.user_merchant).create(
            {"amount": 5, "purpose_id": purpose.id}
        )
        cls.own.action_post()
        cls.other = Payment.with_user(cls.user_merchant_2).create(
            {"amount": 7, "purpose_id": purpose.id}
        )
        cls.other.action_post()

    def test_merchant_records_and_sees_own(self):
        Payment = self.env["le97.pive.payment"].with_user(self.user_merchant)
        payment = Payment.create(
            {"amount": 3, "purpose_id": self.env.ref("le97_pive.purpose_gift").id}
        )
        payment.action_post()
        self.assertEqual(payment.user_id, self.user_merchant)
        self.assertEqual(payment.state, "posted")
        visible = Payment.search([])
        self.assertEqual(visible, self.own | payment)
        # the day's totals are those of the counter only
        totals = Payment.read_group([], ["amount:sum"], [])
        self.assertEqual(totals[0]["amount"], 8)

    def test_merchant_cannot_read_other_counter(self):
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_merchant).read(["amount"])
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_merchant).write({"note": "x"})

    def test_merchant_cannot_edit_posted(self):
        with self.assertRaises(UserError):
            self.own.with_user(self.user_merchant).write({"amount": 50})
        self.assertEqual(self.own.amount, 5)

    def test_merchant_reverses_own_of_the_day(self):
        self.own.with_user(self.user_merchant).action_reverse()
        self.assertEqual(self.own.state, "reversed")
        self.assertTrue(self.own.sudo().reversal_move_id)

    def test_merchant_cannot_reverse_older_payment(self):
        """Yesterday's payments are in the treasurer's hands."""
        self.env.cr.execute(
            "UPDATE le97_pive_payment SET create_date = create_date - interval '2 days'"
            " WHERE id = %s",
            [self.own.id],
        )
        self.own.invalidate_recordset(["create_date"])
        moves = self._move_count()
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_merchant).action_reverse()
        own = self.own.sudo()
        self.assertEqual(own.state, "posted")
        self.assertFalse(own.reversal_move_id)
        self.assertEqual(self._move_count(), moves)
        self.own.with_user(self.user_treasurer).action_reverse()
        self.assertEqual(own.state, "reversed")
        self.assertEqual(self._move_count(), moves + 1)

    def test_merchant_cannot_reverse_other_counter(self):
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_merchant).action_reverse()
        self.assertEqual(self.other.state, "posted")

    def test_merchant_cannot_read_accounting(self):
        user = self.user_merchant
        for model in (
            "account.move",
            "account.move.line",
            "account.bank.statement.line",
            "le97.pive.balance.report",
            "le97.pive.fee.category",
            "le97.pive.wallet.import",
            "le97.pive.wallet.transaction",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(user).search([], limit=1)
        with self.assertRaises(AccessError):
            self.own.move_id.with_user(user).read(["name"])
        # the entry of a payment is a treasurer's field
        with self.assertRaises(AccessError):
            self.own.with_user(user).read(["move_id"])

    def test_merchant_cannot_read_partner_private_data(self):
        """A counter reads the contacts it deals with, not other people."""
        Partner = self.env["res.partner"]
        private = Partner.create(
            {"name": "Camille Privée", "email": "camille@example.com", "phone": "06"}
        )
        payer = Partner.create({"name": "Léo Payeur", "email": "leo@example.com"})
        network = Partner.create(
            {"name": "Épicerie du réseau", "le97_merchant_state": "agreed"}
        )
        organisation = Partner.create({"name": "Asso voisine", "is_company": True})
        # a counter cannot name them itself (test_workflow_guard): the payer
        # of a payment of its counter, recorded for it, becomes readable
        self.env["le97.pive.payment"].sudo().create(
            {
                "amount": 4,
                "purpose_id": self.env.ref("le97_pive.purpose_bar").id,
                "payer_id": payer.id,
                "user_id": self.user_merchant.id,
            }
        )._le97_post()
        as_merchant = Partner.with_user(self.user_merchant)
        for user in (self.user_merchant, self.user_merchant_2):
            with self.assertRaises(AccessError):
                private.with_user(user).read(["email", "phone"])
        self.assertNotIn(private, as_merchant.search([("name", "ilike", "Camille")]))
        # the payer of their own payment, not of another counter's
        self.assertEqual(payer.with_user(self.user_merchant).email, "leo@example.com")
        with self.assertRaises(AccessError):
            payer.with_user(self.user_merchant_2).read(["email"])
        visible = as_merchant.search(
            [("id", "in", (network | organisation | self.company.partner_id).ids)]
        )
        self.assertEqual(visible, network | organisation | self.company.partner_id)
        # a merchant allowed to create contacts reads those they create
        add_test_users(
            self,
            self.company,
            user_creator=(
                "pive_merchant_contacts",
                "le97_pive.group_pive_merchant,base.group_partner_manager",
            ),
        )
        created = Partner.with_user(self.user_creator).create(
            {"name": "Nouvelle payeuse"}
        )
        self.assertEqual(created.read(["name"])[0]["name"], "Nouvelle payeuse")
        with self.assertRaises(AccessError):
            created.with_user(self.user_merchant).read(["name"])
        # financial fields and writing stay out of reach on visible contacts
        for field in ("credit", "debit", "total_invoiced"):
            with self.assertRaises(AccessError, msg=field):
                network.with_user(self.user_merchant).read([field])
        with self.assertRaises(AccessError):
            network.with_user(self.user_merchant).write({"email": "x@example.com"})
        # treasurers read everybody
        self.assertEqual(
            private.with_user(self.user_treasurer).email, "camille@example.com"
        )

    def test_treasurer_sees_all(self):
        Payment = self.env["le97.pive.payment"].with_user(self.user_treasurer)
        self.assertEqual(
            Payment.search([]) & (self.own | self.other), self.own | self.other
        )
        self.assertTrue(self.other.with_user(self.user_treasurer).move_id)
