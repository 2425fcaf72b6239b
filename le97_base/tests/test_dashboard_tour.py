# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import contextlib
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser, save_test_file

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class DashboardScreenshotMixin:
    """Take a screenshot of the page a tour ends on (Odoo only takes them
    when a tour fails), saved with the tour screenshots (``--screenshots``)."""

    @contextlib.contextmanager
    def _le97_screenshot_at_the_end(self, prefix):
        shots = []
        stop = ChromeBrowser.stop

        def stop_after_screenshot(browser):
            if getattr(browser, "ws", None) and not browser.had_failure:
                answer = browser._websocket_request(
                    "Page.captureScreenshot", timeout=30
                )
                png = base64.b64decode(answer["data"])
                save_test_file(type(self).__name__, png, prefix)
                shots.append(png)
            stop(browser)

        with patch.object(ChromeBrowser, "stop", stop_after_screenshot):
            yield shots

    def _le97_check_screenshot(self, shots):
        """One PNG as wide as the browser."""
        self.assertEqual(len(shots), 1)
        png = shots[0]
        self.assertEqual(png[:8], PNG_SIGNATURE)
        width = int.from_bytes(png[16:20], "big")
        self.assertEqual(width, int(self.browser_size.replace(",", "x").split("x")[0]))


@tagged("post_install", "-at_install")
class TestDashboardTour(DashboardScreenshotMixin, HttpCase):
    """A treasurer lands on the dashboard and opens the records behind it."""

    browser_size = "1366x1000"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # in French, as the fund works (the labels a database without French
        # shows in English)
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.treasurer = new_test_user(
            cls.env,
            login="le97_dash_treasurer",
            groups="le97_base.group_treasurer",
            lang="fr_FR",
        )
        company = cls.treasurer.company_id
        plan = cls.env["account.analytic.account"]._le97_project_plan()
        garden, climate = cls.env["account.analytic.account"].create(
            [
                {"name": "Jardin du Ravelin", "plan_id": plan.id, "company_id": False},
                {"name": "Club Climat", "plan_id": plan.id, "company_id": False},
            ]
        )
        activity = cls.env["le97.volunteer.activity"].create(
            {"name": "Bar", "company_id": company.id}
        )
        today = cls.env["le97.volunteer.hour"].default_get(["date"])["date"]
        cls.env["le97.volunteer.hour"].create(
            [
                {
                    "partner_id": cls.treasurer.partner_id.id,
                    "date": today,
                    "hours": hours,
                    "activity_id": activity.id,
                    "le97_project_id": project.id,
                    "company_id": company.id,
                }
                for hours, project in ((4.0, garden), (2.5, climate))
            ]
        )

    def test_treasurer_dashboard(self):
        with self._le97_screenshot_at_the_end("le97_dashboard_desktop_") as shots:
            self.start_tour("/odoo", "le97_dashboard_tour", login="le97_dash_treasurer")
        self._le97_check_screenshot(shots)


@tagged("post_install", "-at_install")
class TestDashboardTourPhone(TestDashboardTour):
    """The same on a phone (390 px wide, touch screen)."""

    browser_size = "390x844"
    touch_enabled = True

    def test_treasurer_dashboard(self):
        with self._le97_screenshot_at_the_end("le97_dashboard_phone_") as shots:
            self.start_tour("/odoo", "le97_dashboard_tour", login="le97_dash_treasurer")
        self._le97_check_screenshot(shots)
