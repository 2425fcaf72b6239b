# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from odoo.tests import HttpCase, new_test_user, tagged

SESSION_INFO = re.compile(r"odoo\.__session_info__ = (\{.*?\});\n", re.S)


@tagged("post_install", "-at_install")
class TestTreasurerHomeAction(HttpCase):
    """Treasurers and receipts administrators land on the dashboard, which
    shows the gifts and receipts of this addon."""

    def test_treasurers_land_on_the_dashboard(self):
        dashboard = self.env.ref("le97_base.le97_dashboard_action")
        for group in ("le97_base.group_treasurer", "le97_base.group_receipt_admin"):
            login = "home_" + group.split(".")[1]
            with self.subTest(group=group):
                user = new_test_user(self.env, login=login, groups=group)
                self.assertEqual(user.action_id.id, dashboard.id)
                self.authenticate(login, login)
                page = self.url_open("/odoo")
                session_info = json.loads(SESSION_INFO.search(page.text).group(1))
                self.assertEqual(session_info["home_action_id"], dashboard.id)
