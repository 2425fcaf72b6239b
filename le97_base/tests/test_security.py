# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import Le97Common


@tagged("post_install", "-at_install")
class TestSecurity(Le97Common):
    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_groups_are_chained(self):
        admin = self.user_receipt_admin
        self.assertTrue(admin.has_group("le97_base.group_treasurer"))
        self.assertFalse(self.user_treasurer.has_group("le97_base.group_receipt_admin"))
        self.assertFalse(self.user_volunteer.has_group("le97_base.group_treasurer"))
        self.assertTrue(
            self.env.ref("base.user_admin").has_group("le97_base.group_receipt_admin")
        )

    def test_menu_visibility(self):
        root = self.env.ref("le97_base.menu_le97_root")
        for user in (self.user_volunteer, self.user_treasurer, self.user_receipt_admin):
            with self.subTest(user=user.login):
                self.assertIn(root.id, self._visible_menus(user))
        self.assertNotIn(root.id, self._visible_menus(self.user_employee))
        identity_menu = self.env.ref("le97_base.res_company_fund_menu")
        self.assertIn(identity_menu.id, self._visible_menus(self.user_receipt_admin))
        self.assertNotIn(identity_menu.id, self._visible_menus(self.user_treasurer))
        self.assertNotIn(identity_menu.id, self._visible_menus(self.user_volunteer))

    def test_merchant_and_treasurer_cannot_change_identity(self):
        for user in (self.user_volunteer, self.user_treasurer, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).write({"fund_siren": "552100554"})
        self.assertFalse(self.company.fund_siren)

    def test_receipt_admin_changes_identity_only(self):
        company = self.company.with_user(self.user_receipt_admin)
        company.write(
            {
                "fund_siren": "552100554",
                "fund_rna": "W251234567",
                "fund_signatory_name": "Camille Durand",
            }
        )
        self.assertEqual(self.company.fund_siren, "552100554")
        # the rest of the company stays for the administrators
        with self.assertRaises(AccessError):
            company.write({"name": "Another name", "fund_rna": "W251234568"})
        self.assertEqual(self.company.name, "Fonds de test Le 97")
        self.assertEqual(self.company.fund_rna, "W251234567")

    def test_partner_roles(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.user_treasurer)
            .create(
                {
                    "name": "Jeanne Martin",
                    "le97_is_donor": True,
                    "le97_is_volunteer": True,
                }
            )
        )
        donors = self.env["res.partner"].search([("le97_is_donor", "=", True)])
        self.assertIn(partner, donors)
        with self.assertRaises(AccessError):
            partner.with_user(self.user_volunteer).write({"le97_is_donor": False})
        self.assertTrue(partner.le97_is_donor)

    def test_project_plan_kept(self):
        """A treasurer keeps analytic plans, but the plan of the fund's
        projects is neither deleted nor put under another plan."""
        plan = self.env["account.analytic.account"]._le97_project_plan()
        treasurer_plan = plan.with_user(self.user_treasurer)
        other = (
            self.env["account.analytic.plan"]
            .with_user(self.user_treasurer)
            .create({"name": "Financeurs"})
        )
        with self.assertRaises(UserError):
            treasurer_plan.unlink()
        with self.assertRaises(UserError):
            treasurer_plan.write({"parent_id": other.id})
        self.assertTrue(plan.exists())
        self.assertFalse(plan.parent_id)
        # its name and the other plans stay the treasurer's
        treasurer_plan.name = "Projets du 97"
        self.assertEqual(plan.name, "Projets du 97")
        other.unlink()
        self.assertFalse(other.exists())
