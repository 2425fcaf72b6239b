# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import io
import re

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .test_campaign_project import Le97ProjectCommon

REPORT = "le97_donation.le97_cer_wizard_report"
YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


class Le97CerCommon(Le97ProjectCommon):
    """The public appeal for the Jardin du Ravelin (authorised in January
    2024) with, in 2025, one gift of 500 €, an expense of 100 € of the
    project and 200 € carried over to its dedicated funds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"fiscalyear_last_month": "12", "fiscalyear_last_day": 31})
        cls.ravelin = cls.env["donation.campaign"].create(
            {
                "name": "Appel public Jardin du Ravelin",
                "company_id": cls.company.id,
                "le97_project_id": cls.project.id,
                "le97_public_appeal": True,
                "le97_authorisation_date": datetime.date(2024, 1, 10),
                "le97_authorisation_ref": "Arrêté préfectoral 25-2024-01-10-001",
            }
        )
        cls.misc_journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.bank_account = cls.bank_journal.default_account_id
        cls.gift = cls._public_gift(cls.ravelin, 500.0, datetime.date(2025, 6, 1))
        cls.expense = cls._entry(
            datetime.date(2025, 3, 1),
            [("6063", 100.0, cls.project), (cls.bank_account, -100.0, None)],
        )
        cls.carry_over = cls._entry(
            datetime.date(2025, 12, 31),
            [("6896", 200.0, cls.project), ("196", -200.0, cls.project)],
        )

    @classmethod
    def _public_gift(cls, campaign, amount, date, partner=None):
        return cls._validated_donation(
            partner,
            amount,
            campaign_id=campaign.id,
            donation_date=date,
            tax_receipt_option="none",
        )

    @classmethod
    def _account(cls, code):
        """The company's first account whose code starts with ``code``."""
        accounts = cls.env["account.account"].with_company(cls.company)
        account = accounts.search(
            [
                *accounts._check_company_domain(cls.company),
                ("code", "=like", f"{code}%"),
            ],
            limit=1,
        )
        assert account, f"no account {code} in the non-profit chart"
        return account

    @classmethod
    def _entry(cls, date, lines):
        """A posted miscellaneous entry of ``[(account or code prefix, debit -
        credit, project or analytic distribution)]``."""
        move = cls.env["account.move"].create(
            {
                "journal_id": cls.misc_journal.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {
                            "name": "CER",
                            "account_id": (
                                account
                                if not isinstance(account, str)
                                else cls._account(account)
                            ).id,
                            "debit": max(amount, 0.0),
                            "credit": max(-amount, 0.0),
                            "analytic_distribution": (
                                project
                                if isinstance(project, dict)
                                else project and {str(project.id): 100}
                            ),
                        }
                    )
                    for account, amount, project in lines
                ],
            }
        )
        move.action_post()
        return move

    def _wizard(self, user=None, **vals):
        return (
            self.env["le97.cer.wizard"]
            .with_user(user or self.user_treasurer)
            .create({**YEAR_2025, **vals})
        )

    def _amounts(self, data):
        return {
            line["key"]: line["amount"]
            for part in ("resources", "uses", "carried")
            for line in data[part]
        }

    def _funds(self, data):
        return {
            row["key"]: (row["start"], row["credit"], row["debit"], row["end"])
            for row in data["funds"]
        }


@tagged("post_install", "-at_install")
class TestCer(Le97CerCommon):
    def test_one_gift_and_one_carry_over(self):
        """The CER of the appeal: 500 € collected, 100 € used for the project,
        200 € carried over to the dedicated funds, 200 € of surplus."""
        self.assertTrue(self.gift.le97_public_generosity)
        data = self._wizard(campaign_id=self.ravelin.id)._le97_get_cer_data()
        self.assertEqual(data["campaigns"], self.ravelin)
        self.assertEqual(data["projects"], self.project)
        self.assertEqual(
            self._amounts(data),
            {
                # resources by origin
                "gp": 500.0,
                "gp_gifts": 500.0,
                "gp_sponsorship": 0.0,
                "gp_bequests": 0.0,
                "gp_other": 0.0,
                "reversals": 0.0,
                "dedicated_used": 0.0,
                "deficit": 0.0,
                "resources_total": 500.0,
                # uses by destination
                "social": 100.0,
                "fundraising": 0.0,
                "running": 0.0,
                "uses_subtotal": 100.0,
                "provisions": 0.0,
                "dedicated_new": 200.0,
                "surplus": 200.0,
                "uses_total": 500.0,
                # resources carried forward (dedicated funds excluded)
                "carried_start": 0.0,
                "carried_result": 200.0,
                "carried_end": 200.0,
            },
        )
        self.assertEqual(
            self._funds(data),
            {
                "fund_194": (0.0, 0.0, 0.0, 0.0),
                "fund_195": (0.0, 0.0, 0.0, 0.0),
                "fund_196": (0.0, 200.0, 0.0, 200.0),
                "fund_total": (0.0, 200.0, 0.0, 200.0),
            },
        )
        self.assertEqual(
            [(d["code"], d["amount"]) for d in data["details"]],
            [(self._account("6063").code, 100.0)],
        )
        self.assertFalse(data["warnings"])
        # the whole company's public appeals: the same here
        everything = self._wizard()._le97_get_cer_data()
        self.assertEqual(self._amounts(everything), self._amounts(data))

    def test_carry_over_with_the_project_on_its_689_789_line_only(self):
        """A carry-over entry whose dedicated funds' line carries no project:
        that line takes the project of the entry's 689 / 789 line, in its
        share when the line is split among projects."""
        # 2024: 80 € carried over, the project on the 689 line only
        self._entry(
            datetime.date(2024, 12, 31),
            [("6896", 80.0, self.project), ("196", -80.0, None)],
        )
        # 2025: 300 € carried over for two projects, half each
        self._entry(
            datetime.date(2025, 12, 31),
            [
                ("6896", 300.0, {str(self.project.id): 50, str(self.project_2.id): 50}),
                ("196", -300.0, None),
            ],
        )
        # 2025: 30 € of the funds used, the project on the 789 line only
        self._entry(
            datetime.date(2025, 10, 1),
            [("196", 30.0, None), ("7896", -30.0, self.project)],
        )
        # a carry-over of no project at all: no public appeal's
        self._entry(
            datetime.date(2025, 12, 31),
            [("6896", 999.0, None), ("196", -999.0, None)],
        )
        data = self._wizard(campaign_id=self.ravelin.id)._le97_get_cer_data()
        amounts = self._amounts(data)
        self.assertEqual(amounts["dedicated_new"], 350.0)
        self.assertEqual(amounts["dedicated_used"], 30.0)
        self.assertEqual(
            self._funds(data)["fund_196"],
            # 80 at the start; 200 + 150 in; 30 out
            (80.0, 350.0, 30.0, 400.0),
        )
        # the other project's appeal: its half of the 300 €
        data = self._wizard(campaign_id=self.appeal.id)._le97_get_cer_data()
        self.assertEqual(self._funds(data)["fund_196"], (0.0, 150.0, 0.0, 150.0))

    def test_only_the_public_generosity_from_the_authorisation(self):
        """The account counts a project's items from its appeal's
        authorisation (10 January 2024), and of the dedicated funds only
        those of public generosity (6896 / 7896): a grant's carry-over (6894
        / 194) shows in the funds' table, not in the account."""
        before = self._entry(
            datetime.date(2023, 12, 1),
            [("6063", 70.0, self.project), (self.bank_account, -70.0, None)],
        )
        self._entry(
            datetime.date(2025, 12, 31),
            [("6894", 90.0, self.project), ("194", -90.0, self.project)],
        )
        self._entry(
            datetime.date(2025, 11, 2),
            [("194", 15.0, self.project), ("7894", -15.0, self.project)],
        )
        data = self._wizard(campaign_id=self.ravelin.id)._le97_get_cer_data()
        amounts = self._amounts(data)
        self.assertEqual(amounts["dedicated_new"], 200.0)
        self.assertEqual(amounts["dedicated_used"], 0.0)
        self.assertEqual(amounts["social"], 100.0)
        self.assertEqual(amounts["carried_start"], 0.0)
        self.assertEqual(amounts["surplus"], 200.0)
        funds = self._funds(data)
        self.assertEqual(funds["fund_194"], (0.0, 90.0, 15.0, 75.0))
        self.assertEqual(funds["fund_196"], (0.0, 200.0, 0.0, 200.0))
        # the expense of 2023 is in the books, on the project
        self.assertTrue(before.line_ids.analytic_line_ids)

    def test_carry_over_of_several_families_of_funds(self):
        """One year-end entry carrying over public generosity for the project
        (6896 / 196) and a grant of no project (6894 / 194), the funds' lines
        without a project: each 19x line takes the share of its own family."""
        self._entry(
            datetime.date(2025, 12, 31),
            [
                ("6896", 300.0, self.project),
                ("6894", 700.0, None),
                ("196", -300.0, None),
                ("194", -700.0, None),
            ],
        )
        funds = self._funds(
            self._wizard(campaign_id=self.ravelin.id)._le97_get_cer_data()
        )
        # 200 of the common data, 300 of this entry
        self.assertEqual(funds["fund_196"], (0.0, 500.0, 0.0, 500.0))
        self.assertEqual(funds["fund_194"], (0.0, 0.0, 0.0, 0.0))

    def test_pdf_html(self):
        wizard = self._wizard(campaign_id=self.ravelin.id)
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_name"], "le97_donation.report_le97_cer")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_treasurer)
            ._render_qweb_html(REPORT, wizard.ids)[0]
            .decode()
        )
        for key, amount in (
            ("gp_gifts", "500.00"),
            ("resources_total", "500.00"),
            ("social", "100.00"),
            ("dedicated_new", "200.00"),
            ("surplus", "200.00"),
            ("carried_end", "200.00"),
        ):
            self.assertRegex(html, rf'data-key="{key}"\s+data-amount="{amount}"')
        self.assertRegex(
            html, r'data-key="fund_196"\s+data-start="0.00"\s+data-end="200.00"'
        )
        self.assertIn(self.ravelin.name, html)
        self.assertIn(self.project.name, html)
        self.assertIn(f'data-code="{self._account("6063").code}"', html)

    def test_xlsx(self):
        wizard = self._wizard(campaign_id=self.ravelin.id)
        data = wizard._le97_get_cer_data()
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(re.search(r"/web/content/(\d+)", action["url"]).group(1))
        )
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        self.assertEqual(len(book.sheetnames), 2)
        cer, detail = (book[name] for name in book.sheetnames)
        rows = {row[0]: row[1:] for row in cer.iter_rows(values_only=True) if row[0]}
        labels = {
            line["key"]: line["label"]
            for part in ("resources", "uses", "carried")
            for line in data[part]
        }
        for key, amount in (
            ("gp_gifts", 500),
            ("resources_total", 500),
            ("social", 100),
            ("dedicated_new", 200),
            ("surplus", 200),
            ("uses_total", 500),
            ("carried_end", 200),
        ):
            self.assertEqual(rows[labels[key]][0], amount, key)
        fund = next(row for row in data["funds"] if row["key"] == "fund_196")
        self.assertEqual(tuple(rows[fund["label"]][:4]), (0, 200, 0, 200))
        details = list(detail.iter_rows(values_only=True))
        self.assertEqual(len(details), 2)
        self.assertEqual(details[1][0], self._account("6063").code)
        self.assertEqual(details[1][3], 100)


@tagged("post_install", "-at_install")
class TestCerRules(Le97CerCommon):
    """Only the public generosity: the flagged gifts, the projects of the
    public appeals; the destinations by account; earlier years carried."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 2024: 50 € collected, 80 € spent: 30 € of deficit carried to 2025
        cls._public_gift(cls.ravelin, 50.0, datetime.date(2024, 5, 1))
        cls._entry(
            datetime.date(2024, 9, 1),
            [("6063", 80.0, cls.project), (cls.bank_account, -80.0, None)],
        )
        # 2025: a company's sponsorship, costs of the appeal and running costs,
        # 40 € of the dedicated funds used
        cls._public_gift(
            cls.ravelin, 150.0, datetime.date(2025, 7, 1), partner=cls.company_donor
        )
        cls._entry(
            datetime.date(2025, 4, 1),
            [
                ("6236", 30.0, cls.project),
                ("627", 10.0, cls.project),
                (cls.bank_account, -40.0, None),
            ],
        )
        cls._entry(
            datetime.date(2025, 11, 30),
            [("196", 40.0, cls.project), ("7896", -40.0, cls.project)],
        )
        # outside the public generosity: an expense of no project, a gift to
        # a campaign that is no public appeal (though on the same project)
        cls._entry(
            datetime.date(2025, 5, 1),
            [("6063", 999.0, None), (cls.bank_account, -999.0, None)],
        )
        cls._public_gift(cls.campaign, 80.0, datetime.date(2025, 5, 2))
        # a second public appeal, on its own project
        cls.climat_gift = cls._public_gift(cls.appeal, 70.0, datetime.date(2025, 8, 1))
        cls._entry(
            datetime.date(2025, 8, 2),
            [("6063", 20.0, cls.project_2), (cls.bank_account, -20.0, None)],
        )
        # a gift validated then cancelled in the year: it and its reversal
        with freeze_time("2025-09-15"):
            gift = cls._public_gift(cls.ravelin, 60.0, datetime.date(2025, 9, 1))
            gift.done2cancel()

    def test_one_appeal(self):
        data = self._wizard(campaign_id=self.ravelin.id)._le97_get_cer_data()
        amounts = self._amounts(data)
        expected = {
            "gp_gifts": 500.0,
            "gp_sponsorship": 150.0,
            "gp": 650.0,
            "dedicated_used": 40.0,
            "deficit": 0.0,
            "resources_total": 690.0,
            "social": 100.0,
            "fundraising": 30.0,
            "running": 10.0,
            "uses_subtotal": 140.0,
            "dedicated_new": 200.0,
            "surplus": 350.0,
            "uses_total": 690.0,
            "carried_start": -30.0,
            "carried_result": 350.0,
            "carried_end": 320.0,
        }
        self.assertEqual({key: amounts[key] for key in expected}, expected)
        self.assertEqual(self._funds(data)["fund_196"], (0.0, 200.0, 40.0, 160.0))
        destinations = self.env["le97.cer.wizard"]._le97_destination_labels()
        self.assertEqual(
            sorted(
                (d["code"][:3], d["destination"], d["amount"]) for d in data["details"]
            ),
            sorted(
                [
                    ("606", destinations["social"], 100.0),
                    ("623", destinations["fundraising"], 30.0),
                    ("627", destinations["running"], 10.0),
                ]
            ),
        )

    def test_previous_year_column(self):
        """Each figure also for the same period a year before (2024: 50 €
        collected, 80 € spent, 30 € of deficit), in the PDF and the XLSX."""
        wizard = self._wizard(campaign_id=self.ravelin.id)
        data = wizard._le97_get_cer_data()
        self.assertEqual(data["prev_to"], datetime.date(2024, 12, 31))
        previous = {
            line["key"]: line["previous"]
            for part in ("resources", "uses", "carried")
            for line in data[part]
        }
        expected = {
            "gp_gifts": 50.0,
            "gp": 50.0,
            "deficit": 30.0,
            "resources_total": 80.0,
            "social": 80.0,
            "dedicated_new": 0.0,
            "surplus": 0.0,
            "uses_total": 80.0,
            "carried_start": 0.0,
            "carried_result": -30.0,
            "carried_end": -30.0,
        }
        self.assertEqual({key: previous[key] for key in expected}, expected)
        # the previous year's end is this year's start
        self.assertEqual(previous["carried_end"], self._amounts(data)["carried_start"])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_treasurer)
            ._render_qweb_html(REPORT, wizard.ids)[0]
            .decode()
        )
        self.assertRegex(
            html, r'data-key="social"\s+data-amount="100.00"\s+data-previous="80.00"'
        )
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(re.search(r"/web/content/(\d+)", action["url"]).group(1))
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = book[book.sheetnames[0]]
        rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0]}
        labels = {line["key"]: line["label"] for line in data["uses"]}
        self.assertEqual(rows[labels["social"]][:2], (100, 80))
        # each block's title row names the two years
        self.assertEqual(
            [values[:2] for values in rows.values() if values[:2] == (2025, 2024)],
            [(2025, 2024)] * 3,
        )

    def test_every_appeal_of_the_company(self):
        amounts = self._amounts(self._wizard()._le97_get_cer_data())
        self.assertEqual(amounts["gp_gifts"], 570.0)
        self.assertEqual(amounts["social"], 120.0)
        self.assertEqual(amounts["surplus"], 400.0)
        self.assertEqual(amounts["carried_end"], 370.0)

    def test_deficit_year(self):
        amounts = self._amounts(
            self._wizard(
                campaign_id=self.ravelin.id,
                date_from="2024-01-01",
                date_to="2024-12-31",
            )._le97_get_cer_data()
        )
        self.assertEqual(amounts["gp"], 50.0)
        self.assertEqual(amounts["social"], 80.0)
        self.assertEqual(amounts["deficit"], 30.0)
        self.assertEqual(amounts["surplus"], 0.0)
        self.assertEqual(amounts["resources_total"], 80.0)
        self.assertEqual(amounts["uses_total"], 80.0)
        self.assertEqual(amounts["carried_end"], -30.0)

    def test_destinations_chosen_in_the_wizard(self):
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["le97.cer.wizard"])
        form.date_from = datetime.date(2025, 1, 1)
        form.date_to = datetime.date(2025, 12, 31)
        form.campaign_id = self.ravelin.with_env(env)
        self.assertIn(self._account("6236"), form.fundraising_account_ids)
        # the 606 purchases counted as costs of the appeal
        form.fundraising_account_ids.add(self._account("6063"))
        amounts = self._amounts(form.save()._le97_get_cer_data())
        self.assertEqual(amounts["fundraising"], 130.0)
        self.assertEqual(amounts["social"], 0.0)


@tagged("post_install", "-at_install")
class TestCerInputs(Le97CerCommon):
    def test_treasurer_and_receipt_admin_only(self):
        for user in (self.user_treasurer, self.user_admin):
            with self.subTest(user=user.login):
                data = self._wizard(user)._le97_get_cer_data()
                self.assertEqual(self._amounts(data)["gp"], 500.0)
        with self.assertRaises(AccessError):
            self._wizard(self.user_volunteer)
        wizard = self._wizard().with_user(self.user_volunteer)
        for method in (
            wizard._le97_get_cer_data,
            wizard.action_print_pdf,
            wizard.action_export_xlsx,
        ):
            with self.subTest(method=method.__name__), self.assertRaises(AccessError):
                method()

    def test_dates_reversed(self):
        count = self.env["le97.cer.wizard"].search_count([])
        with self.assertRaises(ValidationError):
            self._wizard(date_from="2025-12-31", date_to="2025-01-01")
        self.assertEqual(self.env["le97.cer.wizard"].search_count([]), count)

    def test_campaign_not_public_appeal(self):
        wizard = self._wizard(campaign_id=self.campaign.id)
        for method in (
            wizard._le97_get_cer_data,
            wizard.action_print_pdf,
            wizard.action_export_xlsx,
        ):
            with self.subTest(method=method.__name__), self.assertRaises(UserError):
                method()

    def test_appeal_without_project(self):
        """Its gifts are counted, none of its uses: the account says so."""
        appeal = self.env["donation.campaign"].create(
            {
                "name": "Appel sans projet",
                "le97_public_appeal": True,
                "le97_authorisation_date": datetime.date(2025, 1, 2),
                "le97_authorisation_ref": "Arrêté 46",
            }
        )
        self._public_gift(appeal, 90.0, datetime.date(2025, 2, 1))
        data = self._wizard()._le97_get_cer_data()
        self.assertEqual(self._amounts(data)["gp_gifts"], 590.0)
        self.assertEqual(self._amounts(data)["social"], 100.0)
        self.assertEqual(len(data["warnings"]), 1)
        self.assertIn("Appel sans projet", data["warnings"][0])

    def test_company_without_public_appeal(self):
        campaigns = self.env["donation.campaign"].search([])
        campaigns.write({"company_id": self.company.id})
        company = self.env["res.company"].create({"name": "Fonds sans appel"})
        self.user_treasurer.company_ids |= company
        data = self._wizard(company_id=company.id)._le97_get_cer_data()
        self.assertFalse(data["campaigns"])
        self.assertEqual(self._amounts(data)["resources_total"], 0.0)
        self.assertEqual(len(data["warnings"]), 1)
        self.assertIn("Fonds sans appel", data["warnings"][0])

    @freeze_time("2026-02-15")
    def test_default_period_is_the_last_financial_year(self):
        wizard = self.env["le97.cer.wizard"].with_user(self.user_treasurer).create({})
        self.assertEqual(wizard.date_from, datetime.date(2025, 1, 1))
        self.assertEqual(wizard.date_to, datetime.date(2025, 12, 31))
        self.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        wizard = self.env["le97.cer.wizard"].with_user(self.user_treasurer).create({})
        self.assertEqual(wizard.date_from, datetime.date(2024, 7, 1))
        self.assertEqual(wizard.date_to, datetime.date(2025, 6, 30))
