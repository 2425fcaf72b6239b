# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counterparts from a catalogue: their value on the gift, the donor's yearly
total against the limits, and the check before a receipt (issue 12)."""

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestCounterparts(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        items = cls.env["le97.counterpart.item"]
        cls.tote_bag = items.create({"name": "Tote bag Le 97", "value": 8.0})
        cls.dinner = items.create({"name": "Dîner du Club Climat", "value": 30.0})

    def _gift(self, amount, counterparts, partner=None, **kw):
        form = Form(
            self.env["donation.donation"].with_user(self.user_treasurer),
            view="donation.donation_form",
        )
        form.partner_id = partner or self.donor
        form.donation_date = kw.pop("donation_date", "2026-03-01")
        form.payment_method_line_id = self.cheque_line
        form.tax_receipt_option = kw.pop("tax_receipt_option", "annual")
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.unit_price = amount
        for item, quantity in counterparts:
            with form.le97_counterpart_ids.new() as given:
                given.item_id = item
                given.quantity = quantity
        return form.save()

    @freeze_time("2026-06-15")
    def test_catalogue_values_the_gift_and_the_donor_year(self):
        gift = self._gift(200.0, [(self.tote_bag, 2), (self.dinner, 1)])
        self.assertEqual(gift.le97_counterpart_ids.mapped("subtotal"), [16.0, 30.0])
        self.assertEqual(gift.le97_counterpart_value, 46.0)
        gift.with_user(self.user_treasurer).validate()
        # the catalogue's value changes later: the gift keeps what was given
        self.tote_bag.with_user(self.user_treasurer).value = 10.0
        self.assertEqual(gift.le97_counterpart_value, 46.0)
        donor = self.donor.with_user(self.user_treasurer)
        donor.invalidate_recordset()
        self.assertEqual(donor.le97_counterpart_year_gifts, 200.0)
        self.assertEqual(donor.le97_counterpart_year_total, 46.0)
        self.assertEqual(donor.le97_counterpart_year_limit, 50.0, "25 % of 200")
        self.assertEqual(self.company_donor.le97_counterpart_year_total, 0.0)

    @freeze_time("2026-06-15")
    def test_yearly_limit_refuses_the_receipt(self):
        """Two gifts each within 25 %, together above 73 € of counterparts in
        the year: the individual's gift that crosses it gets no receipt."""
        first = self._gift(200.0, [(self.dinner, 1)], tax_receipt_option="each")
        first.with_user(self.user_treasurer).validate()
        self.assertTrue(first.tax_receipt_id)
        second = self._gift(
            200.0, [(self.dinner, 1), (self.tote_bag, 2)], tax_receipt_option="each"
        )
        receipts = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            second.with_user(self.user_treasurer).validate()
        self.assertIn("73", str(cm.exception))
        self.assertEqual(second.state, "draft")
        self.assertEqual(self._receipt_count(), receipts)

    def test_counterparts_of_a_validated_gift_are_fixed(self):
        gift = self._gift(100.0, [(self.tote_bag, 1)], donation_date=self.today)
        gift.with_user(self.user_treasurer).validate()
        line = gift.le97_counterpart_ids
        for vals in ({"quantity": 5},):
            with self.assertRaises(UserError):
                line.with_user(self.user_treasurer).write(vals)
        with self.assertRaises(UserError):
            line.with_user(self.user_treasurer).unlink()
        with self.assertRaises(UserError):
            gift.with_user(self.user_treasurer).write(
                {"le97_counterpart_ids": [Command.create({"item_id": self.dinner.id})]}
            )
        with self.assertRaises(UserError):
            gift.with_user(self.user_treasurer).write({"le97_counterpart_value": 0})
        self.assertEqual((line.quantity, gift.le97_counterpart_value), (1.0, 8.0))

    def test_who_sees_and_edits_the_catalogue(self):
        merchant = new_test_user(
            self.env, login="cp_employee", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.tote_bag.with_user(merchant).write({"value": 0.0})
        with self.assertRaises(AccessError):
            self.env["le97.counterpart.item"].with_user(merchant).create(
                {"name": "x", "value": 1}
            )
        gift = self._gift(100.0, [(self.tote_bag, 1)], donation_date=self.today)
        with self.assertRaises(AccessError):
            gift.le97_counterpart_ids.with_user(merchant).read(["item_id"])
        with self.assertRaises(UserError):
            self.tote_bag.with_user(self.user_treasurer).write({"value": -1})
        self.assertEqual(self.tote_bag.value, 8.0)
