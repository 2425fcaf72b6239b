# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The income statement by project: each project's column is the sum of its
records, and the columns add up to the statement of the period."""

import base64
import io
from collections import defaultdict

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .books_common import Le97BooksCommon
from .common import add_test_users

# layout lines of the income statement by their key, with the sign of a credit
INCOME_KEYS = {"7541": 1, "70": 1, "60": -1, "61": -1, "87": 1, "86": -1}


@tagged("post_install", "-at_install")
class TestProjectStatement(Le97BooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.env.ref("le97_base.analytic_plan_projects")
        cls.p1, cls.p2, cls.p3 = cls.env["account.analytic.account"].create(
            [
                {
                    "name": f"Projet test {code}",
                    "code": code,
                    "plan_id": plan.id,
                    "company_id": cls.company.id,
                }
                for code in ("ZT1", "ZT2", "ZT3")
            ]
        )
        other_plan = cls.env["account.analytic.plan"].create({"name": "Autre axe"})
        cls.not_a_project = cls.env["account.analytic.account"].create(
            {"name": "Pas un projet", "plan_id": other_plan.id}
        )
        # what each project's column must show: {project: {line key: amount}}
        cls.expected = defaultdict(lambda: defaultdict(float))
        gift, sale = cls.account("754100"), cls.account("706")
        cls.vendor = cls.env["res.partner"].create({"name": "Jardinerie test"})
        for project, gift_amount, pive, expense in (
            (cls.p1, 100.0, 40.0, 25.0),
            (cls.p2, 200.0, 60.0, 35.0),
            (cls.p3, 300.0, 80.0, 45.0),
        ):
            cls.post_project_entry("2025-02-01", gift, gift_amount, {project: 100})
            cls.post_project_entry("2025-03-01", sale, pive, {project: 100})
            if project == cls.p3:
                cls.post_vendor_bill("2025-04-01", cls.account("604"), expense, project)
            else:
                account = (
                    cls.account("606") if project == cls.p1 else cls.account("613")
                )
                cls.post_project_entry("2025-04-01", account, -expense, {project: 100})
        # split distributions: each project gets its share
        cls.post_project_entry("2025-05-01", sale, 200.0, {cls.p1: 50, cls.p2: 50})
        cls.post_project_entry(
            "2025-05-02", cls.account("615"), -100.0, {cls.p2: 60, cls.p3: 40}
        )
        # no project; another year; a draft entry: none in the projects' columns
        cls.post_entry("2025-06-01", cls.bank_account, gift, 1000.0)
        cls.post_project_entry("2024-06-01", gift, 7.0, {cls.p1: 100}, expected=False)
        cls.env["account.move"].create(
            cls._prepare_entry_vals("2025-06-02", gift, 999.0, {cls.p1: 100})
        )
        # volunteer time: 12 EUR an hour
        rate = [Command.create({"year": 2025, "hourly_rate": 12.0})]
        Activity = cls.env["le97.volunteer.activity"]
        cls.activity_p1 = Activity.create(
            {
                "name": "Jardinage test",
                "company_id": cls.company.id,
                "analytic_account_id": cls.p1.id,
                "rate_ids": rate,
            }
        )
        cls.activity_p2 = Activity.create(
            {
                "name": "Animation test",
                "company_id": cls.company.id,
                "analytic_account_id": cls.p2.id,
                "rate_ids": rate,
            }
        )
        cls.activity_free = Activity.create(
            {"name": "Accueil test", "company_id": cls.company.id, "rate_ids": rate}
        )
        cls.hours = cls.env["le97.volunteer.hour"].create(
            [
                cls._prepare_hour_vals(cls.activity_p1, 10.0),
                cls._prepare_hour_vals(cls.activity_p2, 5.0),
                # given to another project than its activity's
                cls._prepare_hour_vals(cls.activity_p1, 2.0, project=cls.p3),
                cls._prepare_hour_vals(cls.activity_free, 3.0),
            ]
        )
        for project, hours in ((cls.p1, 10.0), (cls.p2, 5.0), (cls.p3, 2.0)):
            cls.expected[project]["87"] += hours * 12.0
            cls.expected[project]["86"] += hours * 12.0
        cls.valuation = cls.env["le97.cvn.valuation"].create(
            {"year": 2025, "company_id": cls.company.id}
        )
        cls.valuation.action_compute_hours()
        cls.valuation.action_validate()

    # -- data helpers -----------------------------------------------------------
    @classmethod
    def _prepare_entry_vals(cls, date, account, amount, distribution):
        """An entry against the bank whose line on ``account`` (credited by a
        positive ``amount``, debited by a negative one) carries ``distribution``
        ({project: percent})."""
        return {
            "journal_id": cls.general_journal.id,
            "date": date,
            "line_ids": [
                Command.create(
                    {
                        "account_id": account.id,
                        "credit": max(amount, 0.0),
                        "debit": max(-amount, 0.0),
                        "analytic_distribution": {
                            str(project.id): percent
                            for project, percent in distribution.items()
                        },
                    }
                ),
                Command.create(
                    {
                        "account_id": cls.bank_account.id,
                        "debit": max(amount, 0.0),
                        "credit": max(-amount, 0.0),
                    }
                ),
            ],
        }

    @classmethod
    def post_project_entry(cls, date, account, amount, distribution, expected=True):
        move = cls.env["account.move"].create(
            cls._prepare_entry_vals(date, account, amount, distribution)
        )
        move.action_post()
        if expected:
            key = cls._layout_key(account)
            for project, percent in distribution.items():
                cls.expected[project][key] += (
                    INCOME_KEYS[key] * amount * percent / 100.0
                )
        return move

    @classmethod
    def post_vendor_bill(cls, date, account, amount, project):
        bill = cls.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": cls.vendor.id,
                "invoice_date": date,
                "date": date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Graines et outils",
                            "account_id": account.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": {str(project.id): 100},
                        }
                    )
                ],
            }
        )
        bill.action_post()
        cls.expected[project][cls._layout_key(account)] += amount
        return bill

    @classmethod
    def _layout_key(cls, account):
        return next(k for k in ("7541", "70", "60", "61") if account.code.startswith(k))

    @classmethod
    def _prepare_hour_vals(cls, activity, hours, project=None):
        vals = {
            "partner_id": cls.env.user.partner_id.id,
            "date": "2025-09-01",
            "hours": hours,
            "activity_id": activity.id,
            "company_id": cls.company.id,
        }
        if project:
            vals["le97_project_id"] = project.id
        return vals

    def _wizard(self, **vals):
        return self.env["le97.statement.wizard"].create(
            {
                "company_id": self.company.id,
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
                **vals,
            }
        )

    def _columns(self, data):
        """{column key: {line key: amount}} of the income statement by project."""
        return {
            column["key"]: {
                line["key"]: line["columns"][index]
                for line in data["income"]
                if line["style"] != "section"
            }
            for index, column in enumerate(data["project_columns"])
        }

    def _assert_statement_by_project(self):
        data = self._wizard(by_project=True)._get_report_data()
        plain = self._wizard()._get_report_data()
        keys = [f"project_{p.id}" for p in (self.p1, self.p2, self.p3)]
        self.assertEqual(
            [column["key"] for column in data["project_columns"]],
            [*keys, "not_assigned"],
        )
        columns = self._columns(data)
        for project, key in zip((self.p1, self.p2, self.p3), keys, strict=True):
            expected = self.expected[project]
            for line_key, amount in columns[key].items():
                with self.subTest(project=project.code, line=line_key):
                    if line_key in INCOME_KEYS:
                        self.assertAlmostEqual(amount, expected[line_key])
                    elif line_key not in ("income_total", "expense_total", "result"):
                        self.assertAlmostEqual(amount, 0.0)
            income = expected["7541"] + expected["70"]
            spent = expected["60"] + expected["61"]
            self.assertAlmostEqual(columns[key]["income_total"], income)
            self.assertAlmostEqual(columns[key]["expense_total"], spent)
            self.assertAlmostEqual(columns[key]["result"], income - spent)
        # the figures of the first project, worked out by hand
        p1 = columns[keys[0]]
        self.assertEqual(
            [p1["7541"], p1["70"], p1["60"], p1["87"], p1["result"]],
            [100.0, 140.0, 25.0, 120.0, 215.0],
        )
        # the rest: the gift without project, the time of an activity without
        # project
        self.assertAlmostEqual(columns["not_assigned"]["7541"], 1000.0)
        self.assertAlmostEqual(columns["not_assigned"]["87"], 36.0)
        self.assertAlmostEqual(columns["not_assigned"]["70"], 0.0)
        # the total is the statement without the option, and the columns add up
        for line, plain_line in zip(data["income"], plain["income"], strict=True):
            self.assertEqual(line["key"], plain_line["key"])
            self.assertEqual(line["amount"], plain_line["amount"])
            self.assertEqual(line["previous"], plain_line["previous"])
            if line["style"] != "section":
                with self.subTest(line=line["key"]):
                    self.assertAlmostEqual(sum(line["columns"]), line["amount"])
        self.assertEqual(data["balance"], plain["balance"])
        return data

    # -- tests ----------------------------------------------------------------
    def test_volunteer_time_carries_project(self):
        by_activity = {
            (hour.activity_id, hour.hours): hour.le97_project_id for hour in self.hours
        }
        self.assertEqual(by_activity[self.activity_p1, 10.0], self.p1)
        self.assertEqual(by_activity[self.activity_p1, 2.0], self.p3)
        self.assertEqual(by_activity[self.activity_p2, 5.0], self.p2)
        self.assertFalse(by_activity[self.activity_free, 3.0])
        # an analytic account of another plan is not a project
        self.activity_free.analytic_account_id = self.not_a_project
        hour = self.env["le97.volunteer.hour"].create(
            self._prepare_hour_vals(self.activity_free, 1.0)
        )
        self.assertFalse(hour.le97_project_id)
        with Form(hour) as form:
            form.activity_id = self.activity_p2
            self.assertEqual(form.le97_project_id, self.p2)
        self.assertEqual(hour.le97_project_id, self.p2)

    def test_valuation_by_activity_and_project(self):
        lines = self.valuation.line_ids
        self.assertEqual(
            sorted(
                (ln.activity_id.name, ln.le97_project_id.code, ln.hours) for ln in lines
            ),
            sorted(
                [
                    ("Jardinage test", "ZT1", 10.0),
                    ("Jardinage test", "ZT3", 2.0),
                    ("Animation test", "ZT2", 5.0),
                    ("Accueil test", False, 3.0),
                ]
            ),
        )
        # the entries in 86/87 carry the project on both sides
        move_lines = self.valuation.move_id.line_ids
        self.assertEqual(len(move_lines), 8)
        for line in move_lines.filtered(lambda ln: ln.name == "Jardinage test"):
            self.assertIn(
                line.analytic_distribution,
                [{str(self.p1.id): 100.0}, {str(self.p3.id): 100.0}],
            )
        free = move_lines.filtered(lambda ln: ln.name == "Accueil test")
        self.assertEqual(len(free), 2)
        self.assertFalse(any(free.mapped("analytic_distribution")))
        analytic = move_lines.analytic_line_ids
        self.assertEqual(len(analytic), 6)
        self.assertAlmostEqual(sum(analytic.mapped("amount")), 0.0)

    def test_statement_by_project_cvn_entries(self):
        self.assertEqual(self.company.le97_cvn_mode, "entries")
        self._assert_statement_by_project()

    def test_statement_by_project_cvn_off_books(self):
        self.valuation.action_reset_to_draft()
        self.company.le97_cvn_mode = "statement"
        self.valuation.action_validate()
        self.assertFalse(self.valuation.move_id)
        data = self._assert_statement_by_project()
        income = {line["key"]: line["amount"] for line in data["income"]}
        self.assertAlmostEqual(income["87"], (10 + 5 + 2 + 3) * 12.0)

    def test_chosen_projects_and_others(self):
        data = self._wizard(by_project=True, project_ids=self.p2.ids)._get_report_data()
        self.assertEqual(
            [column["key"] for column in data["project_columns"]],
            [f"project_{self.p2.id}", "other_projects", "not_assigned"],
        )
        columns = self._columns(data)
        self.assertAlmostEqual(columns[f"project_{self.p2.id}"]["70"], 160.0)
        self.assertAlmostEqual(columns["other_projects"]["70"], 140.0 + 80.0)
        self.assertAlmostEqual(columns["other_projects"]["61"], 40.0)
        for line in data["income"]:
            if line["style"] != "section":
                self.assertAlmostEqual(sum(line["columns"]), line["amount"])

    def test_outputs_by_project(self):
        wizard = self._wizard(by_project=True)
        data = wizard._get_report_data()
        # XLSX: a column per project, then not assigned, the total, last year
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
        )
        self.assertIn(str(attachment.id), action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(
            header,
            [
                None,
                "Projet test ZT1",
                "Projet test ZT2",
                "Projet test ZT3",
                data["project_columns"][-1]["label"],
                "2025",
                "2024",
            ],
        )
        rows = {row[0].value: [c.value for c in row[1:]] for row in sheet.iter_rows(4)}
        gifts = next(line for line in data["income"] if line["key"] == "7541")
        self.assertEqual(
            rows[gifts["label"]], [100.0, 200.0, 300.0, 1000.0, 1600.0, 7.0]
        )
        # the balance sheet keeps its two columns
        self.assertEqual(book.worksheets[1].max_column, 3)
        # PDF: the same columns, on a landscape page
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("le97_base.report_le97_statement", wizard.ids)[0]
            .decode()
        )
        for project in (self.p1, self.p2, self.p3):
            self.assertIn(project.name, html)
            self.assertIn(f"le97_column_project_{project.id}", html)
        self.assertIn("le97_column_not_assigned", html)
        self.assertEqual(html.count("le97_statement_by_project"), 1)
        self.company.external_report_layout_id = self.env.ref(
            "web.external_layout_standard"
        )
        self.assertEqual(
            wizard.action_print_pdf()["report_name"],
            "le97_base.report_le97_statement_landscape",
        )
        # without the option: the statement as before, on a portrait page
        plain = self._wizard()
        self.assertEqual(
            plain.action_print_pdf()["report_name"], "le97_base.report_le97_statement"
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("le97_base.report_le97_statement", plain.ids)[0]
            .decode()
        )
        self.assertNotIn("le97_statement_by_project", html)
        self.assertNotIn("Projet test ZT1", html)

    def test_access(self):
        add_test_users(
            self,
            self.company,
            volunteer=("le97_proj_volunteer", "le97_base.group_volunteer"),
            employee=("le97_proj_employee", "base.group_user"),
            treasurer=("le97_proj_treasurer", "le97_base.group_treasurer"),
        )
        Wizard = self.env["le97.statement.wizard"]
        vals = {
            "company_id": self.company.id,
            "date_from": "2025-01-01",
            "date_to": "2025-12-31",
            "by_project": True,
        }
        for user in (self.volunteer, self.employee):
            with self.assertRaises(AccessError):
                Wizard.with_user(user).create(vals)
            with self.assertRaises(AccessError):
                self._wizard(by_project=True).with_user(user)._get_report_data()
        data = Wizard.with_user(self.treasurer).create(vals)._get_report_data()
        self.assertEqual(len(data["project_columns"]), 4)
        gifts = next(line for line in data["income"] if line["key"] == "7541")
        self.assertEqual(gifts["columns"], [100.0, 200.0, 300.0, 1000.0])
        # a treasurer keeps the projects
        project = (
            self.env["account.analytic.account"]
            .with_user(self.treasurer)
            .create(
                {
                    "name": "Projet du trésorier",
                    "plan_id": self.env.ref("le97_base.analytic_plan_projects").id,
                }
            )
        )
        self.assertTrue(project.filtered_domain(project._le97_project_domain()))
        # and puts an expense on a project: the analytic column of bills is theirs
        self.assertTrue(self.treasurer.has_group("analytic.group_analytic_accounting"))
        bill = Form(
            self.env["account.move"]
            .with_user(self.treasurer)
            .with_context(default_move_type="in_invoice")
        )
        bill.partner_id = self.vendor
        bill.invoice_date = fields.Date.to_date("2025-06-01")
        with bill.invoice_line_ids.new() as line:
            line.name = "Graines"
            line.price_unit = 12.0
            line.tax_ids.clear()
            line.analytic_distribution = {str(project.id): 100}
        bill = bill.save()
        bill.action_post()
        analytic = self.env["account.analytic.line"].search(
            [("move_line_id", "in", bill.line_ids.ids)]
        )
        self.assertEqual(analytic[project._le97_project_column()], project)
        self.assertEqual(analytic.amount, -12.0)

    def test_bad_input(self):
        wizard = self._wizard(by_project=True, date_from="2026-01-01")
        with self.assertRaises(UserError):
            wizard.action_export_xlsx()
        with self.assertRaises(UserError):
            wizard.action_print_pdf()
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
            )
        )
        # only projects of the fund get a column
        with self.assertRaises(ValidationError):
            self._wizard(by_project=True, project_ids=self.not_a_project.ids)
        self.assertFalse(
            self.env["le97.statement.wizard"].search(
                [("project_ids", "in", self.not_a_project.ids)]
            )
        )
        # nor the projects of another company
        other = self.env["res.company"].create({"name": "Autre fonds"})
        foreign = self.env["account.analytic.account"].create(
            {
                "name": "Projet ailleurs",
                "plan_id": self.env["account.analytic.account"]._le97_project_plan().id,
                "company_id": other.id,
            }
        )
        with self.assertRaises(UserError):
            self._wizard(by_project=True, project_ids=foreign.ids)
