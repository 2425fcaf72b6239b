# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.le97_donation.models.product_template import GIFT_KINDS

from ..models.le97_pive_payment import PURPOSE_GIFT_KINDS
from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestPiveGiftKinds(DonationPiveCommon):
    """The Pive purposes map to the products' kind of income: only a gift
    becomes a donation, on a gift product; nothing else paid in Pive is ever
    receipted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gift_product = cls.env.ref("le97_donation_pive.product_product_gift_pive")

    def _payment(self, purpose, payer=None, amount=20, user=None):
        return (
            self.env["le97.pive.payment"]
            .with_user(user or self.user_treasurer)
            .create(
                {
                    "amount": amount,
                    "medium": "paper",
                    "purpose_id": self.env.ref(f"le97_pive.{purpose}").id,
                    "payer_id": payer.id if payer else False,
                }
            )
        )

    def test_purpose_kinds_map_to_product_kinds(self):
        purpose_kinds = {
            key
            for key, _label in self.env["le97.pive.purpose"]
            ._fields["kind"]
            ._description_selection(self.env)
        }
        self.assertEqual(set(PURPOSE_GIFT_KINDS), purpose_kinds)
        product_kinds = {key for key, _label in GIFT_KINDS}
        self.assertLessEqual(set(PURPOSE_GIFT_KINDS.values()), product_kinds)
        self.assertEqual(
            [k for k, v in PURPOSE_GIFT_KINDS.items() if v == "gift"], ["gift"]
        )
        self.assertEqual(self.gift_product.le97_gift_kind, "gift")

    def test_pive_prix_libre_is_no_donation(self):
        donations = self.env["donation.donation"].search_count([])
        for purpose in ("purpose_pay_what_you_can", "purpose_bar"):
            with self.subTest(purpose=purpose):
                payment = self._payment(purpose, self.donor)
                payment.with_user(self.user_treasurer).action_post()
                self.assertEqual(payment.state, "posted")
                self.assertFalse(payment.sudo().donation_id)
        self.assertEqual(self.env["donation.donation"].search_count([]), donations)

    def test_gift_product_made_a_non_gift_is_refused(self):
        """A counter cannot record a Pive gift on a product that is no gift
        any more: clear refusal, the payment stays a draft, no donation."""
        self.gift_product.le97_gift_kind = "service"
        self.assertFalse(self.gift_product.tax_receipt_ok)
        payment = self._payment("purpose_gift", user=self.user_merchant)
        donations = self.env["donation.donation"].search_count([])
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            payment.with_user(self.user_merchant).action_post()
        self.assertIn(self.gift_product.name, str(cm.exception))
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "draft")
        self.assertEqual(self.env["donation.donation"].search_count([]), donations)
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_non_gift_paid_in_pive_refused(self):
        """Typed as a donation paid in Pive, a pay-what-you-can is refused its
        receipt like one paid in euros, even with Pive receipts allowed."""
        self.company.fund_receipt_allow_pive = True
        product = self.env["product.product"].create(
            {
                "name": "Prix libre en Pive",
                "type": "service",
                "donation_type": "donation",
                "le97_gift_kind": "service",
                "taxes_id": [Command.clear()],
                "company_id": self.company.id,
            }
        )
        vals = self._donation_vals(method_line=self.pive_line)
        vals["line_ids"] = [
            Command.create({"product_id": product.id, "quantity": 1, "unit_price": 9})
        ]
        donation = self.env["donation.donation"].create(vals)
        receipts = self._receipt_count()
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError) as cm:
            donation.with_user(self.user_treasurer).validate()
        for text in ("Jeanne Dupont", "Prix libre en Pive", "not a gift"):
            self.assertIn(text, str(cm.exception))
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(donation.state, "draft")

    def test_company_gift_in_pive_on_7542(self):
        payment = self._payment("purpose_gift", self.company_donor, amount=50)
        payment.with_user(self.user_treasurer).action_post()
        donation = payment.sudo().donation_id
        self.assertEqual(donation.state, "done")
        credits = [
            (line.account_id, line.credit)
            for line in donation.move_id.line_ids
            if line.credit
        ]
        self.assertEqual(credits, [(self.company.le97_account_company_gift_id, 50.0)])
        self.assertEqual(self.company.le97_account_company_gift_id.code, "754200")
