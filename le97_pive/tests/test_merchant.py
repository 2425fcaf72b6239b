# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPiveMerchants(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.agreed = Partner.create(
            {
                "name": "Épicerie du Quai",
                "is_company": True,
                "le97_merchant_state": "agreed",
                "le97_merchant_description": "Produits locaux en vrac",
                "le97_merchant_accepts_digital": True,
                "street": "12 quai Vauban",
                "zip": "25000",
                "city": "Besançon",
                "email": "secret@example.com",
                "phone": "+33 6 00 00 00 00",
                "comment": "Note interne",
            }
        )
        cls.candidate = Partner.create(
            {"name": "Candidat Café", "le97_merchant_state": "candidate"}
        )
        cls.suspended = Partner.create(
            {"name": "Bar Suspendu", "le97_merchant_state": "suspended"}
        )

    def test_merchant_flag(self):
        self.assertTrue(self.agreed.le97_is_pive_merchant)
        self.assertTrue(self.candidate.le97_is_pive_merchant)

    def test_public_json(self):
        response = self.url_open("/le97/pive/merchants.json")
        self.assertEqual(response.status_code, 200)
        self.assertIn("application/json", response.headers["Content-Type"])
        merchants = json.loads(response.content)["merchants"]
        names = [m["name"] for m in merchants]
        self.assertIn("Épicerie du Quai", names)
        self.assertNotIn("Candidat Café", names)
        self.assertNotIn("Bar Suspendu", names)
        row = next(m for m in merchants if m["name"] == "Épicerie du Quai")
        self.assertEqual(row["city"], "Besançon")
        self.assertEqual(row["description"], "Produits locaux en vrac")
        self.assertTrue(row["accepts_digital"])
        self.assertEqual(
            set(row),
            {
                "id",
                "name",
                "description",
                "street",
                "street2",
                "zip",
                "city",
                "country",
                "website",
                "accepts_paper",
                "accepts_digital",
            },
        )
        body = response.content.decode()
        self.assertNotIn("secret@example.com", body)
        self.assertNotIn("Note interne", body)
