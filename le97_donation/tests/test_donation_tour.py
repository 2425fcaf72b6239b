# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import fund_address_and_signature


@tagged("post_install", "-at_install")
class TestDonationTour(HttpCase):
    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_donation_receipt_tour(self):
        company = self.env.company
        company.write(
            {
                "fund_siren": "732829320",
                "fund_object": "Soutenir le tiers-lieu Le 97.",
                "fund_signatory_name": "Camille Martin",
                "fund_signatory_title": "Présidente",
                **fund_address_and_signature(),
            }
        )
        self.env["res.partner"].create(
            {
                "name": "Tour Donor",
                "street": "5 rue Battant",
                "zip": "25000",
                "city": "Besançon",
                "country_id": self.env.ref("base.fr").id,
            }
        )
        product = self.env.ref("le97_donation.product_product_gift").copy(
            {"name": "Tour Gift"}
        )
        method_line = self.env["account.payment.method.line"].search(
            [
                ("donation", "=", True),
                ("journal_id.type", "=", "bank"),
                ("journal_id.company_id", "=", company.id),
            ],
            limit=1,
        )
        admin = self.env.ref("base.user_admin")
        admin.context_donation_payment_method_line_id = method_line
        self.start_tour(
            "/odoo", "le97_donation_receipt_tour", login="admin", timeout=120
        )
        donation = self.env["donation.donation"].search(
            [("partner_id.name", "=", "Tour Donor")]
        )
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.line_ids.product_id, product)
        self.assertEqual(donation.amount_total, 120.0)
        self.assertTrue(donation.move_id)
        receipt = donation.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        self.assertTrue(receipt.number)
        # its original is rendered by the scheduled action, not in the tour
        self.assertFalse(receipt.sudo().le97_pdf_attachment_id)
        self.env["donation.tax.receipt"]._le97_cron_render_originals()
        receipt.invalidate_recordset()
        self.assertTrue(receipt.sudo().le97_pdf_attachment_id)
