# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import OnlineGiftCommon


@tagged("post_install", "-at_install")
class TestDonationForm(OnlineGiftCommon, HttpCase):
    def _route_values(self, **donor):
        details = {
            "street": "5 rue de la République",
            "zip": "25000",
            "city": "Besançon",
            "country_id": str(self.fr.id),
            "donor_type": "individual",
            "company_name": "",
            "campaign_id": str(self.campaign.id),
        }
        details.update(donor)
        return {
            "amount": 40.0,
            "currency_id": self.company.currency_id.id,
            "partner_id": self.env.ref("base.public_partner").id,
            "access_token": "unused",
            "provider_id": self.provider.id,
            "payment_method_id": self.payment_method.id,
            "token_id": None,
            "flow": "direct",
            "tokenization_requested": False,
            "landing_route": "/donation/pay",
            "is_validation": False,
            "reference_prefix": None,
            "partner_details": {
                "name": "Claire Web",
                "email": "claire.web@example.com",
                "country_id": str(self.fr.id),
            },
            "le97_donor_details": details,
            "donation_comment": "",
            "donation_recipient_email": "",
        }

    def _post(self, **donor):
        return self.make_jsonrpc_request(
            "/donation/transaction/0", self._route_values(**donor)
        )

    def _post_error(self, **donor):
        """The error message the route answers with."""
        response = self.url_open(
            "/donation/transaction/0",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": self._route_values(**donor),
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json().get("error")
        self.assertTrue(error, "the route should refuse the gift")
        self.assertEqual(
            error["data"]["name"], "odoo.exceptions.ValidationError", error
        )
        return error["data"]["message"]

    def test_form_shows_receipt_fields(self):
        response = self.url_open("/donation/pay?amount=30")
        self.assertEqual(response.status_code, 200)
        for needle in ("le97_street", "le97_zip", "le97_city", "le97_donor_type"):
            self.assertIn(needle, response.text)
        self.assertIn("Toit du 97", response.text)
        self.assertIn("66 %", response.text)
        self.assertIn("60 %", response.text)

    def test_form_says_only_the_reductions_the_fund_allows(self):
        """A fund that receipts only individuals' gifts does not promise
        companies a reduction; one that receipts none promises nothing."""
        self.company.fund_receipt_art_238bis = False
        response = self.url_open("/donation/pay?amount=30")
        self.assertIn("66 %", response.text)
        self.assertNotIn("60 %", response.text)
        self.company.fund_receipt_art_200 = False
        response = self.url_open("/donation/pay?amount=30")
        self.assertNotIn("le97_tax_reduction", response.text)
        self.assertNotIn("66 %", response.text)

    def test_transaction_gets_donor_details(self):
        result = self._post()
        tx = self.env["payment.transaction"].search(
            [("reference", "=", result["reference"])]
        )
        self.assertTrue(tx.is_donation)
        self.assertEqual(tx.le97_donor_street, "5 rue de la République")
        self.assertEqual(tx.le97_donor_zip, "25000")
        self.assertEqual(tx.le97_donor_city, "Besançon")
        self.assertEqual(tx.le97_donor_country_id, self.fr)
        self.assertFalse(tx.le97_donor_is_company)
        self.assertEqual(tx.le97_campaign_id, self.campaign)
        tx._set_done()
        tx._post_process()
        donation = tx.le97_donation_id
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.partner_id.email, "claire.web@example.com")
        self.assertEqual(donation.campaign_id, self.campaign)
        self.assertEqual(donation.tax_receipt_id.state, "issued")

    @mute_logger("odoo.http")
    def test_public_appeal_offered_once_authorised(self):
        """A public appeal is offered to donors only once the prefect's
        authorisation (date and reference) is recorded and has begun."""
        appeal = self.env["donation.campaign"].create(
            {
                "name": "Appel public Jardin",
                "company_id": self.company.id,
                "le97_public_appeal": True,
            }
        )
        response = self.url_open("/donation/pay?amount=30")
        self.assertNotIn("Appel public Jardin", response.text)
        message = self._post_error(campaign_id=str(appeal.id))
        self.assertTrue(
            any(needle in message for needle in ("campagne", "campaign")), message
        )
        appeal.write(
            {
                "le97_authorisation_date": fields.Date.add(
                    fields.Date.today(), days=10
                ),
                "le97_authorisation_ref": "Arrêté 25-2026-001",
            }
        )
        response = self.url_open("/donation/pay?amount=30")
        self.assertNotIn("Appel public Jardin", response.text)
        appeal.le97_authorisation_date = fields.Date.today()
        response = self.url_open("/donation/pay?amount=30")
        self.assertIn("Appel public Jardin", response.text)
        result = self._post(campaign_id=str(appeal.id))
        tx = self.env["payment.transaction"].search(
            [("reference", "=", result["reference"])]
        )
        self.assertEqual(tx.le97_campaign_id, appeal)

    @mute_logger("odoo.http")
    def test_transaction_refused_without_receipt_data(self):
        cases = [
            ({"street": ""}, ("adresse postale", "postal address")),
            ({"zip": "250"}, ("250",)),
            ({"donor_type": ""}, ("particulier", "individual")),
            ({"donor_type": "company", "company_name": " "}, ("entreprise", "company")),
            ({"country_id": "0"}, ("pays", "country")),
            ({"campaign_id": "999999"}, ("campagne", "campaign")),
        ]
        count = self.env["payment.transaction"].search_count([])
        for donor, needles in cases:
            with self.subTest(donor=donor):
                message = self._post_error(**donor)
                self.assertTrue(any(n in message for n in needles), message)
        self.assertEqual(self.env["payment.transaction"].search_count([]), count)
