# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

SESSION_INFO = re.compile(r"odoo\.__session_info__ = (\{.*?\});\n", re.S)


@tagged("post_install", "-at_install")
class TestMerchantHomeAction(HttpCase):
    """A merchant lands on the counter screen; a treasurer, who is a merchant
    too, on the treasurer's screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counter = cls.env.ref("le97_pive.le97_pive_payment_counter_action")
        cls.merchant_group = cls.env.ref("le97_pive.group_pive_merchant")

    def test_merchant_lands_on_the_counter(self):
        new_test_user(
            self.env, login="home_merchant", groups="le97_pive.group_pive_merchant"
        )
        self.authenticate("home_merchant", "home_merchant")
        page = self.url_open("/odoo")
        session_info = json.loads(SESSION_INFO.search(page.text).group(1))
        self.assertEqual(session_info["home_action_id"], self.counter.id)

    def test_user_made_merchant(self):
        user = new_test_user(self.env, login="home_new_merchant")
        self.assertFalse(user.action_id)
        user.write({"groups_id": [Command.link(self.merchant_group.id)]})
        self.assertEqual(user.action_id.id, self.counter.id)

    def test_treasurer_does_not_land_on_the_counter(self):
        user = new_test_user(
            self.env, login="home_treasurer", groups="le97_base.group_treasurer"
        )
        self.assertTrue(user.has_group("le97_pive.group_pive_merchant"))
        self.assertTrue(user.action_id)
        self.assertNotEqual(user.action_id.id, self.counter.id)

    def test_merchant_menus(self):
        """A merchant sees the local currency area (and the areas of the
        addons that give them screens), not the fund's reporting nor its
        configuration; the counter is its first screen."""
        user = new_test_user(
            self.env, login="menu_merchant", groups="le97_pive.group_pive_merchant"
        )
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        area = self.env.ref("le97_pive.menu_le97_pive")
        self.assertIn(area.id, visible)
        for xmlid in ("menu_le97_reporting", "menu_le97_config", "menu_le97_volunteer"):
            self.assertNotIn(self.env.ref(f"le97_base.{xmlid}").id, visible)
        first = area.child_id.filtered(lambda m: m.id in visible).sorted("sequence")[0]
        self.assertEqual(
            first, self.env.ref("le97_pive.le97_pive_payment_counter_menu")
        )
