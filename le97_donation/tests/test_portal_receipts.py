# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.models.ir_actions_report import IrActionsReport

from .common import Le97DonationCommon


def _no_wkhtmltopdf(*args, **kwargs):
    raise AssertionError("wkhtmltopdf must not run in the download")


@tagged("post_install", "-at_install")
class TestPortalReceipts(Le97DonationCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_donor = cls.donor.copy({"name": "Autre Donatrice"})
        cls.portal_user = new_test_user(
            cls.env,
            login="le97_portal_donor",
            password="le97_portal_donor",
            groups="base.group_portal",
            partner_id=cls.donor.id,
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            login="le97_portal_other",
            password="le97_portal_other",
            groups="base.group_portal",
            partner_id=cls.other_donor.id,
        )
        day = date(2025, 6, 1)
        cls.receipt = cls._validated_donation(
            cls.donor, 120, donation_date=day
        ).tax_receipt_id
        cls.receipt_other = cls._validated_donation(
            cls.other_donor, 60, donation_date=day
        ).tax_receipt_id

    def test_donor_lists_and_downloads_only_their_receipts(self):
        # made by the scheduled action, never in the download request
        self._le97_render_originals()
        self.authenticate("le97_portal_donor", "le97_portal_donor")
        response = self.url_open("/my/receipts")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.receipt.number, response.text)
        self.assertNotIn(self.receipt_other.number, response.text)
        response = self.url_open(f"/my/receipts/{self.receipt.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.receipt.invalidate_recordset()
        self.assertEqual(
            response.content,
            self.receipt.le97_pdf_attachment_id.raw,
            "the stored original PDF is served",
        )
        # The receipt of another donor is not found.
        response = self.url_open(f"/my/receipts/{self.receipt_other.id}/download")
        self.assertEqual(response.status_code, 404)

    def test_download_of_a_pending_original_says_so(self):
        """Before the scheduled action made the PDF: the download renders
        nothing and the list says it is being prepared."""
        triggers = self.env["ir.cron.trigger"].search_count([])
        self.authenticate("le97_portal_donor", "le97_portal_donor")
        with patch.object(IrActionsReport, "_run_wkhtmltopdf", _no_wkhtmltopdf):
            response = self.url_open(f"/my/receipts/{self.receipt.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/my/receipts?pending={self.receipt.id}", response.url)
        self.assertIn("o_le97_receipt_pending", response.text)
        self.assertIn(self.receipt.number, response.text)
        self.assertNotIn("o_le97_receipt_download", response.text)
        self.assertGreater(self.env["ir.cron.trigger"].search_count([]), triggers)
        self.receipt.invalidate_recordset()
        self.assertFalse(self.receipt.le97_pdf_attachment_id)
        # another donor's receipt number is never shown
        response = self.url_open(f"/my/receipts?pending={self.receipt_other.id}")
        self.assertNotIn(self.receipt_other.number, response.text)
        self.assertNotIn("o_le97_receipt_pending", response.text)

    def test_other_donor_cannot_download(self):
        self.authenticate("le97_portal_other", "le97_portal_other")
        response = self.url_open(f"/my/receipts/{self.receipt.id}/download")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/receipts")
        self.assertNotIn(self.receipt.number, response.text)
        self.assertIn(self.receipt_other.number, response.text)
        # Counters of the portal home.
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["receipt_count"]}
        )
        self.assertEqual(counters["receipt_count"], 1)

    def test_cancelled_receipt_is_hidden(self):
        self.receipt.with_user(self.user_admin)._le97_cancel("Wrong amount")
        self.authenticate("le97_portal_donor", "le97_portal_donor")
        response = self.url_open(f"/my/receipts/{self.receipt.id}/download")
        self.assertEqual(response.status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(f"/my/receipts/{self.receipt.id}/download")
        self.assertIn("/web/login", response.url)


@tagged("post_install", "-at_install")
class TestYearlyReceiptsTour(Le97DonationCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        done = cls.donor.copy({"name": "Tour Donor Done"})
        cls._validated_donation(
            done, 10, donation_date=date(2025, 1, 5), tax_receipt_option="annual"
        )
        cls.env["donation.tax.receipt.yearly"].create({"year": 2025}).action_issue()
        cls._validated_donation(
            done, 15, donation_date=date(2025, 2, 5), tax_receipt_option="annual"
        )
        for name in ("Tour Donor A", "Tour Donor B"):
            cls._validated_donation(
                cls.donor.copy({"name": name}),
                40,
                donation_date=date(2025, 3, 3),
                tax_receipt_option="annual",
            )

    def test_yearly_receipts_tour(self):
        self.start_tour("/odoo", "le97_yearly_receipts_tour", login="admin")
        receipts = self.env["donation.tax.receipt"].search(
            [("partner_id.name", "in", ["Tour Donor A", "Tour Donor B"])]
        )
        self.assertEqual(len(receipts), 2)
        self.assertEqual(set(receipts.mapped("type")), {"annual"})
