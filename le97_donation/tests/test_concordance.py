# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import Le97DonationCommon
from .french_labels import FrenchLabelsMixin

CONCORDANCE_VIEWS = [
    ("donation.tax.receipt.concordance", "form"),
    ("donation.tax.receipt.concordance.line", "list"),
    ("donation.tax.receipt.concordance.line", "search"),
    ("donation.tax.receipt.concordance.issue", "list"),
    ("donation.tax.receipt.concordance.issue", "search"),
]


class ConcordanceCommon(Le97DonationCommon):
    @classmethod
    def _concordance(cls, year=2025, user=None, **vals):
        user = user or cls.user_treasurer
        concordance = (
            cls.env["donation.tax.receipt.concordance"]
            .with_user(user)
            .with_context(lang=user.lang)
            .create({"year": year, **vals})
        )
        concordance.action_compute()
        return concordance

    @classmethod
    def _gift_account(cls):
        return cls.company.le97_account_gift_id


@tagged("post_install", "-at_install")
class TestConcordance(FrenchLabelsMixin, ConcordanceCommon):
    """A year with a clean case and one of each discrepancy kind.

    The receipts are issued by the normal paths (a gift validated with the
    option "each", the yearly run, a replacement). The broken states cannot
    be made through the application (the receipts and the receipted gifts
    are guarded): each one is made below with a direct SQL UPDATE, as a
    tampered database or a bug would leave it, and documented where it is
    made.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_load_french()
        cls.user_treasurer_fr = new_test_user(
            cls.env,
            login="don_treasurer_fr",
            groups="le97_base.group_treasurer",
            lang="fr_FR",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        cr = cls.env.cr
        day = date(2025, 3, 1)
        cls.donor_b = cls.donor.copy({"name": "Paul Martin"})
        cls.donor_c = cls.donor.copy({"name": "Lucie Bernard"})
        # clean: a receipt for each gift, and a yearly receipt of two gifts
        cls.gift_clean = cls._validated_donation(cls.donor, 120, donation_date=day)
        cls.receipt_clean = cls.gift_clean.tax_receipt_id
        cls.gifts_yearly = cls._validated_donation(
            cls.donor_b, 50, donation_date=date(2025, 2, 1), tax_receipt_option="annual"
        ) | cls._validated_donation(
            cls.donor_b, 70, donation_date=date(2025, 9, 1), tax_receipt_option="annual"
        )
        yearly = (
            cls.env["donation.tax.receipt.yearly"]
            .with_user(cls.user_admin)
            .create({"year": 2025})
        )
        yearly.action_issue()
        cls.receipt_yearly = yearly.receipt_ids
        # clean too: a cancelled receipt and its replacement
        cls.gift_replaced = cls._validated_donation(cls.donor, 25, donation_date=day)
        cls.receipt_replaced = cls.gift_replaced.tax_receipt_id
        cls.receipt_replaced.with_user(cls.user_admin)._le97_cancel("Wrong address")
        cls.receipt_replacement = cls.receipt_replaced.with_user(
            cls.user_admin
        )._le97_replace()
        # clean: a gift without receipt asked (no discrepancy)
        cls.gift_none = cls._validated_donation(
            cls.donor, 35, donation_date=day, tax_receipt_option="none"
        )
        # another year: not in the concordance of 2025
        cls.gift_2024 = cls._validated_donation(
            cls.donor, 45, donation_date=date(2024, 6, 1)
        )

        # receipt without money (no gift): the receipt is detached from its
        # gift, and the gift no longer asks for a receipt (SQL: the link and
        # the option are frozen once receipted)
        cls.gift_detached = cls._validated_donation(cls.donor, 200, donation_date=day)
        cls.receipt_nogift = cls.gift_detached.tax_receipt_id
        cls.env.flush_all()
        cr.execute(
            "DELETE FROM le97_donation_tax_receipt_donation_rel WHERE receipt_id = %s",
            [cls.receipt_nogift.id],
        )
        cls.env.flush_all()
        cr.execute(
            "UPDATE donation_donation SET tax_receipt_id = NULL, "
            "tax_receipt_option = 'none' WHERE id = %s",
            [cls.gift_detached.id],
        )
        # receipt without money (no posted entry): the gift's entry is put
        # back to draft (SQL: a posted, hash-secured entry cannot be)
        cls.gift_unbooked = cls._validated_donation(cls.donor, 300, donation_date=day)
        cls.receipt_unbooked = cls.gift_unbooked.tax_receipt_id
        cls.env.flush_all()
        cr.execute(
            "UPDATE account_move SET state = 'draft' WHERE id = %s",
            [cls.gift_unbooked.move_id.id],
        )
        cls.env.flush_all()
        cr.execute(
            "UPDATE account_move_line SET parent_state = 'draft' WHERE move_id = %s",
            [cls.gift_unbooked.move_id.id],
        )
        # money without receipt: a yearly gift recorded after the yearly run
        cls.gift_late = cls._validated_donation(
            cls.donor_c,
            40,
            donation_date=date(2025, 11, 5),
            tax_receipt_option="annual",
        )
        # amounts that differ (receipt): the receipt's amount is changed
        # (SQL: an issued receipt is frozen)
        cls.gift_small = cls._validated_donation(cls.donor, 80, donation_date=day)
        cls.receipt_big = cls.gift_small.tax_receipt_id
        cls.env.flush_all()
        cr.execute(
            "UPDATE donation_tax_receipt SET amount = 800 WHERE id = %s",
            [cls.receipt_big.id],
        )
        # amounts that differ (gift vs its 754x credit): the entry's gift line
        # is lowered (SQL: a posted entry cannot be changed)
        cls.gift_short = cls._validated_donation(cls.donor, 60, donation_date=day)
        gift_line = cls.gift_short.move_id.line_ids.filtered(
            lambda line: line.account_id == cls._gift_account()
        )
        cls.env.flush_all()
        cr.execute(
            "UPDATE account_move_line SET credit = 50, balance = -50, "
            "amount_currency = -50 WHERE id = %s",
            [gift_line.id],
        )
        # cancelled gift with an active receipt (SQL: a receipted gift cannot
        # be cancelled while its receipt is issued)
        cls.gift_cancelled = cls._validated_donation(cls.donor, 90, donation_date=day)
        cls.receipt_of_cancelled = cls.gift_cancelled.tax_receipt_id
        cls.env.flush_all()
        cr.execute(
            "UPDATE donation_donation SET state = 'cancel' WHERE id = %s",
            [cls.gift_cancelled.id],
        )
        # gift entry outside a gift: a miscellaneous entry on the gift account
        misc = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.entry_outside = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": misc.id,
                "date": date(2025, 4, 4),
                "ref": "Don saisi à la main",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": cls.cheque_line.payment_account_id.id,
                            "debit": 100,
                        }
                    ),
                    Command.create(
                        {"account_id": cls._gift_account().id, "credit": 100}
                    ),
                ],
            }
        )
        cls.entry_outside.action_post()
        cls.env.invalidate_all()
        cls.concordance = cls._concordance(user=cls.user_treasurer_fr)

    def _issues(self, kind):
        return self.concordance.issue_ids.filtered(lambda i: i.kind == kind)

    def test_period_defaults_to_previous_calendar_year(self):
        concordance = (
            self.env["donation.tax.receipt.concordance"]
            .with_user(self.user_treasurer)
            .create({})
        )
        self.assertEqual(concordance.period_type, "calendar")
        self.assertEqual(concordance.year, self.today.year - 1)
        self.assertEqual(
            (concordance.date_from, concordance.date_to),
            (date(self.today.year - 1, 1, 1), date(self.today.year - 1, 12, 31)),
        )

    def test_totals(self):
        c = self.concordance
        self.assertEqual(c.state, "done")
        self.assertEqual(c.receipt_count, 8)
        self.assertEqual(c.cancelled_receipt_count, 1)
        # 120 + 120 (yearly) + 25 + 200 + 300 + 800 + 60 + 90
        self.assertEqual(c.receipt_amount, 1715)
        # the gifts of the issued receipts: 120 + 50 + 70 + 25 + 300 + 80 + 60 + 90
        self.assertEqual(c.gift_amount, 795)
        # posted 754x credits of 2025: every gift but the unbooked one (its
        # entry is a draft) and the 2024 one, 50 instead of 60, and the
        # entry outside the gifts
        self.assertEqual(
            c.book_amount, 120 + 50 + 70 + 25 + 35 + 200 + 40 + 80 + 50 + 90 + 100
        )
        self.assertEqual(c.book_outside_amount, 100)
        self.assertEqual(c.issue_count, 7)

    def test_each_kind_of_discrepancy(self):
        kinds = self.concordance.issue_ids.mapped("kind")
        self.assertEqual(
            sorted(kinds),
            sorted(
                [
                    "receipt_without_money",
                    "receipt_without_money",
                    "money_without_receipt",
                    "amount_mismatch",
                    "amount_mismatch",
                    "cancelled_gift",
                    "entry_outside_gift",
                ]
            ),
        )
        no_money = self._issues("receipt_without_money")
        self.assertEqual(
            no_money.receipt_id, self.receipt_nogift | self.receipt_unbooked
        )
        unbooked = no_money.filtered(lambda i: i.receipt_id == self.receipt_unbooked)
        self.assertEqual(unbooked.donation_id, self.gift_unbooked)
        self.assertIn(self.gift_unbooked.number, unbooked.reason)
        self.assertIn("sans aucun don", (no_money - unbooked).reason)

        late = self._issues("money_without_receipt")
        self.assertEqual(late.donation_id, self.gift_late)
        self.assertEqual(late.amount, 40)
        self.assertIn("reçus annuels", late.reason)

        mismatch = self._issues("amount_mismatch")
        receipt_issue = mismatch.filtered(lambda i: not i.donation_id)
        self.assertEqual(receipt_issue.receipt_id, self.receipt_big)
        self.assertEqual(receipt_issue.amount, 720)
        gift_issue = mismatch - receipt_issue
        self.assertEqual(gift_issue.donation_id, self.gift_short)
        self.assertEqual(gift_issue.amount, 10)

        cancelled = self._issues("cancelled_gift")
        self.assertEqual(cancelled.donation_id, self.gift_cancelled)
        self.assertEqual(cancelled.receipt_id, self.receipt_of_cancelled)

        outside = self._issues("entry_outside_gift")
        self.assertEqual(outside.move_id, self.entry_outside)
        self.assertEqual(outside.amount, 100)

        # the clean cases raise nothing
        clean = (
            self.receipt_clean
            | self.receipt_yearly
            | self.receipt_replaced
            | self.receipt_replacement
        )
        self.assertFalse(self.concordance.issue_ids.receipt_id & clean)
        self.assertFalse(
            self.concordance.issue_ids.donation_id
            & (self.gift_clean | self.gifts_yearly | self.gift_none)
        )

    def test_lines_set_receipts_beside_gifts_entries_and_payments(self):
        lines = self.concordance.line_ids
        clean = lines.filtered(lambda line: line.receipt_id == self.receipt_clean)
        self.assertEqual(clean.donation_id, self.gift_clean)
        self.assertEqual(clean.move_id, self.gift_clean.move_id)
        self.assertEqual(clean.receipt_amount, 120)
        self.assertEqual(clean.donation_eligible, 120)
        self.assertEqual(clean.gift_credit, 120)
        self.assertEqual(clean.gift_accounts, self._gift_account().code)
        self.assertIn(
            self.bank_journal.with_context(lang="fr_FR").name, clean.payment_text
        )
        self.assertFalse(clean.has_issue)
        yearly = lines.filtered(lambda line: line.receipt_id == self.receipt_yearly)
        self.assertEqual(yearly.donation_id, self.gifts_yearly)
        # the receipt's amount once, on its first row
        self.assertEqual(sorted(yearly.mapped("receipt_amount")), [0, 120])
        cancelled = lines.filtered(
            lambda line: line.receipt_id == self.receipt_replaced
        )
        self.assertEqual(cancelled.receipt_state, "cancelled")
        self.assertFalse(cancelled.has_issue)
        none = lines.filtered(lambda line: line.donation_id == self.gift_none)
        self.assertFalse(none.receipt_id)
        self.assertEqual(none.gift_credit, 35)
        outside = lines.filtered(lambda line: line.move_id == self.entry_outside)
        self.assertFalse(outside.donation_id)
        self.assertTrue(outside.has_issue)
        self.assertNotIn(self.gift_2024, lines.donation_id)

    def test_html_report_in_french(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_treasurer_fr)
            .with_context(lang="fr_FR")
            ._render_qweb_html(
                "le97_donation.donation_tax_receipt_concordance_report",
                self.concordance.ids,
            )[0]
            .decode()
        )
        self.assertIn("Concordance des reçus et des dons", html)
        self.assertIn("Année civile 2025", html)
        for label in (
            "Reçu sans argent",
            "Argent sans reçu",
            "Montants différents",
            "Don annulé avec un reçu actif",
            "Écriture de don hors de tout don",
        ):
            self.assertIn(label, html)
        for record in (
            self.receipt_clean,
            self.receipt_nogift,
            self.receipt_big,
            self.receipt_replaced,
        ):
            self.assertIn(record.number, html)
        for gift in (self.gift_clean, self.gift_late, self.gift_short):
            self.assertIn(gift.number, html)
        self.assertIn(self.entry_outside.name, html)
        self.assertEqual(html.count('data-kind="receipt_without_money"'), 2)
        self.assertEqual(html.count('data-kind="entry_outside_gift"'), 1)

    def test_xlsx_export(self):
        concordance = self.concordance.with_user(self.user_treasurer_fr).with_context(
            lang="fr_FR"
        )
        action = concordance.action_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        self.assertEqual(book.sheetnames, ["Synthèse", "Reçus et dons", "Anomalies"])
        summary = {
            row[0]: row[1] for row in book["Synthèse"].iter_rows(values_only=True)
        }
        self.assertEqual(summary["Reçus émis"], 8)
        self.assertEqual(summary["Montant des reçus"], 1715)
        self.assertEqual(summary["Dons couverts par un reçu"], 795)
        self.assertEqual(summary["Nombre d'anomalies"], 7)
        rows = list(book["Reçus et dons"].iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Reçu")
        self.assertEqual(len(rows) - 1, len(concordance.line_ids))
        clean = next(row for row in rows if row[0] == self.receipt_clean.number)
        self.assertEqual(clean[5], self.gift_clean.number)
        self.assertEqual(clean[12], 120)
        issues = list(book["Anomalies"].iter_rows(values_only=True))[1:]
        self.assertEqual(
            sorted(row[0] for row in issues),
            sorted(
                [
                    "Reçu sans argent",
                    "Reçu sans argent",
                    "Argent sans reçu",
                    "Montants différents",
                    "Montants différents",
                    "Don annulé avec un reçu actif",
                    "Écriture de don hors de tout don",
                ]
            ),
        )
        outside = next(row for row in issues if row[3] == self.entry_outside.name)
        self.assertEqual(outside[4], 100)

    def test_opening_a_line_opens_its_document(self):
        concordance = self.concordance.with_user(self.user_treasurer)
        issue = concordance.issue_ids.filtered(lambda i: i.kind == "cancelled_gift")
        action = issue.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("donation.donation", self.gift_cancelled.id),
        )
        issue = concordance.issue_ids.filtered(lambda i: i.kind == "entry_outside_gift")
        action = issue.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("account.move", self.entry_outside.id),
        )
        line = concordance.line_ids.filtered(
            lambda line: line.receipt_id == self.receipt_clean
        )
        self.assertEqual(line.action_open_receipt()["res_id"], self.receipt_clean.id)
        self.assertEqual(line.action_open_donation()["res_id"], self.gift_clean.id)
        self.assertEqual(line.action_open_move()["res_id"], self.gift_clean.move_id.id)
        action = concordance.action_open_issues()
        self.assertEqual(action["context"]["search_default_group_kind"], 1)
        self.assertEqual(action["domain"], [("concordance_id", "=", concordance.id)])

    def test_pdf_action(self):
        action = self.concordance.with_user(self.user_treasurer).action_print_pdf()
        self.assertEqual(action["report_name"], "le97_donation.report_concordance")

    def test_views_in_french(self):
        env = self.env(user=self.user_treasurer_fr, context={"lang": "fr_FR"})
        self.assertViewsInFrench(env, CONCORDANCE_VIEWS)


@tagged("post_install", "-at_install")
class TestConcordancePeriod(ConcordanceCommon):
    def test_financial_year(self):
        """A fund closing on 30 June: the financial year 2025 runs from
        1 July 2024 to 30 June 2025."""
        self.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        inside = self._validated_donation(
            self.donor, 10, donation_date=date(2024, 7, 1)
        )
        inside |= self._validated_donation(
            self.donor, 20, donation_date=date(2025, 6, 30)
        )
        before = self._validated_donation(
            self.donor, 40, donation_date=date(2024, 6, 30)
        )
        after = self._validated_donation(self.donor, 80, donation_date=date(2025, 7, 1))
        concordance = self._concordance(period_type="fiscal")
        self.assertEqual(concordance.date_from, date(2024, 7, 1))
        self.assertEqual(concordance.date_to, date(2025, 6, 30))
        self.assertEqual(concordance.line_ids.donation_id, inside)
        self.assertFalse(concordance.line_ids.donation_id & (before | after))
        self.assertEqual(concordance.receipt_count, 2)
        self.assertEqual(concordance.receipt_amount, 30)
        self.assertEqual(concordance.book_amount, 30)
        self.assertFalse(concordance.issue_ids)

    def test_period_helper(self):
        model = self.env["donation.tax.receipt.concordance"]
        self.company.write({"fiscalyear_last_month": "2", "fiscalyear_last_day": 29})
        # a February closing follows the length of February
        self.assertEqual(
            model._le97_get_period(self.company, "fiscal", 2025),
            (date(2024, 3, 1), date(2025, 2, 28)),
        )
        self.assertEqual(
            model._le97_get_period(self.company, "fiscal", 2024),
            (date(2023, 3, 1), date(2024, 2, 29)),
        )
        self.assertEqual(
            model._le97_get_period(self.company, "calendar", 2025),
            (date(2025, 1, 1), date(2025, 12, 31)),
        )
        self.company.write({"fiscalyear_last_month": "12", "fiscalyear_last_day": 31})
        self.assertEqual(
            model._le97_get_period(self.company, "fiscal", 2025),
            (date(2025, 1, 1), date(2025, 12, 31)),
        )

    def test_bad_year_is_refused(self):
        concordance = (
            self.env["donation.tax.receipt.concordance"]
            .with_user(self.user_treasurer)
            .create({"year": 20255})
        )
        with self.assertRaises(UserError):
            concordance.action_compute()
        self.assertEqual(concordance.state, "draft")
        self.assertFalse(concordance.line_ids)


@tagged("post_install", "-at_install")
class TestConcordanceQueries(ConcordanceCommon):
    def test_query_count_does_not_grow_with_receipts(self):
        """The same number of queries for 3 and for 30 receipts (each with
        its gift, entry and payment), the lines written included."""

        def queries_for(year, count):
            for index in range(count):
                partner = self.donor.copy({"name": f"Donor {year} {index}"})
                self._validated_donation(
                    partner, 10 + index, donation_date=date(year, 2, 1)
                )
            concordance = (
                self.env["donation.tax.receipt.concordance"]
                .with_user(self.user_treasurer)
                .create({"year": year})
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            concordance.action_compute()
            self.env.flush_all()
            after = self.env.cr.sql_log_count
            self.assertEqual(concordance.receipt_count, count)
            self.assertEqual(len(concordance.line_ids), count)
            self.assertFalse(concordance.issue_ids)
            return after - before

        # a first run warms the caches that do not depend on the data
        queries_for(2021, 1)
        small = queries_for(2022, 3)
        large = queries_for(2023, 30)
        self.assertEqual(small, large)


@tagged("post_install", "-at_install")
class TestConcordanceAccess(ConcordanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receipt = cls._validated_donation(
            cls.donor, 120, donation_date=date(2025, 3, 1)
        ).tax_receipt_id
        ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.user_plain = new_test_user(
            cls.env, login="don_plain", groups="base.group_user", **ctx
        )
        merchant_group = cls.env.ref(
            "le97_pive.group_pive_merchant", raise_if_not_found=False
        )
        cls.user_merchant = (
            new_test_user(
                cls.env,
                login="don_merchant",
                groups="le97_pive.group_pive_merchant",
                **ctx,
            )
            if merchant_group
            else None
        )

    def test_treasurer_and_receipt_admin_run_it(self):
        for user in (self.user_treasurer, self.user_admin):
            with self.subTest(user=user.login):
                concordance = self._concordance(user=user)
                self.assertEqual(concordance.receipt_count, 1)
                self.assertEqual(concordance.line_ids.receipt_id, self.receipt)

    def test_others_cannot_run_it(self):
        users = [self.user_plain, self.user_volunteer]
        if self.user_merchant:
            users.append(self.user_merchant)
        Concordance = self.env["donation.tax.receipt.concordance"]
        count = Concordance.search_count([])
        stored = Concordance.create({"year": 2025})
        for user in users:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Concordance.with_user(user).create({"year": 2025})
                with self.assertRaises(AccessError):
                    stored.with_user(user).action_compute()
                with self.assertRaises(AccessError):
                    stored.with_user(user)._le97_compute()
        self.assertEqual(Concordance.search_count([]), count + 1)
        self.assertEqual(stored.state, "draft")
        self.assertFalse(stored.line_ids)

    def test_results_are_never_written(self):
        """A treasurer cannot write the figures or the rows of a report given
        to the inspector: they come from the books."""
        concordance = self._concordance()
        line = concordance.line_ids
        for vals in (
            {"receipt_count": 99},
            {"receipt_amount": 99999},
            {"state": "draft"},
            {"issue_ids": [Command.clear()]},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                concordance.write(vals)
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt.concordance"].with_user(
                self.user_treasurer
            ).create({"year": 2025, "receipt_count": 5})
        with self.assertRaises(AccessError):
            line.write({"receipt_amount": 5})
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt.concordance.issue"].with_user(
                self.user_treasurer
            ).create(
                {
                    "concordance_id": concordance.id,
                    "kind": "amount_mismatch",
                    "reason": "forged",
                }
            )
        with self.assertRaises(UserError):
            concordance.write({"year": 2024})
        self.assertEqual(concordance.receipt_count, 1)
        self.assertEqual(concordance.receipt_amount, 120)
        self.assertEqual(concordance.year, 2025)
        self.assertEqual(line.receipt_amount, 120)
        self.assertFalse(concordance.issue_ids)

    def test_other_company_refused(self):
        other = self.env["res.company"].create({"name": "Autre fonds"})
        concordance = (
            self.env["donation.tax.receipt.concordance"]
            .with_user(self.user_treasurer)
            .create({"year": 2025, "company_id": other.id})
        )
        with self.assertRaises(AccessError):
            concordance.with_user(self.user_treasurer).action_compute()
        self.assertEqual(concordance.state, "draft")


@tagged("post_install", "-at_install")
class TestConcordanceAccounts(ConcordanceCommon):
    def test_gift_accounts_of_the_non_profit_chart(self):
        """On the non-profit chart: the fund's gift accounts (7541, 7542, ...)
        and every 754x account."""
        concordance = self.env["donation.tax.receipt.concordance"].create(
            {"year": 2025}
        )
        accounts = concordance._le97_gift_accounts()
        self.assertIn(self.company.le97_account_gift_id, accounts)
        self.assertIn(self.company.le97_account_company_gift_id, accounts)
        self.assertTrue(all(code.startswith("754") for code in accounts.mapped("code")))

    def test_gift_accounts_of_another_chart(self):
        """A company on another chart: the income account of its gift
        product, not a 754 that means something else there (cooperative
        rebates on the commercial French chart)."""
        other = self.env["res.company"].create({"name": "Autre plan"})
        Account = self.env["account.account"].with_company(other)
        rebates = Account.create(
            {
                "name": "Ristournes perçues",
                "code": "754000",
                "account_type": "income_other",
                "company_ids": other.ids,
            }
        )
        gifts = Account.create(
            {
                "name": "Dons",
                "code": "758900",
                "account_type": "income_other",
                "company_ids": other.ids,
            }
        )
        self.product.product_tmpl_id.with_company(
            other
        ).property_account_income_id = gifts
        concordance = self.env["donation.tax.receipt.concordance"].create(
            {"year": 2025, "company_id": other.id}
        )
        accounts = concordance._le97_gift_accounts()
        self.assertIn(gifts, accounts)
        self.assertNotIn(rebates, accounts)
