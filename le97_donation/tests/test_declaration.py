# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
from contextlib import contextmanager
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import Le97DonationCommon

DECLARATION = "donation.tax.receipt.declaration"
ACTIVITY_TYPE = "le97_donation.mail_activity_type_declaration"


class DeclarationCommon(Le97DonationCommon):
    """Receipts of the 2025 gifts, issued on 10 February 2026 (today), with
    a billing user besides the roles of ``Le97DonationCommon``."""

    frozen_today = "2026-02-10"

    @classmethod
    def setUpClass(cls):
        cls.startClassPatcher(freeze_time(cls.frozen_today))
        super().setUpClass()
        cls.user_billing = new_test_user(
            cls.env,
            login="don_billing",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )

    @classmethod
    def _receipt(cls, partner, amount, day, **kw):
        return cls._validated_donation(
            partner, amount, donation_date=day, **kw
        ).tax_receipt_id

    @contextmanager
    def _assertRaisesText(self, exception, text):
        """assertRaises (its savepoint rolls back) and the message says
        ``text``."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    def _declaration(self, year=2025, user=None, compute=True):
        declaration = (
            self.env[DECLARATION]
            .with_user(user or self.user_admin)
            .create({"year": year})
        )
        if compute:
            declaration.action_compute()
        return declaration

    def _figures(self, declaration):
        return {
            line.article: (line.receipt_count, line.amount)
            for line in declaration.line_ids
        }

    def _csv_rows(self, action):
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        return list(
            csv.reader(
                io.StringIO(base64.b64decode(attachment.datas).decode()), delimiter=";"
            )
        )


@tagged("post_install", "-at_install")
class TestDeclaration(DeclarationCommon):
    """A fund closing on 31 December: the financial year is the calendar
    year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        day = date(2025, 6, 1)
        cls.receipt_a = cls._receipt(cls.donor, 120, day)
        cls.receipt_b = cls._receipt(cls.donor, 80, date(2025, 1, 1))
        cls.receipt_company = cls._receipt(cls.company_donor, 500, date(2025, 12, 31))
        cls.receipt_cancelled = cls._receipt(cls.donor, 1000, day)
        cls.receipt_cancelled.with_user(cls.user_admin)._le97_cancel("Wrong donor")
        # Other financial years: not in the 2025 declaration.
        cls._receipt(cls.donor, 45, date(2024, 12, 31))
        cls._receipt(cls.donor, 15, date(2026, 1, 1))

    def test_totals_by_article_without_cancelled_receipts(self):
        self.assertEqual(self.receipt_cancelled.state, "cancelled")
        declaration = self._declaration()
        self.assertEqual(declaration.state, "computed")
        self.assertEqual(
            self._figures(declaration),
            {"200": (2, 200), "238bis": (1, 500), "978": (0, 0)},
        )
        self.assertEqual(declaration.receipt_count, 3)
        self.assertEqual(declaration.amount_total, 700)
        self.assertEqual(
            (declaration.date_start, declaration.date_end),
            (date(2025, 1, 1), date(2025, 12, 31)),
        )
        # 1 May 2026 is a Friday: Monday 4 then Tuesday 5 May.
        self.assertEqual(declaration.deadline, date(2026, 5, 5))
        self.assertEqual(declaration.display_name, "Declaration of Gifts 2025")

    def test_form_shows_the_period(self):
        form = Form(self.env[DECLARATION].with_user(self.user_admin))
        # the last closed financial year by default
        self.assertEqual(form.year, 2025)
        self.assertEqual(form.date_start, date(2025, 1, 1))
        self.assertEqual(form.date_end, date(2025, 12, 31))
        self.assertEqual(form.deadline, date(2026, 5, 5))
        form.year = 2024
        self.assertEqual(form.date_end, date(2024, 12, 31))
        self.assertEqual(form.deadline, date(2025, 5, 5))
        declaration = form.save()
        self.assertEqual(declaration.state, "draft")
        self.assertFalse(declaration.line_ids)

    def test_deadline_rules(self):
        model = self.env[DECLARATION]
        # 1 May 2027 is a Saturday: Monday 3, Tuesday 4.
        self.assertEqual(model._get_deadline(date(2026, 12, 31)), date(2027, 5, 4))
        # 1 May 2029 is a Tuesday: 2 and 3 May (8 May is a holiday, not reached).
        self.assertEqual(model._get_deadline(date(2028, 12, 31)), date(2029, 5, 3))
        # 1 May 2035 is a Tuesday and Thursday 3 May is Ascension: 2 and 4 May.
        self.assertEqual(model._get_deadline(date(2034, 12, 31)), date(2035, 5, 4))
        # 1 May 2030 is a Wednesday, Ascension is on 30 May: 2 and 3 May.
        self.assertEqual(model._get_deadline(date(2029, 12, 31)), date(2030, 5, 3))
        # A non-calendar financial year: 3 months after the closing.
        self.assertEqual(model._get_deadline(date(2025, 6, 30)), date(2025, 9, 30))
        self.assertEqual(model._get_deadline(date(2025, 3, 31)), date(2025, 6, 30))
        self.assertEqual(model._get_deadline(date(2025, 11, 30)), date(2026, 2, 28))

    def test_csv_export(self):
        declaration = self._declaration()
        rows = self._csv_rows(
            declaration.with_user(self.user_treasurer).action_export_csv()
        )
        self.assertEqual(len(rows), 5)
        self.assertEqual(rows[1][:2], ["2025", "200"])
        self.assertEqual(
            rows[1][3:], ["2", "200.00", "2026-05-05", "2025-01-01", "2025-12-31"]
        )
        self.assertEqual(rows[2][1], "238bis")
        self.assertEqual(rows[2][3:5], ["1", "500.00"])
        self.assertEqual(rows[4][3:5], ["3", "700.00"])

    def test_csv_export_of_a_draft_refused(self):
        declaration = self._declaration(compute=False)
        attachments = self.env["ir.attachment"].search_count([])
        with self.assertRaises(UserError):
            declaration.action_export_csv()
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_one_declaration_per_company_and_year(self):
        declaration = self._declaration(compute=False)
        with self._assertRaisesText(ValidationError, "one declaration per financial"):
            self._declaration(compute=False)
        self.assertEqual(
            self.env[DECLARATION].search_count([("company_id", "=", self.company.id)]),
            1,
        )
        with self.assertRaises(ValidationError):
            self._declaration(year=25, compute=False)
        # the year of a draft may still change, not onto another declaration's
        other = self._declaration(year=2024, compute=False)
        with self.assertRaises(ValidationError):
            other.with_user(self.user_admin).year = 2025
        self.assertEqual(other.year, 2024)
        self.assertEqual(declaration.year, 2025)

    def test_create_and_compute_only_as_receipts_admin(self):
        count = self.env[DECLARATION].search_count([])
        for user in (self.user_treasurer, self.user_billing, self.user_volunteer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env[DECLARATION].with_user(user).create({"year": 2025})
        self.assertEqual(self.env[DECLARATION].search_count([]), count)
        declaration = self._declaration(compute=False)
        with self.assertRaises(AccessError):
            declaration.with_user(self.user_treasurer).action_compute()
        self.assertEqual(declaration.state, "draft")
        self.assertFalse(declaration.line_ids)

    def test_delete_only_a_draft(self):
        draft = self._declaration(year=2024, compute=False)
        draft.with_user(self.user_admin).unlink()
        self.assertFalse(draft.exists())
        declaration = self._declaration()
        with self.assertRaises(UserError):
            declaration.with_user(self.user_admin).unlink()
        with self.assertRaises(AccessError):
            declaration.with_user(self.user_treasurer).unlink()
        self.assertTrue(declaration.exists())
        self.assertEqual(len(declaration.line_ids), 3)


@tagged("post_install", "-at_install")
class TestDeclarationJuneClosing(DeclarationCommon):
    """A fund closing on 30 June: 2025 is 1 July 2024 to 30 June 2025, due on
    30 September 2025."""

    frozen_today = "2025-07-05"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        cls._receipt(cls.donor, 10, date(2024, 6, 30))  # financial year 2024
        cls._receipt(cls.donor, 120, date(2024, 7, 1))
        cls._receipt(cls.company_donor, 300, date(2025, 1, 15))
        cls._receipt(cls.donor, 80, date(2025, 6, 30))
        cls._receipt(cls.donor, 7, date(2025, 7, 1))  # financial year 2026

    def test_period_deadline_and_figures(self):
        form = Form(self.env[DECLARATION].with_user(self.user_admin))
        self.assertEqual(form.year, 2025)
        self.assertEqual(form.date_start, date(2024, 7, 1))
        self.assertEqual(form.date_end, date(2025, 6, 30))
        self.assertEqual(form.deadline, date(2025, 9, 30))
        declaration = form.save()
        declaration.action_compute()
        self.assertEqual(
            self._figures(declaration),
            {"200": (2, 200), "238bis": (1, 300), "978": (0, 0)},
        )
        self.assertEqual(declaration.display_name, "Declaration of Gifts 2024-2025")

    def test_cron_creates_the_closed_year_and_its_reminder(self):
        model = self.env[DECLARATION]
        model._cron_le97_create_declarations()
        declaration = model.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(declaration), 1)
        self.assertEqual(declaration.year, 2025)
        self.assertEqual(declaration.state, "draft")
        self.assertEqual(
            (declaration.date_start, declaration.date_end, declaration.deadline),
            (date(2024, 7, 1), date(2025, 6, 30), date(2025, 9, 30)),
        )
        activities = declaration.activity_ids
        self.assertIn(self.user_admin, activities.user_id)
        self.assertNotIn(self.user_treasurer, activities.user_id)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2025, 9, 30)})
        self.assertEqual(activities.activity_type_id, self.env.ref(ACTIVITY_TYPE))
        # again the next day: nothing more
        with freeze_time("2025-07-06"):
            model._cron_le97_create_declarations()
        self.assertEqual(
            model.search([("company_id", "=", self.company.id)]), declaration
        )
        self.assertEqual(declaration.activity_ids, activities)


@tagged("post_install", "-at_install")
class TestDeclarationReminder(DeclarationCommon):
    """The daily scheduled action, with two funds and one company that is no
    fund."""

    frozen_today = "2026-01-02"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create(
            {
                "name": "Autre fonds",
                "currency_id": cls.company.currency_id.id,
                "fund_siren": "552100554",
                "fiscalyear_last_month": "6",
                "fiscalyear_last_day": 30,
            }
        )
        cls.no_fund = cls.env["res.company"].create(
            {"name": "Café du 97 SAS", "currency_id": cls.company.currency_id.id}
        )
        both = cls.company | cls.other_company
        cls.admin_other = new_test_user(
            cls.env,
            login="don_admin_other",
            groups="le97_base.group_receipt_admin",
            company_id=cls.other_company.id,
            company_ids=cls.other_company.ids,
        )
        cls.admin_both = new_test_user(
            cls.env,
            login="don_admin_both",
            groups="le97_base.group_receipt_admin,base.group_multi_company",
            company_id=cls.company.id,
            company_ids=both.ids,
        )
        cls.treasurer_both = new_test_user(
            cls.env,
            login="don_treasurer_both",
            groups="le97_base.group_treasurer,base.group_multi_company",
            company_id=cls.company.id,
            company_ids=both.ids,
        )
        cls._receipt(cls.donor, 120, date(2025, 6, 1))

    def _declarations(self, company):
        return self.env[DECLARATION].search([("company_id", "=", company.id)])

    def test_one_declaration_and_reminder_per_fund(self):
        model = self.env[DECLARATION]
        model._cron_le97_create_declarations()
        mine = self._declarations(self.company)
        other = self._declarations(self.other_company)
        self.assertEqual((mine.year, mine.date_end), (2025, date(2025, 12, 31)))
        # closing on 30 June: the year closed on 30 June 2025
        self.assertEqual(
            (other.year, other.date_start, other.date_end, other.deadline),
            (2025, date(2024, 7, 1), date(2025, 6, 30), date(2025, 9, 30)),
        )
        self.assertFalse(self._declarations(self.no_fund))
        mine_users = mine.activity_ids.user_id
        other_users = other.activity_ids.user_id
        self.assertIn(self.user_admin, mine_users)
        self.assertIn(self.admin_both, mine_users)
        self.assertNotIn(self.admin_other, mine_users)
        self.assertIn(self.admin_other, other_users)
        self.assertIn(self.admin_both, other_users)
        self.assertNotIn(self.user_admin, other_users)
        for users in (mine_users, other_users):
            self.assertNotIn(self.user_treasurer, users)
            self.assertNotIn(self.treasurer_both, users)
            self.assertTrue(
                all(user.has_group("le97_base.group_receipt_admin") for user in users)
            )
        self.assertEqual(len(mine.activity_ids), len(mine_users), "one each")
        self.assertEqual(mine.activity_ids.mapped("date_deadline")[0], mine.deadline)
        activities = mine.activity_ids | other.activity_ids
        # idempotent: the next days nothing is created nor scheduled again
        for day in ("2026-01-02", "2026-01-03", "2026-06-30"):
            with freeze_time(day):
                model._cron_le97_create_declarations()
        self.assertEqual(self._declarations(self.company), mine)
        self.assertEqual(self._declarations(self.other_company), other)
        self.assertEqual(mine.activity_ids | other.activity_ids, activities)
        # the other fund's next year closes on 30 June 2026
        with freeze_time("2026-07-01"):
            model._cron_le97_create_declarations()
        self.assertEqual(self._declarations(self.company), mine)
        new = self._declarations(self.other_company) - other
        self.assertEqual((new.year, new.date_end), (2026, date(2026, 6, 30)))
        self.assertIn(self.admin_other, new.activity_ids.user_id)
        self.assertEqual(other.activity_ids | mine.activity_ids, activities)

    def test_existing_declaration_gets_its_reminder_once(self):
        declaration = self._declaration()
        self.assertFalse(declaration.activity_ids)
        self.env[DECLARATION]._cron_le97_create_declarations()
        self.assertEqual(self._declarations(self.company), declaration)
        self.assertIn(self.user_admin, declaration.activity_ids.user_id)
        activities = declaration.activity_ids
        self.env[DECLARATION]._cron_le97_create_declarations()
        self.assertEqual(declaration.activity_ids, activities)

    def test_filed_declaration_gets_no_reminder(self):
        declaration = self._declaration()
        declaration.action_file()
        self.env[DECLARATION]._cron_le97_create_declarations()
        self.assertFalse(declaration.activity_ids)
        self.assertEqual(self._declarations(self.company), declaration)

    def test_declarations_per_company(self):
        self.env[DECLARATION]._cron_le97_create_declarations()
        other = self._declarations(self.other_company)
        mine = self._declarations(self.company)
        self.assertEqual(
            self.env[DECLARATION].with_user(self.user_admin).search([]), mine
        )
        self.assertEqual(
            self.env[DECLARATION].with_user(self.admin_other).search([]), other
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_admin).read(["year"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_admin).action_compute()
        self.assertEqual(other.state, "draft")
        # the other fund's figures are its own: none of our receipts
        other.with_user(self.admin_both).with_context(
            allowed_company_ids=self.other_company.ids
        ).action_compute()
        self.assertEqual(other.receipt_count, 0)
        self.assertEqual(
            self.env["donation.tax.receipt.declaration.line"]
            .with_user(self.user_admin)
            .search([("declaration_id", "=", other.id)]),
            self.env["donation.tax.receipt.declaration.line"],
        )


@tagged("post_install", "-at_install")
class TestDeclarationFiling(DeclarationCommon):
    """Filing freezes the figures and the receipts of the financial year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receipt_a = cls._receipt(cls.donor, 120, date(2025, 6, 1))
        cls.receipt_company = cls._receipt(cls.company_donor, 500, date(2025, 9, 1))
        cls.receipt_next = cls._receipt(cls.donor, 40, date(2026, 1, 15))
        # a gift of 2025 waiting for its yearly receipt
        cls.annual_gift = cls._validated_donation(
            cls.donor,
            60,
            tax_receipt_option="annual",
            donation_date=date(2025, 3, 1),
        )
        cls.env[DECLARATION]._cron_le97_create_declarations()
        cls.declaration = cls.env[DECLARATION].search(
            [("company_id", "=", cls.company.id), ("year", "=", 2025)]
        )
        cls.declaration.with_user(cls.user_admin).action_compute()

    def _file(self):
        self.declaration.with_user(self.user_admin).write(
            {"filing_reference": "DS-2026-123456"}
        )
        self.declaration.with_user(self.user_admin).action_file()

    def test_file_as_receipts_admin(self):
        self.assertTrue(self.declaration.activity_ids)
        reminders = self.declaration.activity_ids
        self._file()
        self.assertEqual(self.declaration.state, "filed")
        self.assertEqual(self.declaration.filed_date, date(2026, 2, 10))
        self.assertEqual(self.declaration.filed_uid, self.user_admin)
        self.assertEqual(self.declaration.filing_reference, "DS-2026-123456")
        # the reminders are done (kept as done activities)
        self.assertFalse(self.declaration.activity_ids)
        done = reminders.with_context(active_test=False).exists()
        self.assertTrue(done)
        self.assertTrue(all(done.mapped("date_done")))

    def test_filing_refused_to_treasurer_and_billing(self):
        for user in (self.user_treasurer, self.user_billing, self.user_volunteer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.declaration.with_user(user).action_file()
        self.assertEqual(self.declaration.state, "computed")
        self.assertFalse(self.declaration.filed_date)
        self.assertFalse(self.declaration.filed_uid)
        self.assertTrue(self.declaration.activity_ids)

    def test_workflow_fields_never_written_from_outside(self):
        figures = self._figures(self.declaration)
        forbidden = [
            {"state": "filed"},
            {"receipt_count": 1},
            {"amount_total": 1.0},
            {"date_end": date(2025, 6, 30)},
            {"deadline": date(2026, 12, 31)},
            {"filed_date": date(2026, 2, 1)},
            {"filed_uid": self.user_admin.id},
            {"le97_reminder_scheduled": False},
            {"line_ids": [Command.clear()]},
        ]
        admin = self.env.ref("base.user_admin")
        for user in (self.user_admin, self.user_treasurer, self.user_billing, admin):
            # the guard speaks first, before the access rights (an
            # AccessError is a UserError too)
            error = UserError
            for vals in forbidden:
                with (
                    self.subTest(user=user.login, vals=list(vals)),
                    self.assertRaises(error),
                ):
                    self.declaration.with_user(user).write(vals)
            with self.subTest(user=user.login, create="filed"):
                with self.assertRaises(error):
                    self.env[DECLARATION].with_user(user).create(
                        {"year": 2023, "state": "filed"}
                    )
            # the lines: read only, for everyone
            line = self.declaration.line_ids[:1].with_user(user)
            with self.subTest(user=user.login, lines=True):
                with self.assertRaises(UserError):
                    line.write({"amount": 1.0})
                with self.assertRaises(UserError):
                    line.create(
                        {
                            "declaration_id": self.declaration.id,
                            "article": "978",
                            "amount": 1.0,
                        }
                    )
                with self.assertRaises(AccessError):
                    line.unlink()
        # a context default is a value from outside too
        created = (
            self.env[DECLARATION]
            .with_user(self.user_admin)
            .with_context(default_state="filed", default_receipt_count=9)
            .create({"year": 2023})
        )
        self.assertEqual((created.state, created.receipt_count), ("draft", 0))
        self.assertEqual(self.declaration.state, "computed")
        self.assertEqual(self._figures(self.declaration), figures)
        self.assertEqual(self.declaration.receipt_count, 2)

    def test_filed_declaration_is_frozen(self):
        self._file()
        figures = self._figures(self.declaration)
        self.assertEqual(figures, {"200": (1, 120), "238bis": (1, 500), "978": (0, 0)})
        # the data behind changes later (a corrected amount in the database,
        # the articles of the fund, its fiscal year end): the figures stay
        self.env.cr.execute(
            "UPDATE donation_tax_receipt SET amount = 999 WHERE id = %s",
            (self.receipt_a.id,),
        )
        self.env["donation.tax.receipt"].invalidate_model(["amount"])
        self.company.write(
            {
                "fund_receipt_art_200": False,
                "fund_receipt_art_978": True,
                "fiscalyear_last_month": "6",
                "fiscalyear_last_day": 30,
            }
        )
        self.env.invalidate_all()
        self.assertEqual(self._figures(self.declaration), figures)
        self.assertEqual(self.declaration.amount_total, 620)
        self.assertEqual(self.declaration.date_end, date(2025, 12, 31))
        with self.assertRaises(UserError):
            self.declaration.with_user(self.user_admin).action_compute()
        with self.assertRaises(UserError):
            self.declaration.with_user(self.user_admin).action_file()
        with self.assertRaises(UserError):
            self.declaration.with_user(self.user_admin).write(
                {"filing_reference": "other"}
            )
        with self.assertRaises(UserError):
            self.declaration.with_user(self.user_admin).unlink()
        self.assertEqual(self._figures(self.declaration), figures)
        self.assertEqual(self.declaration.filing_reference, "DS-2026-123456")
        self.assertEqual(self.declaration.state, "filed")
        # the export stays, with the filed figures
        rows = self._csv_rows(
            self.declaration.with_user(self.user_treasurer).action_export_csv()
        )
        self.assertEqual(rows[1][3:5], ["1", "120.00"])
        self.assertEqual(rows[4][3:5], ["2", "620.00"])

    def test_filing_needs_the_current_figures(self):
        self._receipt(self.donor, 30, date(2025, 12, 1))
        with self._assertRaisesText(UserError, "compute it again"):
            self.declaration.with_user(self.user_admin).action_file()
        self.assertEqual(self.declaration.state, "computed")
        self.assertEqual(self.declaration.receipt_count, 2)
        self.declaration.with_user(self.user_admin).action_compute()
        self.assertEqual(self.declaration.receipt_count, 3)
        self.declaration.with_user(self.user_admin).action_file()
        self.assertEqual(self.declaration.state, "filed")

    def test_filing_before_the_closing_refused(self):
        current = self._declaration(year=2026)
        with self._assertRaisesText(UserError, "before its financial year closes"):
            current.with_user(self.user_admin).action_file()
        self.assertEqual(current.state, "computed")
        draft = self._declaration(year=2024, compute=False)
        with self.assertRaises(UserError):
            draft.with_user(self.user_admin).action_file()
        self.assertEqual(draft.state, "draft")

    def test_no_receipt_issued_into_a_filed_year(self):
        self._file()
        receipts = self._receipt_count()
        donation = self.env["donation.donation"].create(
            self._donation_vals(self.donor, 75, donation_date=date(2025, 11, 1))
        )
        with self._assertRaisesText(UserError, "Declaration of Gifts 2025"):
            donation.validate()
        self.assertEqual(donation.state, "draft")
        self.assertFalse(donation.tax_receipt_id)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self.declaration.receipt_count, 2)
        # the next financial year is open
        receipt = self._receipt(self.donor, 75, date(2026, 2, 1))
        self.assertEqual(receipt.state, "issued")

    def test_no_yearly_receipts_into_a_filed_year(self):
        self._file()
        receipts = self._receipt_count()
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.user_admin)
            .create({"year": 2025})
        )
        with self._assertRaisesText(UserError, "filed on"):
            wizard.action_issue()
        self.assertEqual(self._receipt_count(), receipts)
        self.assertFalse(self.annual_gift.tax_receipt_id)
        self.assertEqual(wizard.state, "draft")

    def test_no_receipt_of_a_filed_year_cancelled(self):
        self._file()
        with self._assertRaisesText(UserError, self.receipt_a.number):
            self.receipt_a.with_user(self.user_admin)._le97_cancel("Wrong amount")
        wizard = (
            self.env["donation.tax.receipt.cancel"]
            .with_user(self.user_admin)
            .create(
                {
                    "receipt_ids": [Command.set(self.receipt_company.ids)],
                    "reason": "Wrong donor",
                    "replace": True,
                }
            )
        )
        with self._assertRaisesText(UserError, "Declaration of Gifts 2025"):
            wizard.action_confirm()
        for receipt in self.receipt_a | self.receipt_company:
            self.assertEqual(receipt.state, "issued")
            self.assertFalse(receipt.le97_cancel_reason)
            self.assertTrue(receipt.donation_ids)
        self.assertEqual(self._figures(self.declaration)["238bis"], (1, 500))
        # a receipt of the next financial year can be cancelled
        self.receipt_next.with_user(self.user_admin)._le97_cancel("Wrong amount")
        self.assertEqual(self.receipt_next.state, "cancelled")

    def test_computed_declaration_does_not_freeze(self):
        """Only a filed declaration freezes its receipts."""
        self.receipt_a.with_user(self.user_admin)._le97_cancel("Wrong amount")
        self.assertEqual(self.receipt_a.state, "cancelled")
        self.declaration.with_user(self.user_admin).action_compute()
        self.assertEqual(self.declaration.receipt_count, 1)
