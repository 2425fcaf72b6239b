# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestAccess(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donation = cls._validated_donation()
        cls.receipt = cls.donation.tax_receipt_id

    def test_volunteer_sees_no_donation(self):
        """Outside the donation groups, an employee (a volunteer) reads no
        receipt, donation or donation line."""
        volunteer = self.user_volunteer
        with self.assertRaises(AccessError):
            self.receipt.with_user(volunteer).read(["number"])
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt"].with_user(volunteer).search([])
        with self.assertRaises(AccessError):
            self.donation.with_user(volunteer).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.donation.line_ids.with_user(volunteer).read(["amount"])
        self.assertFalse(self.env["donation.donation"].with_user(volunteer).search([]))

    def test_treasurer_sees_and_records(self):
        treasurer = self.user_treasurer
        self.assertEqual(self.receipt.with_user(treasurer).number, self.receipt.number)
        self.assertEqual(self.donor.with_user(treasurer).name, "Jeanne Dupont")
        self.assertIn(
            self.donation,
            self.env["donation.donation"].with_user(treasurer).search([]),
        )

    def test_only_receipt_admin_changes_receipt_settings(self):
        for user in (self.user_treasurer, self.user_volunteer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).write({"fund_receipt_art_978": True})
        self.assertFalse(self.company.fund_receipt_art_978)
        self.company.with_user(self.user_admin).write({"fund_receipt_art_978": True})
        self.assertTrue(self.company.fund_receipt_art_978)
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt.cancel"].with_user(
                self.user_treasurer
            ).create({"receipt_ids": self.receipt.ids, "reason": "x"})
