# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .books_common import Le97BooksCommon
from .common import add_test_users

D = datetime.date
# the kinds of this addon (the others add theirs, with their own groups)
BASE_KINDS = ("prefect_file", "joafe", "auditor", "foreign_resources")


@tagged("post_install", "-at_install")
class TestFundDeadline(Le97BooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the fund closes its financial year on 30 June
        cls.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        cls.calendar_company = cls.env["res.company"].create(
            {"name": "Fonds à l'année civile", "country_id": cls.env.ref("base.fr").id}
        )
        add_test_users(
            cls,
            cls.company,
            user_volunteer=("fd_volunteer", "le97_base.group_volunteer"),
            user_treasurer=("fd_treasurer", "le97_base.group_treasurer"),
            user_receipt_admin=("fd_receipt_admin", "le97_base.group_receipt_admin"),
            user_employee=("fd_employee", "base.group_user"),
        )
        add_test_users(
            cls,
            cls.calendar_company,
            other_treasurer=("fd_other_treasurer", "le97_base.group_treasurer"),
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids |= cls.company
        cls.gift_account = cls.account("7541")
        cls.Deadline = cls.env["le97.fund.deadline"]
        cls.activity_type = cls.env.ref("le97_base.mail_activity_type_fund_deadline")

    def gift(self, date, amount, partner=None):
        move = self.env["account.move"].create(
            {
                "journal_id": self.general_journal.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {"account_id": self.bank_account.id, "debit": amount}
                    ),
                    Command.create(
                        {
                            "account_id": self.gift_account.id,
                            "credit": amount,
                            "partner_id": partner.id if partner else False,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def deadlines(self, company):
        return self.Deadline.search(
            [("company_id", "=", company.id), ("kind", "in", BASE_KINDS)]
        )

    def by_kind(self, deadlines):
        return {d.kind: (d.fiscal_year, d.date_closing, d.date_due) for d in deadlines}

    def run_cron(self):
        self.Deadline._cron_le97_create_deadlines()

    # -- dates -------------------------------------------------------------------
    def test_june_closing_deadlines(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
        self.assertEqual(
            self.by_kind(self.deadlines(self.company)),
            {
                "prefect_file": (2026, D(2026, 6, 30), D(2026, 12, 31)),
                "joafe": (2026, D(2026, 6, 30), D(2026, 12, 31)),
            },
        )

    def test_calendar_year_deadlines(self):
        with freeze_time("2026-02-01"):
            self.run_cron()
        deadlines = self.deadlines(self.calendar_company)
        self.assertEqual(
            self.by_kind(deadlines),
            {
                "prefect_file": (2025, D(2025, 12, 31), D(2026, 6, 30)),
                "joafe": (2025, D(2025, 12, 31), D(2026, 6, 30)),
            },
        )
        self.assertEqual(set(deadlines.mapped("state")), {"due"})

    def test_auditor_on_the_financial_year(self):
        # 6,000 in the year closing on 30 June 2025, 12,000 in the next one,
        # each calendar year has 6,000 + 6,000 = 12,000 or less split apart
        self.gift(D(2025, 5, 1), 6000)
        self.gift(D(2025, 11, 1), 6000)
        self.gift(D(2026, 3, 1), 6000)
        kinds_2025 = [v["kind"] for v in self.company._le97_fund_deadline_vals(2025)]
        self.assertNotIn("auditor", kinds_2025)
        with freeze_time("2026-07-15"):
            self.run_cron()
        deadlines = self.by_kind(self.deadlines(self.company))
        self.assertEqual(deadlines["auditor"], (2026, D(2026, 6, 30), D(2026, 9, 30)))
        self.assertNotIn("foreign_resources", deadlines)

    def test_foreign_resources(self):
        belgian = self.env["res.partner"].create(
            {"name": "Donateur belge", "country_id": self.env.ref("base.be").id}
        )
        french = self.env["res.partner"].create(
            {"name": "Donatrice bisontine", "country_id": self.env.ref("base.fr").id}
        )
        self.gift(D(2025, 9, 1), 15000, belgian)
        self.gift(D(2025, 10, 1), 9000, french)
        self.assertNotIn(
            "foreign_resources",
            [v["kind"] for v in self.company._le97_fund_deadline_vals(2026)],
        )
        self.gift(D(2026, 2, 1), 400, belgian)
        vals = {v["kind"]: v for v in self.company._le97_fund_deadline_vals(2026)}
        self.assertEqual(vals["foreign_resources"]["date_due"], D(2026, 12, 31))
        self.assertEqual(
            vals["foreign_resources"]["group_id"],
            self.env.ref("le97_base.group_treasurer").id,
        )

    def test_foreign_resources_by_origin_of_the_money(self):
        """The *Resources from* country of a contact wins over its address."""
        # a Belgian foundation's French office: address in France, money from
        # Belgium; a donor living in Belgium giving French money
        office = self.env["res.partner"].create(
            {
                "name": "Fondation belge (bureau de Besançon)",
                "country_id": self.env.ref("base.fr").id,
                "le97_resources_country_id": self.env.ref("base.be").id,
            }
        )
        expatriate = self.env["res.partner"].create(
            {
                "name": "Donateur frontalier",
                "country_id": self.env.ref("base.be").id,
                "le97_resources_country_id": self.env.ref("base.fr").id,
            }
        )
        nowhere = self.env["res.partner"].create({"name": "Donateur sans adresse"})
        self.gift(D(2025, 9, 1), 15000, office)
        self.gift(D(2025, 10, 1), 20000, expatriate)
        self.gift(D(2025, 10, 2), 20000, nowhere)
        date_from, date_to = D(2025, 7, 1), D(2026, 6, 30)
        self.assertEqual(
            self.company._le97_get_foreign_resources(date_from, date_to), 15000
        )
        self.assertNotIn(
            "foreign_resources",
            [v["kind"] for v in self.company._le97_fund_deadline_vals(2026)],
        )
        self.gift(D(2026, 1, 5), 301, office)
        self.assertEqual(
            self.company._le97_get_foreign_resources(date_from, date_to), 15301
        )
        self.assertIn(
            "foreign_resources",
            [v["kind"] for v in self.company._le97_fund_deadline_vals(2026)],
        )

    # -- the cron ------------------------------------------------------------------
    def test_activities_for_the_group(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
        for deadline in self.deadlines(self.company):
            activities = deadline.activity_ids
            # the treasurers working in the company (receipts administrators
            # are treasurers too), not the volunteers, employees or other funds
            self.assertEqual(
                activities.user_id,
                self.user_treasurer | self.user_receipt_admin | self.admin,
            )
            self.assertEqual(activities.activity_type_id, self.activity_type)
            self.assertEqual(set(activities.mapped("date_deadline")), {D(2026, 12, 31)})
        other = self.deadlines(self.calendar_company).activity_ids
        self.assertEqual(other.user_id, self.other_treasurer)

    def test_notes_in_the_funds_language(self):
        """The scheduled action runs as a technical user: the notes (stored
        text) and the reminders are written in the fund's and the user's
        language, whatever that user speaks."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["le97_base"], ["fr_FR"])
        self.company.partner_id.lang = "fr_FR"
        self.user_treasurer.lang = "fr_FR"
        with freeze_time("2026-07-15"):
            self.Deadline.with_context(lang="en_US")._cron_le97_create_deadlines()
        prefect = self.Deadline.search(
            [("company_id", "=", self.company.id), ("kind", "=", "prefect_file")]
        )
        self.assertIn("préfet", prefect.note)
        activity = prefect.activity_ids.filtered(
            lambda a: a.user_id == self.user_treasurer
        )
        self.assertEqual(activity.summary, prefect.with_context(lang="fr_FR").name)
        self.assertIn("Dossier", activity.summary)

    def test_cron_idempotent(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
            deadlines = self.Deadline.search([])
            activities = deadlines.activity_ids
            self.run_cron()
            self.assertEqual(self.Deadline.search([]), deadlines)
            self.assertEqual(deadlines.activity_ids, activities)

    def test_late(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
        deadline = self.deadlines(self.company).filtered(
            lambda d: d.kind == "prefect_file"
        )
        self.assertEqual(deadline.state, "due")
        with freeze_time("2027-01-01"):
            self.run_cron()
        self.assertEqual(deadline.state, "late")
        # a late deadline can still be done
        with freeze_time("2027-01-02"):
            deadline.with_user(self.user_treasurer).action_done()
        self.assertEqual(deadline.state, "done")

    # -- done ----------------------------------------------------------------------
    def test_done_with_documents(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
        deadline = self.deadlines(self.company).filtered(
            lambda d: d.kind == "prefect_file"
        )
        attachment = self.env["ir.attachment"].create(
            {"name": "rapport-activite.pdf", "raw": b"%PDF-1.4 rapport"}
        )
        as_treasurer = deadline.with_user(self.user_treasurer)
        as_treasurer.write({"attachment_ids": [Command.link(attachment.id)]})
        with freeze_time("2026-11-03"):
            as_treasurer.action_done()
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.done_date, D(2026, 11, 3))
        self.assertEqual(deadline.done_uid, self.user_treasurer)
        self.assertEqual(deadline.attachment_ids, attachment)
        self.assertFalse(deadline.activity_ids)
        # done: locked
        with self.assertRaises(UserError):
            as_treasurer.write({"attachment_ids": [Command.clear()]})
        with self.assertRaises(UserError):
            as_treasurer.action_done()
        self.assertEqual(deadline.attachment_ids, attachment)
        self.assertEqual(deadline.done_uid, self.user_treasurer)

    def test_forbidden_acts(self):
        with freeze_time("2026-07-15"):
            self.run_cron()
        deadline = self.deadlines(self.company)[:1]
        before = deadline.read(["state", "date_due", "kind", "group_id", "note"])
        for user in (self.user_treasurer, self.user_receipt_admin, self.admin):
            for vals in (
                {"state": "done"},
                {"date_due": "2030-01-01"},
                {"kind": "joafe"},
                {"note": "changed"},
            ):
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaises(UserError):
                        deadline.with_user(user).write(vals)
        for user in (self.user_volunteer, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                deadline.with_user(user).read(["state"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                deadline.with_user(user).action_done()
        with self.assertRaises(AccessError):
            self.Deadline.with_user(self.user_treasurer).create({})
        with self.assertRaises(UserError):
            self.Deadline.with_user(self.user_treasurer).create(
                {
                    "company_id": self.company.id,
                    "fiscal_year": 2030,
                    "date_closing": "2030-06-30",
                    "kind": "joafe",
                    "date_due": "2030-12-31",
                    "group_id": self.env.ref("le97_base.group_treasurer").id,
                }
            )
        with self.assertRaises(UserError):
            deadline.with_user(self.admin).unlink()
        self.assertEqual(self.Deadline.search_count([("fiscal_year", "=", 2030)]), 0)
        # the other company's treasurer does not see it
        with self.assertRaises(AccessError):
            deadline.with_user(self.other_treasurer).read(["state"])
        self.assertEqual(
            deadline.read(["state", "date_due", "kind", "group_id", "note"]), before
        )
        self.assertEqual(deadline.state, "due")
        self.assertFalse(deadline.done_uid)
