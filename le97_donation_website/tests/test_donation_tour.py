# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import OnlineGiftCommon


class DonationTourCase(OnlineGiftCommon, HttpCase):
    def _run_donation_tour(self):
        user = new_test_user(
            self.env,
            login="le97_web_donor",
            groups="base.group_portal",
            name="Marie Web",
            email="marie.web@example.com",
            lang="en_US",
        )
        user.partner_id.country_id = self.fr
        self.start_tour(
            "/donation/pay?amount=45",
            "le97_donation_website_tour",
            login=user.login,
            timeout=120,
        )
        tx = self.env["payment.transaction"].search(
            [("partner_id", "=", user.partner_id.id)]
        )
        self.assertEqual(len(tx), 1)
        self.assertEqual(tx.state, "done")
        if not tx.is_post_processed:
            tx._post_process()
        donation = tx.le97_donation_id
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.partner_id, user.partner_id)
        self.assertEqual(donation.amount_total, 45.0)
        self.assertEqual(donation.campaign_id, self.campaign)
        self.assertEqual(user.partner_id.street, "8 rue Battant")
        self.assertFalse(tx.payment_id)
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        self.env["donation.tax.receipt"]._le97_cron_render_originals(auto_commit=False)
        self.assertTrue(receipt.sudo().le97_pdf_attachment_id)
        self.start_tour(
            "/my/receipts",
            "le97_donation_website_receipts_tour",
            login=user.login,
            timeout=60,
        )
        response = self.url_open("/my/receipts")
        self.assertIn(receipt.number, response.text)


@tagged("post_install", "-at_install")
class TestDonationTour(DonationTourCase):
    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_donation_form_tour(self):
        self._run_donation_tour()


@tagged("post_install", "-at_install")
class TestDonationTourPhone(DonationTourCase):
    """The same gift from a phone (donors give where they are): the form,
    the payment and the portal at 390 px, with a touch screen."""

    browser_size = "390x844"
    touch_enabled = True

    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_donation_form_tour_phone(self):
        self._run_donation_tour()
