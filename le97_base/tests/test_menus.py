# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "Le 97" menu reads like an Odoo app: a few areas, each for its roles."""

from odoo.tests import tagged

from .common import Le97Common


@tagged("post_install", "-at_install")
class TestMenus(Le97Common):
    def _areas(self, user):
        root = self.env.ref("le97_base.menu_le97_root")
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return root.child_id.filtered(lambda m: m.id in visible)

    def test_top_level_entries_are_areas(self):
        """Every screen of every installed addon sits in an area, none beside
        them but the dashboard, first, where the app opens."""
        root = self.env.ref("le97_base.menu_le97_root")
        dashboard = self.env.ref("le97_base.le97_dashboard_menu")
        self.assertEqual(root.child_id.sorted("sequence")[:1], dashboard)
        self.assertEqual(
            dashboard.action, self.env.ref("le97_base.le97_dashboard_action")
        )
        for area in root.child_id - dashboard:
            with self.subTest(area=area.name):
                self.assertFalse(area.action, "a screen sits beside the areas")
                self.assertTrue(area.child_id)
        self.assertEqual(
            root.child_id.sorted("sequence")[-2:].mapped(
                lambda m: m.get_external_id()[m.id]
            ),
            ["le97_base.menu_le97_reporting", "le97_base.menu_le97_config"],
        )

    def test_volunteer_sees_volunteering_only(self):
        self.assertEqual(
            self._areas(self.user_volunteer),
            self.env.ref("le97_base.menu_le97_volunteer"),
        )

    def test_treasurer_areas(self):
        areas = self._areas(self.user_treasurer)
        for xmlid in ("menu_le97_volunteer", "menu_le97_reporting", "menu_le97_config"):
            self.assertIn(self.env.ref(f"le97_base.{xmlid}"), areas)
