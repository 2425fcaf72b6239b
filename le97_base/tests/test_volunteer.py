# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .books_common import Le97BooksCommon
from .common import add_test_users


@tagged("post_install", "-at_install")
class TestVolunteers(Le97BooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        add_test_users(
            cls,
            cls.company,
            user_volunteer=("le97_vol_a", "le97_base.group_volunteer"),
            user_volunteer_b=("le97_vol_b", "le97_base.group_volunteer"),
            user_treasurer=("le97_bk_treas", "le97_base.group_treasurer"),
        )
        Activity = cls.env["le97.volunteer.activity"]
        cls.bar = Activity.create(
            {
                "name": "Bar",
                "company_id": cls.company.id,
                "rate_ids": [
                    Command.create({"year": 2025, "hourly_rate": 12.0}),
                    Command.create({"year": 2024, "hourly_rate": 11.0}),
                ],
            }
        )
        cls.garden = Activity.create(
            {
                "name": "Jardin du Ravelin",
                "company_id": cls.company.id,
                "rate_ids": [Command.create({"year": 2025, "hourly_rate": 20.0})],
            }
        )
        Hour = cls.env["le97.volunteer.hour"]
        partner_a = cls.user_volunteer.partner_id
        partner_b = cls.user_volunteer_b.partner_id
        cls.hours = Hour.create(
            [
                {
                    "partner_id": partner_a.id,
                    "date": "2025-01-10",
                    "hours": 10.0,
                    "activity_id": cls.bar.id,
                    "company_id": cls.company.id,
                },
                {
                    "partner_id": partner_b.id,
                    "date": "2025-07-14",
                    "hours": 5.5,
                    "activity_id": cls.bar.id,
                    "company_id": cls.company.id,
                },
                {
                    "partner_id": partner_b.id,
                    "date": "2025-12-31",
                    "hours": 3.0,
                    "activity_id": cls.garden.id,
                    "company_id": cls.company.id,
                },
                {
                    "partner_id": partner_a.id,
                    "date": "2024-12-31",
                    "hours": 7.0,
                    "activity_id": cls.bar.id,
                    "company_id": cls.company.id,
                },
                {
                    "partner_id": partner_a.id,
                    "date": "2026-01-01",
                    "hours": 2.0,
                    "activity_id": cls.garden.id,
                    "company_id": cls.company.id,
                },
            ]
        )

    def _valuation(self, year=2025):
        return self.env["le97.cvn.valuation"].create(
            {"year": year, "company_id": self.company.id}
        )

    def test_valuation_two_rates_entries(self):
        self.company.le97_cvn_mode = "entries"
        valuation = self._valuation()
        valuation.action_compute_hours()
        amounts = {
            line.activity_id: (line.hours, line.rate, line.amount)
            for line in valuation.line_ids
        }
        self.assertEqual(amounts[self.bar], (15.5, 12.0, 186.0))
        self.assertEqual(amounts[self.garden], (3.0, 20.0, 60.0))
        self.assertEqual(valuation.total_hours, 18.5)
        # goods received in kind, valued by hand
        valuation.line_ids = [
            Command.create(
                {"kind": "goods", "name": "Frigo donné", "amount_manual": 150.0}
            )
        ]
        self.assertEqual(valuation.amount_total, 396.0)
        valuation.action_validate()
        move = valuation.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company.le97_cvn_journal_id)
        self.assertEqual(str(move.date), "2025-12-31")
        lines = move.line_ids
        self.assertEqual(sum(lines.mapped("debit")), sum(lines.mapped("credit")))
        by_code = {}
        for line in lines:
            by_code.setdefault(line.account_id.code, 0.0)
            by_code[line.account_id.code] += line.debit - line.credit
        self.assertEqual(
            by_code,
            {"864000": 246.0, "875000": -246.0, "860000": 150.0, "870000": -150.0},
        )
        self.assertTrue(move.inalterable_hash)
        with self.assertRaises(UserError):
            move.unlink()
        # reset reverses the entry, never deletes it
        valuation.action_reset_to_draft()
        self.assertEqual(valuation.state, "draft")
        self.assertEqual(move.state, "posted")
        self.assertTrue(move.reversal_move_ids)

    def test_valuation_statement_mode_posts_nothing(self):
        self.company.le97_cvn_mode = "statement"
        valuation = self._valuation()
        valuation.action_compute_hours()
        moves_before = self.env["account.move"].search_count([])
        valuation.action_validate()
        self.assertEqual(valuation.state, "done")
        self.assertFalse(valuation.move_id)
        self.assertEqual(valuation.amount_total, 246.0)
        self.assertEqual(self.env["account.move"].search_count([]), moves_before)

    def test_valuation_of_a_year_closing_on_30_june(self):
        """A fund closing on 30 June values the time of its financial year
        (July to June) and books it on 30 June; the statement of a financial
        year counts the valuation closing in it, once."""
        self.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        # a new valuation is of the financial year last closed
        with freeze_time("2025-10-15"):
            Valuation = self.env["le97.cvn.valuation"].with_company(self.company)
            self.assertEqual(Valuation.default_get(["year"])["year"], 2025)
        self.company.le97_cvn_mode = "entries"
        valuation = self._valuation(2025)
        valuation.action_compute_hours()
        # 1 July 2024 - 30 June 2025: the bar's 7 h and 10 h, at the 2025 rate
        self.assertEqual(valuation.total_hours, 17.0)
        self.assertEqual(valuation.amount_total, 204.0)
        valuation.action_validate()
        self.assertEqual(str(valuation.move_id.date), "2025-06-30")
        valuation.action_reset_to_draft()
        self.company.le97_cvn_mode = "statement"
        valuation.action_validate()
        Wizard = self.env["le97.statement.wizard"]
        wizard = Wizard.create(
            {
                "company_id": self.company.id,
                "date_from": "2024-07-01",
                "date_to": "2025-06-30",
            }
        )
        self.assertEqual(
            wizard._get_cvn_statement_amounts(wizard.date_from, wizard.date_to),
            {"87": 204.0, "86": 204.0},
        )
        following = wizard._get_cvn_statement_amounts(
            fields.Date.to_date("2025-07-01"), fields.Date.to_date("2026-06-30")
        )
        self.assertEqual(following, {"87": 0, "86": 0})

    def test_missing_rate(self):
        valuation = self._valuation(2026)
        with self.assertRaises(UserError) as cm:
            valuation.action_compute_hours()
        self.assertIn("Jardin du Ravelin", str(cm.exception))
        self.assertFalse(valuation.line_ids)

    def test_bad_hours(self):
        with self.assertRaises(ValidationError):
            self.env["le97.volunteer.hour"].create(
                {
                    "date": "2025-02-01",
                    "hours": 25.0,
                    "activity_id": self.bar.id,
                    "company_id": self.company.id,
                }
            )
        self.assertFalse(self.env["le97.volunteer.hour"].search([("hours", "=", 25.0)]))

    def test_project_must_be_a_project_of_the_fund(self):
        """Hours and contributions in kind carry a project of the fund of
        their company, nothing else (an RPC call could give any account)."""
        Analytic = self.env["account.analytic.account"]
        other_plan = self.env["account.analytic.plan"].create({"name": "Autre axe"})
        outside = Analytic.create({"name": "Hors projets", "plan_id": other_plan.id})
        plan = Analytic._le97_project_plan()
        other_company = self.env["res.company"].create({"name": "Autre fonds"})
        foreign = Analytic.create(
            {
                "name": "Projet ailleurs",
                "plan_id": plan.id,
                "company_id": other_company.id,
            }
        )
        project = Analytic.create(
            {"name": "Club Climat", "plan_id": plan.id, "company_id": self.company.id}
        )
        Hour = self.env["le97.volunteer.hour"].with_user(self.user_volunteer)
        vals = {"date": "2025-02-01", "hours": 2.0, "activity_id": self.bar.id}
        with self.assertRaises(ValidationError):
            Hour.create({**vals, "le97_project_id": outside.id})
        # the company check (a UserError, not a record rule's AccessError)
        with self.assertRaises(UserError) as refusal:
            Hour.create({**vals, "le97_project_id": foreign.id})
        self.assertIs(type(refusal.exception), UserError)
        self.assertFalse(
            self.env["le97.volunteer.hour"].search([("date", "=", "2025-02-01")])
        )
        hour = Hour.create({**vals, "le97_project_id": project.id})
        self.assertEqual(hour.le97_project_id, project)
        valuation = self._valuation()
        line_vals = {
            "valuation_id": valuation.id,
            "kind": "goods",
            "name": "Graines",
            "amount_manual": 30.0,
        }
        CvnLine = self.env["le97.cvn.valuation.line"]
        with self.assertRaises(ValidationError):
            CvnLine.create({**line_vals, "le97_project_id": outside.id})
        with self.assertRaises(UserError) as refusal:
            CvnLine.create({**line_vals, "le97_project_id": foreign.id})
        self.assertIs(type(refusal.exception), UserError)
        self.assertFalse(valuation.line_ids)
        line = CvnLine.create({**line_vals, "le97_project_id": project.id})
        self.assertEqual(valuation.line_ids, line)

    def test_volunteer_sees_only_own_hours(self):
        Hour = self.env["le97.volunteer.hour"].with_user(self.user_volunteer)
        own = Hour.search([])
        self.assertEqual(own.partner_id, self.user_volunteer.partner_id)
        self.assertEqual(len(own), 3)
        other = self.hours.filtered(
            lambda h: h.partner_id == self.user_volunteer_b.partner_id
        )[0]
        with self.assertRaises(AccessError):
            other.with_user(self.user_volunteer).read(["hours"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_volunteer).write({"hours": 1.0})
        self.assertEqual(other.hours, 5.5)
        with self.assertRaises(AccessError):
            Hour.create(
                {
                    "partner_id": self.user_volunteer_b.partner_id.id,
                    "date": "2025-03-01",
                    "hours": 1.0,
                    "activity_id": self.bar.id,
                }
            )
        # their own line, with the form defaults (themselves, today)
        with Form(Hour) as form:
            form.activity_id = self.bar
            form.hours = 2.5
        line = form.record
        self.assertEqual(line.partner_id, self.user_volunteer.partner_id)
        self.assertTrue(line.partner_id.le97_is_volunteer)
        # no access to the valuation
        with self.assertRaises(AccessError):
            self.env["le97.cvn.valuation"].with_user(self.user_volunteer).search([])

    def test_treasurer_sees_all_hours(self):
        hours = (
            self.env["le97.volunteer.hour"]
            .with_user(self.user_treasurer)
            .search([("company_id", "=", self.company.id)])
        )
        self.assertEqual(hours, self.hours)
