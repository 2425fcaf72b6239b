# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each role lands on its work after login.

The home screens are declared per role (``le97.home.action``) by the addons
installed; a user's *Home Action* follows their roles, unless an administrator
chose another one. The tests compute the expected screen from the declared
roles, so that they hold whichever Le 97 addons are installed, and name the
screens of this addon.
"""

import json
import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

SESSION_INFO = re.compile(r"odoo\.__session_info__ = (\{.*?\});\n", re.S)


def expected_home(user):
    """The screen of the user's role of highest priority."""
    rules = user.env["le97.home.action"].sudo().search([])
    groups = user.groups_id
    return next((r.action_id for r in rules if r.group_id in groups), rules.browse())


@tagged("post_install", "-at_install")
class TestHomeAction(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.volunteer_group = cls.env.ref("le97_base.group_volunteer")
        cls.treasurer_group = cls.env.ref("le97_base.group_treasurer")
        Action = cls.env["ir.actions.actions"]
        cls.hours_action = Action.browse(
            cls.env.ref("le97_base.le97_volunteer_hour_action").id
        )
        cls.other_action = Action.browse(cls.env.ref("base.action_partner_form").id)

    def _user(self, login, groups="base.group_user"):
        return new_test_user(self.env, login=login, groups=groups)

    def test_new_volunteer_lands_on_their_hours(self):
        user = self._user("home_volunteer", "base.group_user,le97_base.group_volunteer")
        self.assertEqual(user.action_id, self.hours_action)

    def test_user_added_to_the_group(self):
        user = self._user("home_added")
        self.assertFalse(user.action_id)
        user.write({"groups_id": [Command.link(self.volunteer_group.id)]})
        self.assertEqual(user.action_id, self.hours_action)

    def test_user_added_from_the_group(self):
        user = self._user("home_added_group")
        self.volunteer_group.write({"users": [Command.link(user.id)]})
        self.assertEqual(user.action_id, self.hours_action)

    def test_user_added_from_the_user_form(self):
        """The user form sends its check boxes and selections, not groups_id."""
        user = self._user("home_form")
        group_id = self.volunteer_group.id
        field = next(
            name
            for name in user.fields_get()
            if name.startswith(("in_group_", "sel_groups_"))
            and str(group_id) in name.split("_")
        )
        user.write({field: True if field.startswith("in_group_") else group_id})
        self.assertTrue(user.has_group("le97_base.group_volunteer"))
        self.assertEqual(user.action_id, self.hours_action)

    def test_the_higher_role_wins(self):
        user = self._user(
            "home_both", "le97_base.group_volunteer,le97_base.group_treasurer"
        )
        self.assertEqual(user.action_id, expected_home(user))
        self.assertNotEqual(user.action_id, self.hours_action)
        treasurer_rules = self.env["le97.home.action"].search(
            [("group_id", "=", self.treasurer_group.id)]
        )
        self.assertIn(user.action_id, treasurer_rules.action_id)

    def test_home_action_chosen_by_the_admin_is_kept(self):
        user = self._user("home_chosen")
        user.action_id = self.other_action
        user.write({"groups_id": [Command.link(self.treasurer_group.id)]})
        self.assertEqual(user.action_id, self.other_action)
        user.write({"groups_id": [Command.unlink(self.treasurer_group.id)]})
        self.assertEqual(user.action_id, self.other_action)

    def test_user_who_leaves_the_role(self):
        user = self._user("home_leaves", "base.group_user,le97_base.group_volunteer")
        user.write({"groups_id": [Command.unlink(self.volunteer_group.id)]})
        self.assertFalse(user.action_id)

    def test_new_screen_declared_for_a_role(self):
        """An addon installed later moves the role's users to its screen, and
        back when it goes."""
        user = self._user("home_later", "base.group_user,le97_base.group_volunteer")
        chosen = self._user("home_later_chosen", "base.group_user")
        chosen.action_id = self.other_action
        chosen.write({"groups_id": [Command.link(self.volunteer_group.id)]})
        rule = self.env["le97.home.action"].create(
            {
                "group_id": self.volunteer_group.id,
                "action_id": self.env.ref("le97_base.res_partner_le97_action").id,
                "priority": 1000,
            }
        )
        self.assertEqual(user.action_id, rule.action_id)
        self.assertEqual(chosen.action_id, self.other_action)
        rule.unlink()
        self.assertEqual(user.action_id, self.hours_action)
        self.assertEqual(chosen.action_id, self.other_action)

    def test_home_screens_open_in_the_le97_app(self):
        """The web client opens an action in the app of the first menu (by id)
        that shows it: a home screen of the Le 97 menu is not shown by another
        app's menu first."""
        root = self.env.ref("le97_base.menu_le97_root")
        Menu = self.env["ir.ui.menu"].with_context(**{"ir.ui.menu.full_list": True})
        le97_menus = Menu.search([("id", "child_of", root.id)])
        for action in self.env["le97.home.action"].search([]).action_id:
            menus = Menu.search(
                [("action", "=", f"{action.type},{action.id}")], order="id"
            )
            if not menus & le97_menus:
                continue  # another app's screen, e.g. the accounting dashboard
            with self.subTest(action=action.name):
                self.assertIn(menus[0], le97_menus)

    def test_users_at_install(self):
        """The users who had a role when the addons were installed got its
        screen (the administrator is a receipts administrator)."""
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.action_id)
        self.assertEqual(admin.action_id, expected_home(admin))


@tagged("post_install", "-at_install")
class TestHomeActionLogin(HttpCase):
    def _landing(self, login):
        """The home action the web client opens after ``login`` logs in."""
        self.authenticate(login, login)
        response = self.url_open("/odoo")
        self.assertEqual(response.status_code, 200)
        match = SESSION_INFO.search(response.text)
        self.assertTrue(match, "the web client page carries its session info")
        return self.env["ir.actions.actions"].browse(
            json.loads(match.group(1))["home_action_id"] or []
        )

    def test_each_role_lands_on_its_screen(self):
        rules = self.env["le97.home.action"].search([])
        self.assertTrue(rules)
        for group in rules.group_id:
            xmlid = group.get_external_id()[group.id]
            login = "home_login_" + xmlid.replace(".", "_")
            user = new_test_user(self.env, login=login, groups=xmlid)
            with self.subTest(role=xmlid):
                self.assertTrue(user.action_id)
                self.assertEqual(self._landing(login), expected_home(user))

    def test_volunteer_lands_on_their_hours(self):
        new_test_user(
            self.env, login="home_login_volunteer", groups="le97_base.group_volunteer"
        )
        self.assertEqual(
            self._landing("home_login_volunteer").id,
            self.env.ref("le97_base.le97_volunteer_hour_action").id,
        )
