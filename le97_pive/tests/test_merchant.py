# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from ast import literal_eval

from odoo.tests import HttpCase, new_test_user, tagged


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

    def test_merchant_filter_and_menu(self):
        """A merchant is a contact with a merchant status, whatever it is."""
        merchants = self.agreed | self.candidate | self.suspended
        other = self.env["res.partner"].create({"name": "Pas commerçant"})
        action = self.env.ref("le97_pive.res_partner_merchant_action")
        found = self.env["res.partner"].search(
            [*literal_eval(action.domain), ("id", "in", (merchants | other).ids)]
        )
        self.assertEqual(found, merchants)
        search_view = self.env.ref("base.view_res_partner_filter")
        arch = self.env["res.partner"].get_view(search_view.id, "search")["arch"]
        self.assertIn('name="le97_pive_merchants"', arch)
        # the counters see the network, read only
        menu = self.env.ref("le97_pive.res_partner_merchant_menu")
        self.assertEqual(menu.action, action)
        user = new_test_user(
            self.env, login="pive_merchant_menu", groups="le97_pive.group_pive_merchant"
        )
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(self.env.ref("le97_base.menu_le97_root").id, visible)
        self.assertEqual(
            self.env["res.partner"]
            .with_user(user)
            .search([("id", "in", (merchants | other).ids)]),
            merchants,
        )

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
