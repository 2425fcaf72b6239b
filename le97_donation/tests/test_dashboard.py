# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.le97_base.tests.test_dashboard import DashboardMixin
from odoo.addons.le97_base.tests.test_dashboard_tour import DashboardScreenshotMixin

from .common import Le97DonationCommon

GIFT_CARDS = (
    "gifts_by_month",
    "gifts_by_project",
    "gifts_by_means",
    "receipts_issued",
    "gifts_to_receipt",
)


class DashboardGiftsCommon(Le97DonationCommon):
    """Gifts of 2026 on two projects, paid by cheque and by transfer, one
    receipted, three waiting for their yearly receipt (one of 2025)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Analytic = cls.env["account.analytic.account"]
        plan = Analytic._le97_project_plan()
        cls.garden, cls.climate = Analytic.create(
            [
                {"name": "Jardin du Ravelin", "plan_id": plan.id, "company_id": False},
                {"name": "Club Climat", "plan_id": plan.id, "company_id": False},
            ]
        )
        year = cls.today.year
        cls.receipted = cls._validated_donation(
            amount=100.0,
            donation_date=datetime.date(year, 1, 12),
            le97_project_id=cls.garden.id,
        )
        cls.march = cls._validated_donation(
            amount=50.0,
            donation_date=datetime.date(year, 3, 3),
            method_line=cls.method_line,
            tax_receipt_option="annual",
            le97_project_id=cls.garden.id,
        ) | cls._validated_donation(
            partner=cls.company_donor,
            amount=30.0,
            donation_date=datetime.date(year, 3, 20),
            tax_receipt_option="annual",
            le97_project_id=cls.climate.id,
        )
        cls.no_receipt = cls._validated_donation(
            amount=20.0,
            donation_date=cls.today,
            method_line=cls.method_line,
            tax_receipt_option="none",
        )
        cls.last_year = cls._validated_donation(
            amount=70.0,
            donation_date=datetime.date(year - 1, 12, 20),
            tax_receipt_option="annual",
            le97_project_id=cls.garden.id,
        )
        # a draft is no gift yet
        cls.draft = cls.env["donation.donation"].create(
            cls._donation_vals(amount=1000.0, le97_project_id=cls.garden.id)
        )
        cls.gifts_of_the_year = cls.receipted | cls.march | cls.no_receipt


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestDashboardGifts(DashboardMixin, DashboardGiftsCommon):
    def test_gifts_by_month(self):
        card = self._cards(self.user_treasurer)["gifts_by_month"]
        self.assertEqual(card["section"], "gifts")
        self.assertEqual(card["chart"], "columns")
        self.assertIn("200", card["figure"])
        self.assertEqual(
            [row["value"] for row in card["rows"]],
            [100.0, 0, 80.0, 0, 0, 20.0, 0, 0, 0, 0, 0, 0],
        )
        self.assertEqual(
            self._records_of(card["action"], self.user_treasurer),
            self.gifts_of_the_year,
        )
        self.assertEqual(
            self._records_of(card["rows"][2]["action"], self.user_treasurer),
            self.march,
        )
        self.assertFalse(
            self._records_of(card["rows"][1]["action"], self.user_treasurer)
        )
        # the card opens Odoo's graph by month, its pivot by project
        action = card["action"]
        self.assertEqual(action["res_model"], "donation.donation")
        self.assertEqual(action["views"][0], [False, "graph"])
        self.assertEqual(action["context"]["graph_groupbys"], ["donation_date:month"])
        self.assertEqual(action["context"]["pivot_row_groupby"], ["le97_project_id"])
        # a row opens its records in a list
        self.assertEqual(card["rows"][2]["action"]["views"][0], [False, "list"])

    def test_gifts_by_project(self):
        card = self._cards(self.user_treasurer)["gifts_by_project"]
        self.assertEqual(
            self._rows_by(card, "le97_project_id"),
            {self.garden.id: 150.0, self.climate.id: 30.0, False: 20.0},
        )
        self.assertEqual(card["rows"][0]["label"], "Jardin du Ravelin")
        self.assertEqual(
            self._records_of(card["rows"][0]["action"], self.user_treasurer),
            self.receipted | self.march[0],
        )
        self.assertEqual(
            self._records_of(card["rows"][2]["action"], self.user_treasurer),
            self.no_receipt,
        )

    def test_gifts_by_means_of_payment(self):
        card = self._cards(self.user_treasurer)["gifts_by_means"]
        self.assertEqual(
            self._rows_by(card, "payment_method_line_id"),
            {self.cheque_line.id: 130.0, self.method_line.id: 70.0},
        )
        self.assertEqual(
            card["rows"][0]["label"],
            self.cheque_line.with_user(self.user_treasurer).display_name,
        )
        self.assertEqual(
            self._records_of(card["rows"][1]["action"], self.user_treasurer),
            self.march[0] | self.no_receipt,
        )
        self.assertIn("4", card["caption"])

    def test_receipts_issued(self):
        receipt = self.receipted.tax_receipt_id
        self.assertEqual(receipt.state, "issued")
        card = self._cards(self.user_treasurer)["receipts_issued"]
        self.assertEqual(card["figure"], "1")
        self.assertIn("100", card["caption"])
        self.assertEqual(self._records_of(card["action"], self.user_treasurer), receipt)
        self.assertEqual(len(card["rows"]), 1)
        self.assertEqual(card["rows"][0]["value"], 1)

    def test_gifts_still_to_receipt(self):
        card = self._cards(self.user_treasurer)["gifts_to_receipt"]
        # the yearly receipts of last year's gifts are still to issue
        self.assertEqual(card["figure"], "3")
        self.assertIn("150", card["caption"])
        self.assertEqual(
            self._records_of(card["action"], self.user_treasurer),
            self.march | self.last_year,
        )
        # once the yearly receipts are issued, nothing is left
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.user_admin)
            .create({"year": 2025})
        )
        wizard.action_issue()
        card = self._cards(self.user_treasurer)["gifts_to_receipt"]
        self.assertEqual(
            self._records_of(card["action"], self.user_treasurer), self.march
        )

    def test_who_sees_the_gifts(self):
        for user in (self.user_treasurer, self.user_admin):
            with self.subTest(user=user.login):
                cards = self._cards(user)
                self.assertTrue(set(GIFT_CARDS) <= set(cards))
        cards = self._cards(self.user_volunteer)
        self.assertFalse(set(GIFT_CARDS) & set(cards))
        # an employee reads OCA's donations but is no treasurer
        employee = new_test_user(self.env, login="dash_employee")
        self.assertTrue(
            self.env["donation.donation"].with_user(employee).has_access("read")
        )
        with self.assertRaises(AccessError):
            self._dashboard(employee)

    def test_current_company_only(self):
        for key in GIFT_CARDS:
            with self.subTest(card=key):
                action = self._cards(self.user_treasurer)[key]["action"]
                self.assertIn(("company_id", "=", self.company.id), action["domain"])

    def test_queries_do_not_grow_with_the_gifts(self):
        few = self._dashboard_queries(self.user_treasurer)
        donations = self.env["donation.donation"].create(
            [
                self._donation_vals(
                    amount=10.0 + n,
                    donation_date=datetime.date(2026, 1 + n % 5, 1 + n % 28),
                    tax_receipt_option="annual",
                    method_line=(self.cheque_line, self.method_line)[n % 2],
                    le97_project_id=(self.garden, self.climate)[n % 2].id,
                )
                for n in range(50)
            ]
        )
        donations.validate()
        many = self._dashboard_queries(self.user_treasurer)
        self.assertQueriesDoNotGrow(few, many)
        card = self._cards(self.user_treasurer)["gifts_to_receipt"]
        self.assertEqual(card["figure"], "53")


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestDashboardGiftsTour(DashboardScreenshotMixin, DashboardGiftsCommon, HttpCase):
    """A treasurer lands on the dashboard, opens the gifts by month in Odoo's
    graph view, clicks a month there and gets its gifts."""

    browser_size = "1366x1000"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_treasurer.lang = "fr_FR"

    def test_gifts_by_month_tour(self):
        with self._le97_screenshot_at_the_end("le97_dashboard_gifts_") as shots:
            self.start_tour("/odoo", "le97_dashboard_gifts_tour", login="don_treasurer")
        self._le97_check_screenshot(shots)
