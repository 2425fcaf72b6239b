# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestReceiptLifecycle(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donation = cls._validated_donation(amount=120.0)
        cls.receipt = cls.donation.tax_receipt_id

    def test_receipt_created_issued_with_number(self):
        receipt = self.receipt
        self.assertEqual(receipt.state, "issued")
        year = receipt.date.year
        self.assertRegex(receipt.number, rf"^{year}-\d{{5}}$")
        self.assertEqual(receipt.amount, 120.0)
        self.assertEqual(receipt.le97_donation_ids, self.donation)
        self.assertEqual(receipt.le97_donor_type, "individual")
        self.assertEqual(receipt.le97_donor_name, "Jeanne Dupont")
        self.assertEqual(
            receipt.le97_donor_address, "12 rue des Granges\n25000 Besançon\nFrance"
        )

    def test_issued_receipt_not_writable(self):
        receipt = self.receipt.with_user(self.user_admin)
        before = receipt.read(["amount", "partner_id", "date", "number", "type"])[0]
        other = self.env["res.partner"].create({"name": "Someone Else"})
        for vals in (
            {"amount": 1.0},
            {"partner_id": other.id},
            {"date": "2020-01-01"},
            {"number": "X-1"},
            {"type": "annual"},
            {"donation_ids": [(5,)]},
            {"le97_donation_ids": [(5,)]},
        ):
            with self.assertRaises(UserError) as cm:
                receipt.write(vals)
            self.assertIn("cannot be changed once issued", str(cm.exception))
        receipt.invalidate_recordset()
        self.assertEqual(
            receipt.read(["amount", "partner_id", "date", "number", "type"])[0], before
        )
        self.assertEqual(receipt.le97_donation_ids, self.donation)

    def test_state_only_goes_to_cancelled_with_reason(self):
        with self.assertRaises(UserError):
            self.receipt.write({"state": "cancelled"})
        self.assertEqual(self.receipt.state, "issued")
        with self.assertRaises(UserError):
            self.receipt.write({"state": "issued", "le97_cancel_reason": "x"})

    def test_receipt_never_deleted(self):
        for user in (self.env.user, self.user_admin):
            with self.assertRaises(UserError) as cm:
                self.receipt.with_user(user).unlink()
            self.assertIn("never deleted", str(cm.exception))
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.user_treasurer).unlink()
        self.receipt.invalidate_recordset()
        self.assertTrue(self.receipt.exists())
        with self.assertRaises(UserError):
            self.receipt.sudo().unlink()
        self.assertTrue(self.receipt.exists())

    def test_cancel_and_replace(self):
        receipt = self.receipt
        number = receipt.number
        wizard = Form(
            self.env["donation.tax.receipt.cancel"]
            .with_user(self.user_admin)
            .with_context(default_receipt_ids=receipt.ids)
        )
        wizard.reason = "Wrong donor address"
        wizard.replace = True
        action = wizard.save().action_confirm()
        self.assertEqual(receipt.state, "cancelled")
        self.assertEqual(receipt.number, number)
        self.assertEqual(receipt.le97_cancel_reason, "Wrong donor address")
        self.assertEqual(receipt.le97_cancel_uid, self.user_admin)
        self.assertEqual(receipt.le97_donation_ids, self.donation)
        new = self.env["donation.tax.receipt"].browse(action["res_id"])
        self.assertEqual(new.state, "issued")
        self.assertNotEqual(new.number, number)
        self.assertEqual(new.replaced_receipt_id, receipt)
        self.assertEqual(receipt.replacement_receipt_id, new)
        self.assertEqual(new.amount, 120.0)
        self.assertEqual(self.donation.tax_receipt_id, new)
        self.assertEqual(new.le97_donation_ids, self.donation)
        # the trace is in the chatter
        self.assertTrue(
            receipt.message_ids.filtered(lambda m: "Wrong donor address" in m.body)
        )
        # a cancelled receipt cannot be cancelled again nor changed
        with self.assertRaises(UserError):
            receipt.with_user(self.user_admin)._le97_cancel("again")
        with self.assertRaises(UserError):
            receipt.write({"le97_cancel_reason": "changed"})

    def test_cancel_needs_reason(self):
        with self.assertRaises(UserError) as cm:
            self.receipt.with_user(self.user_admin)._le97_cancel("  ")
        self.assertIn("reason", str(cm.exception))
        self.assertEqual(self.receipt.state, "issued")

    def test_treasurer_cannot_cancel(self):
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.user_treasurer)._le97_cancel("no right")
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.user_treasurer).action_le97_cancel()
        self.assertEqual(self.receipt.state, "issued")

    def test_second_active_receipt_refused(self):
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            self.env["donation.tax.receipt"]._le97_issue(
                [self.donation._prepare_each_tax_receipt()]
            )
        self.assertIn("already covered", str(cm.exception))
        self.assertIn("Jeanne Dupont", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)

    def test_donation_cancel_refused_while_receipt_issued(self):
        with self.assertRaises(UserError) as cm:
            self.donation.with_user(self.user_treasurer).done2cancel()
        self.assertIn("must cancel that receipt first", str(cm.exception))
        self.assertEqual(self.donation.state, "done")
        self.assertTrue(self.donation.move_id)
        self.receipt.with_user(self.user_admin)._le97_cancel("Gift refunded")
        self.donation.with_user(self.user_treasurer).done2cancel()
        self.assertEqual(self.donation.state, "cancel")
        self.assertEqual(self.receipt.state, "cancelled")
        self.assertEqual(self.receipt.le97_donation_ids, self.donation)

    def test_chatter_tracks_cancellation(self):
        self.receipt.with_user(self.user_admin)._le97_cancel("Duplicate gift")
        messages = self.receipt.message_ids.filtered(
            lambda m: "Duplicate gift" in (m.body or "")
        )
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.author_id, self.user_admin.partner_id)
        self.assertEqual(
            self.receipt.le97_cancel_date, fields.Date.context_today(self.receipt)
        )
        self.assertTrue(self.receipt._fields["state"].tracking)
