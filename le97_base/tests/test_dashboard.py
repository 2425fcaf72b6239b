# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import Le97Common, add_test_users


def dashboard_cards(data):
    """``{key: card}`` of a ``get_dashboard_data`` answer."""
    return {
        card["key"]: card for section in data["sections"] for card in section["cards"]
    }


class DashboardMixin:
    """Helpers shared by the dashboard tests of the Le 97 addons."""

    def _dashboard(self, user, **kwargs):
        return self.env["le97.dashboard"].with_user(user).get_dashboard_data(**kwargs)

    def _cards(self, user, **kwargs):
        return dashboard_cards(self._dashboard(user, **kwargs))

    def _records_of(self, action, user):
        """Run the domain of a card's (or row's) action as ``user``."""
        return (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .search(action["domain"])
        )

    def _total(self, card):
        """The sum of a card's rows."""
        return sum(row["value"] for row in card["rows"])

    def _rows_by(self, card, field):
        """``{value of field: row value}`` of a card's rows, from the domain
        each row adds to its card's (language-proof, unlike the labels)."""
        result = {}
        for row in card["rows"]:
            [term] = [
                term
                for term in row["action"]["domain"]
                if term not in card["action"]["domain"] and term[0] == field
            ]
            result[term[2]] = row["value"]
        return result

    def _dashboard_queries(self, user):
        """The queries of one call of the dashboard, the records' cache emptied
        (the caches of groups and access rights warmed by a first call)."""
        # the same call first, on an empty cache too: the record rules and
        # access rights it checks are then cached
        self.env.flush_all()
        self.env.invalidate_all()
        self._dashboard(user)
        self.env.invalidate_all()
        queries = []
        execute = self.env.cr.execute

        def record(query, *args, **kwargs):
            queries.append(str(query))
            return execute(query, *args, **kwargs)

        count = self.env.cr.sql_log_count
        with patch.object(self.env.cr, "execute", record):
            self._dashboard(user)
        self.assertTrue(queries)
        self.assertEqual(len(queries), self.env.cr.sql_log_count - count)
        return queries

    def assertQueriesDoNotGrow(self, few, many):
        self.assertEqual(
            len(many),
            len(few),
            "\n".join(
                [
                    "queries added:",
                    *(q for q in many if q not in few),
                    "queries gone:",
                    *(q for q in few if q not in many),
                ]
            ),
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestDashboard(DashboardMixin, Le97Common):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Project = cls.env["account.analytic.account"]
        plan = Project._le97_project_plan()
        cls.garden, cls.climate = Project.create(
            [
                {"name": "Jardin du Ravelin", "plan_id": plan.id, "company_id": False},
                {"name": "Club Climat", "plan_id": plan.id, "company_id": False},
            ]
        )
        cls.bar = cls.env["le97.volunteer.activity"].create(
            {"name": "Bar", "company_id": cls.company.id}
        )
        add_test_users(
            cls,
            cls.company,
            volunteer_b=("le97_volunteer_b", "le97_base.group_volunteer"),
        )
        cls.hours = cls._hours(
            (cls.user_volunteer, "2026-01-10", 3.0, cls.garden),
            (cls.volunteer_b, "2026-03-04", 2.0, cls.garden),
            (cls.volunteer_b, "2026-05-20", 4.5, cls.climate),
            (cls.user_volunteer, "2026-06-01", 1.5, False),
            # another year: not on this year's dashboard
            (cls.user_volunteer, "2025-12-31", 7.0, cls.garden),
        )

    @classmethod
    def _hours(cls, *lines, company=None):
        return cls.env["le97.volunteer.hour"].create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "date": date,
                    "hours": hours,
                    "activity_id": cls.bar.id,
                    "le97_project_id": project.id if project else False,
                    "company_id": (company or cls.company).id,
                }
                for user, date, hours, project in lines
            ]
        )

    def test_treasurer_sees_the_hours_of_the_year_by_project(self):
        data = self._dashboard(self.user_treasurer)
        self.assertEqual(data["year"], 2026)
        self.assertEqual(data["company"], self.company.name)
        card = dashboard_cards(data)["volunteer_hours"]
        self.assertEqual(card["section"], "volunteering")
        self.assertEqual(
            self._rows_by(card, "le97_project_id"),
            {self.garden.id: 5.0, self.climate.id: 4.5, False: 1.5},
        )
        self.assertEqual(card["rows"][0]["label"], "Jardin du Ravelin")
        # the largest first, the others against it
        self.assertEqual([row["ratio"] for row in card["rows"]], [1.0, 0.9, 0.3])
        self.assertIn("11", card["figure"])
        self.assertEqual(
            self._records_of(card["action"], self.user_treasurer),
            self.hours[:4],
        )
        garden_row = card["rows"][0]
        self.assertEqual(
            self._records_of(garden_row["action"], self.user_treasurer),
            self.hours[:2],
        )
        action = card["action"]
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["res_model"], "le97.volunteer.hour")
        self.assertEqual(action["views"][0], [False, "pivot"])
        self.assertEqual(action["context"]["pivot_row_groupby"], ["le97_project_id"])

    def test_volunteer_gets_only_their_own_hours(self):
        data = self._dashboard(self.user_volunteer)
        cards = dashboard_cards(data)
        # whatever addons are installed: the gifts, the Pive and the exchange
        # office are not a volunteer's
        self.assertEqual(list(cards), ["volunteer_hours"])
        self.assertEqual([s["key"] for s in data["sections"]], ["volunteering"])
        card = cards["volunteer_hours"]
        self.assertEqual(
            self._rows_by(card, "le97_project_id"), {self.garden.id: 3.0, False: 1.5}
        )
        self.assertEqual(
            self._records_of(card["action"], self.user_volunteer),
            self.hours[0] | self.hours[3],
        )

    def test_employee_gets_no_dashboard(self):
        with self.assertRaises(AccessError):
            self._dashboard(self.user_employee)

    def test_current_company_only(self):
        other = self.env["res.company"].create({"name": "Autre fonds"})
        activity = self.env["le97.volunteer.activity"].create(
            {"name": "Accueil", "company_id": other.id}
        )
        other_hours = self.env["le97.volunteer.hour"].create(
            {
                "partner_id": self.user_volunteer.partner_id.id,
                "date": "2026-02-02",
                "hours": 6.0,
                "activity_id": activity.id,
                "company_id": other.id,
            }
        )
        self.user_treasurer.company_ids |= other
        card = self._cards(self.user_treasurer)["volunteer_hours"]
        self.assertEqual(self._total(card), 11.0)
        other_card = self._cards(self.user_treasurer, company_id=other.id)[
            "volunteer_hours"
        ]
        self.assertEqual(self._rows_by(other_card, "le97_project_id"), {False: 6.0})
        self.assertEqual(
            self._records_of(other_card["action"], self.user_treasurer), other_hours
        )
        # a company the user does not work in is refused
        third = self.env["res.company"].create({"name": "Fonds étranger"})
        with self.assertRaises(AccessError):
            self._dashboard(self.user_treasurer, company_id=third.id)

    def test_empty_year(self):
        with freeze_time("2030-03-01"):
            card = self._cards(self.user_treasurer)["volunteer_hours"]
        self.assertEqual(card["rows"], [])
        self.assertFalse(self._records_of(card["action"], self.user_treasurer))

    def test_queries_do_not_grow_with_the_records(self):
        few = self._dashboard_queries(self.user_treasurer)
        self._hours(
            *[
                (self.volunteer_b, f"2026-0{1 + n % 5}-1{n % 10}", 1.0, project)
                for n in range(50)
                for project in (self.garden, self.climate, False)
            ]
        )
        many = self._dashboard_queries(self.user_treasurer)
        self.assertQueriesDoNotGrow(few, many)
        card = self._cards(self.user_treasurer)["volunteer_hours"]
        self.assertEqual(self._total(card), 161.0)

    def test_treasurers_land_on_the_dashboard(self):
        dashboard = self.env.ref("le97_base.le97_dashboard_action")
        self.assertEqual(self.user_treasurer.action_id.id, dashboard.id)
        self.assertEqual(self.user_receipt_admin.action_id.id, dashboard.id)
        self.assertNotEqual(self.user_volunteer.action_id.id, dashboard.id)

    def test_menu_for_treasurers_first(self):
        menu = self.env.ref("le97_base.le97_dashboard_menu")
        root = self.env.ref("le97_base.menu_le97_root")
        Menu = self.env["ir.ui.menu"]
        for user in (self.user_treasurer, self.user_receipt_admin):
            visible = Menu.with_user(user)._visible_menu_ids()
            first = root.child_id.filtered(lambda m, v=visible: m.id in v).sorted(
                "sequence"
            )[0]
            self.assertEqual(first, menu)
        for user in (self.user_volunteer, self.user_employee):
            self.assertNotIn(menu.id, Menu.with_user(user)._visible_menu_ids())
