# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen of the "Le 97" menu opens for each role that sees it.

What the web client does when a person clicks a menu is replayed here as each
Le 97 role: the action's views are loaded, its records read with the fields of
its list (or kanban) view, and the "new" form built with its defaults and
onchange, as a browser sends it. Run after every installed addon is loaded, it
covers the menus of all the Le 97 addons present, on databases with and
without demo data. A screen a role may not use must not be offered to it, and
refuses with a clear access error.
"""

import ast

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestMenuActions(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.companies = cls.env["res.company"].search([])
        # one user per group of the "Le 97" category, that of each addon
        # installed included (the local currency's merchants…)
        groups = cls.env["res.groups"].search(
            [("category_id", "=", cls.env.ref("le97_base.module_category_le97").id)]
        )
        cls.users = {}
        for group in groups:
            xmlid = group.get_external_id()[group.id]
            cls.users[xmlid] = new_test_user(
                cls.env,
                login=f"le97_menu_{xmlid.replace('.', '_')}",
                groups=xmlid,
                company_id=cls.company.id,
                company_ids=cls.companies.ids,
            )
        root = cls.env.ref("le97_base.menu_le97_root")
        cls.menus = cls.env["ir.ui.menu"].search(
            [("id", "child_of", root.id), ("action", "!=", False)]
        )

    def _eval(self, text, user, default):
        if not text:
            return default
        try:
            return safe_eval(
                text,
                {
                    "uid": user.id,
                    "user": user,
                    "context": {},
                    "active_id": False,
                    "active_ids": [],
                    "allowed_company_ids": self.company.ids,
                    "current_company_id": self.company.id,
                },
            )
        except Exception:  # a context the client fills itself
            return ast.literal_eval(text) if text.startswith(("{", "[")) else default

    def _open(self, action, user, companies):
        """Replay the web client on one window action, as ``user``."""
        context = {
            **self._eval(action.context, user, {}),
            "allowed_company_ids": companies.ids,
        }
        env = self.env(user=user, context=context)
        Model = env[action.res_model]
        modes = [m for m in action.view_mode.split(",") if m]
        views = Model.get_views(
            [(False, mode) for mode in modes] + [(False, "search")],
            {"action_id": action.id, "load_filters": True},
        )
        fields = views["models"][action.res_model]["fields"]
        for mode in ("list", "kanban"):
            if mode not in modes:
                continue
            # the fields the view shows, as the client asks for them
            arch = etree.fromstring(views["views"][mode]["arch"])
            names = {node.get("name") for node in arch.iter("field")} & set(fields)
            Model.web_search_read(
                self._eval(action.domain, user, []),
                {name: {} for name in names},
                limit=80,
                count_limit=81,
            )
        if "form" in modes or action.target == "new":
            try:
                Model.check_access("create")
            except AccessError:
                return
            form_view = action.view_id if action.view_id.type == "form" else None
            Form(Model, view=form_view)

    def test_every_menu_opens_for_each_role(self):
        self.assertTrue(self.menus, "the Le 97 menu has screens")
        opened = 0
        for role, user in self.users.items():
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for menu in self.menus.filtered(lambda m, v=visible: m.id in v):
                action = menu.action.sudo()
                if action._name != "ir.actions.act_window":
                    continue
                for companies in (self.company, self.companies):
                    with self.subTest(
                        role=role, menu=menu.complete_name, companies=companies.ids
                    ):
                        self._open(action, user, companies)
                        opened += 1
        self.assertGreater(opened, len(self.users))

    def test_hidden_screens_refuse_clearly(self):
        """A role that does not see a screen cannot read its records either."""
        for role, user in self.users.items():
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            hidden = self.menus.filtered(lambda m, v=visible: m.id not in v)
            for menu in hidden:
                action = menu.action.sudo()
                if action._name != "ir.actions.act_window":
                    continue
                Model = self.env[action.res_model].with_user(user)
                if Model._transient or Model.has_access("read"):
                    # e.g. contacts, readable by every employee, behind
                    # another menu; their record rules are tested per addon
                    continue
                with (
                    self.subTest(role=role, menu=menu.complete_name),
                    self.assertRaises(AccessError),
                ):
                    Model.search([], limit=1)
