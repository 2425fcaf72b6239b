# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import fund_address_and_signature
from .french_labels import FrenchLabelsMixin


@tagged("post_install", "-at_install")
class TestMobileTours(FrenchLabelsMixin, HttpCase):
    """The donation entry and the receipts list on a phone (390 px wide, touch
    screen), in French."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_load_french()
        cls.env.ref("base.user_admin").lang = "fr_FR"
        cls.company = cls.env.ref("base.user_admin").company_id
        cls.company.write(
            {
                "fund_siren": "732829320",
                "fund_object": "Soutenir le tiers-lieu Le 97.",
                "fund_signatory_name": "Camille Martin",
                "fund_signatory_title": "Présidente",
                "fund_receipt_art_200": True,
                **fund_address_and_signature(),
            }
        )
        cls.donor = cls.env["res.partner"].create(
            {
                "name": "Mobile Donor",
                "street": "5 rue Battant",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.env.ref("base.fr").id,
                "email": "mobile.donor@example.com",
                "tax_receipt_option": "each",
            }
        )
        cls.product = cls.env.ref("le97_donation.product_product_gift").copy(
            {"name": "Mobile Gift"}
        )
        cls.bank_method = cls.env["account.payment.method.line"].search(
            cls.env["donation.donation"]._get_default_payment_method_line_domain(
                cls.company
            ),
            limit=1,
        )

    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_donation_entry_on_a_phone(self):
        self.start_tour(
            "/odoo", "le97_donation_mobile_entry_tour", login="admin", timeout=180
        )
        donation = self.env["donation.donation"].search(
            [("partner_id", "=", self.donor.id)]
        )
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.payment_method_line_id, self.bank_method)
        self.assertEqual(donation.donation_date, fields.Date.context_today(donation))
        self.assertEqual(donation.amount_total, 75)
        self.assertEqual(donation.tax_receipt_id.state, "issued")

    def test_receipts_list_on_a_phone(self):
        donation = self.env["donation.donation"].create(
            {
                "company_id": self.company.id,
                "partner_id": self.donor.id,
                "donation_date": fields.Date.context_today(self.env.user),
                "payment_method_line_id": self.bank_method.id,
                "tax_receipt_option": "each",
                "line_ids": [
                    Command.create({"product_id": self.product.id, "unit_price": 40})
                ],
            }
        )
        donation.validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")
        self.start_tour(
            "/odoo", "le97_receipts_mobile_list_tour", login="admin", timeout=120
        )
