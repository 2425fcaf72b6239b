# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestReceiptSettings(Le97DonationCommon):
    """The receipt settings of the fund (articles 200, 238 bis, 978)."""

    def _refused(self, donation, text):
        receipts = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            donation.validate()
        self.assertIn(text, str(cm.exception))
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(donation.state, "draft")

    def test_defaults(self):
        company = self.env["res.company"].create({"name": "Autre fonds"})
        self.assertTrue(company.fund_receipt_art_200)
        self.assertTrue(company.fund_receipt_art_238bis)
        # unconfirmed for an endowment fund: off until asked for
        self.assertFalse(company.fund_receipt_art_978)

    def test_settings_form(self):
        with Form(
            self.env["res.config.settings"].with_company(self.company)
        ) as settings:
            self.assertTrue(settings.fund_receipt_art_200)
            settings.fund_receipt_art_978 = True
            settings.fund_receipt_art_238bis = False
        settings.save().execute()
        self.assertTrue(self.company.fund_receipt_art_978)
        self.assertFalse(self.company.fund_receipt_art_238bis)

    def test_fund_form_shows_receipt_settings(self):
        form = Form(
            self.company.with_user(self.user_admin),
            view="le97_base.res_company_view_form_fund",
        )
        form.fund_receipt_art_978 = True
        form.save()
        self.assertTrue(self.company.fund_receipt_art_978)

    def test_article_238bis_off_refuses_company_donors(self):
        self.company.fund_receipt_art_238bis = False
        donation = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor)
        )
        self._refused(donation, "238 bis")
        # individuals still get theirs
        self.assertEqual(self._validated_donation().tax_receipt_id.state, "issued")

    def test_articles_200_and_978_off_refuse_individuals(self):
        self.company.fund_receipt_art_200 = False
        donation = self.env["donation.donation"].create(self._donation_vals())
        self._refused(donation, "200 and 978")
        # IFI receipts alone are enough
        self.company.fund_receipt_art_978 = True
        donation.validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")
