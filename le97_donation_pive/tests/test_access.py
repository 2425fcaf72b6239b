# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestAccess(DonationPiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donation = cls._validated_donation()
        cls.receipt = cls.donation.tax_receipt_id

    def test_pive_merchant_sees_nothing(self):
        merchant = self.user_merchant
        self.assertFalse(merchant.has_group("donation.group_donation_viewer"))
        with self.assertRaises(AccessError):
            self.receipt.with_user(merchant).read(["number"])
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt"].with_user(merchant).search([])
        with self.assertRaises(AccessError):
            self.donation.with_user(merchant).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.donation.line_ids.with_user(merchant).read(["amount"])
        with self.assertRaises(AccessError):
            self.donor.with_user(merchant).read(["name"])
        self.assertFalse(self.env["donation.donation"].with_user(merchant).search([]))
        self.assertFalse(
            self.env["res.partner"]
            .with_user(merchant)
            .search([("id", "=", self.donor.id)])
        )

    def test_only_receipt_admin_allows_pive_receipts(self):
        # unconfirmed by the tax administration: off by default
        self.assertFalse(
            self.env["res.company"]
            .create({"name": "Autre fonds"})
            .fund_receipt_allow_pive
        )
        for user in (self.user_treasurer, self.user_merchant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).write({"fund_receipt_allow_pive": True})
        self.assertFalse(self.company.fund_receipt_allow_pive)
        self.company.with_user(self.user_admin).write({"fund_receipt_allow_pive": True})
        self.assertTrue(self.company.fund_receipt_allow_pive)

    def test_settings(self):
        with Form(
            self.env["res.config.settings"].with_company(self.company)
        ) as settings:
            self.assertFalse(settings.fund_receipt_allow_pive)
            settings.fund_receipt_allow_pive = True
        settings.save().execute()
        self.assertTrue(self.company.fund_receipt_allow_pive)
        form = Form(
            self.company.with_user(self.user_admin),
            view="le97_base.res_company_view_form_fund",
        )
        form.fund_receipt_allow_pive = False
        form.save()
        self.assertFalse(self.company.fund_receipt_allow_pive)
