# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveWalletImport(PiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.payment = cls._le97_payment(
            12.5, medium="digital", purpose="purpose_bar", date=cls.today
        )
        cls.payment._le97_post()

    def _wizard(self, content, **vals):
        return self.env["le97.pive.wallet.import"].create(
            {
                "data_file": base64.b64encode(content.encode()),
                "filename": "wallet.csv",
                **vals,
            }
        )

    def _lines(self):
        return self.env["account.bank.statement.line"].search(
            [("journal_id", "=", self.digital_journal.id)]
        )

    def _csv(self):
        day = self.today.isoformat()
        return (
            "date,counterpart,label,amount,transaction_id\n"
            f"{day},Camille,Bar,12.50,TX-1\n"
            f"{day},Épicerie Dupont,Achat,-30.00,TX-2\n"
            f"{day},Léo,Don,5,TX-3\n"
        )

    def test_import_and_double_import(self):
        lines_before = self._lines()
        wizard = self._wizard(self._csv())
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 3)
        self.assertEqual(wizard.matched_count, 1)
        self.assertEqual(wizard.created_count, 2)
        self.assertEqual(self.payment.wallet_transaction_ref, "TX-1")
        transactions = wizard.transaction_ids
        self.assertEqual(
            sorted(transactions.mapped("transaction_ref")), ["TX-1", "TX-2", "TX-3"]
        )
        matched = transactions.filtered(lambda t: t.transaction_ref == "TX-1")
        self.assertEqual(matched.state, "matched")
        self.assertEqual(matched.payment_id, self.payment)
        self.assertFalse(matched.statement_line_id)
        self.assertEqual((transactions - matched).mapped("state"), ["statement"] * 2)
        self.assertEqual(
            (transactions - matched).statement_line_id, wizard.statement_line_ids
        )
        new_lines = self._lines() - lines_before
        self.assertEqual(sorted(new_lines.mapped("amount")), [-30.0, 5.0])
        self.assertEqual(
            new_lines.currency_id | new_lines.journal_id.currency_id, self.pive
        )
        self.assertIn("Épicerie Dupont", new_lines.mapped("partner_name"))
        moves = self._move_count()
        # the same file again: nothing new
        again = self._wizard(self._csv())
        again.action_import()
        self.assertEqual(again.created_count, 0)
        self.assertEqual(again.matched_count, 0)
        self.assertEqual(again.skipped_count, 3)
        self.assertEqual(again.imported_count, 0)
        self.assertEqual(self._lines() - lines_before, new_lines)
        self.assertEqual(self._move_count(), moves)

    def test_matched_payment_cannot_be_reversed(self):
        """The wallet shows the money: reversing its payment would lose it."""
        self._wizard(self._csv()).action_import()
        self.assertEqual(self.payment.wallet_transaction_ref, "TX-1")
        moves = self._move_count()
        for user in (self.env.user, self.user_treasurer):
            with self.assertRaises(UserError):
                self.payment.with_user(user).action_reverse()
        self.assertEqual(self.payment.state, "posted")
        self.assertFalse(self.payment.reversal_move_id)
        self.assertEqual(self._move_count(), moves)

    def test_statement_lines_stay_out_of_the_hash_chain(self):
        """The digital journal is secured; its statement lines, which mirror
        the wallet and are reconciled later, are not chained."""
        self.assertTrue(self.digital_journal.restrict_mode_hash_table)
        self.assertTrue(self.payment.sudo().move_id.inalterable_hash)
        wizard = self._wizard(self._csv())
        wizard.action_import()
        self.assertFalse(
            any(wizard.statement_line_ids.move_id.mapped("inalterable_hash"))
        )
        # entries posted after them are chained again, holes and all
        later = self._le97_payment(3, medium="digital")
        later._le97_post()
        self.assertTrue(later.sudo().move_id.inalterable_hash)
        self.env.user.groups_id |= self.env.ref("account.group_account_user")
        integrity = self.company._check_hash_integrity()
        statuses = {
            result["status"]
            for result in integrity["results"]
            if result["journal_name"].startswith(self.digital_journal.name)
        }
        self.assertEqual(statuses, {"verified"})

    def test_mapping_and_separator(self):
        day = self.today.strftime("%d/%m/%Y")
        content = (
            "Date;Tiers;Libellé;Montant;Id\n"
            f"{day};Camille;Bar;12,50;TX-9\n"
            f"{day};Alex;Adhésion;1.000,00;TX-10\n"
        )
        wizard = self._wizard(
            content,
            separator=";",
            decimal_separator=",",
            date_format="%d/%m/%Y",
            date_column="Date",
            counterpart_column="Tiers",
            label_column="Libellé",
            amount_column="Montant",
            transaction_column="Id",
        )
        wizard.action_import()
        self.assertEqual(wizard.matched_count, 1)
        self.assertEqual(wizard.statement_line_ids.amount, 1000.0)

    def test_bad_line_imports_nothing(self):
        day = self.today.isoformat()
        content = (
            "date,counterpart,label,amount,transaction_id\n"
            f"{day},Camille,Bar,12.50,TX-20\n"
            f"{day},Alex,Don,douze,TX-21\n"
            f"{day},Léo,Don,5,TX-22\n"
        )
        lines_before = self._lines()
        moves = self._move_count()
        with self.assertRaises(UserError) as cm:
            self._wizard(content).action_import()
        message = str(cm.exception)
        self.assertIn("Line 3", message)
        self.assertIn("douze", message)
        self.assertEqual(self._lines(), lines_before)
        self.assertEqual(self._move_count(), moves)
        self.assertFalse(self.payment.wallet_transaction_ref)
        self.assertFalse(
            self.env["le97.pive.wallet.transaction"].search(
                [("transaction_ref", "in", ["TX-20", "TX-21", "TX-22"])]
            )
        )

    def test_bad_date_and_duplicate_named(self):
        day = self.today.isoformat()
        content = (
            "date,counterpart,label,amount,transaction_id\n"
            f"{day},Camille,Bar,2,TX-30\n"
            "31/02/2026,Alex,Don,3,TX-31\n"
            f"{day},Léo,Don,5,TX-30\n"
        )
        with self.assertRaises(UserError) as cm:
            self._wizard(content).action_import()
        message = str(cm.exception)
        self.assertIn("Line 3", message)
        self.assertIn("Line 4", message)
        self.assertIn("TX-30", message)

    def test_missing_column(self):
        with self.assertRaises(UserError) as cm:
            self._wizard("date;amount\n2026-01-01;3\n").action_import()
        self.assertIn("Columns missing", str(cm.exception))

    def test_unmatched_grouped_by_day_and_direction(self):
        """One statement line per day and direction, listing its transactions."""
        day = self.today
        before = day - timedelta(days=10)
        content = (
            "date,counterpart,label,amount,transaction_id\n"
            f"{day},Camille,Don,5,TX-40\n"
            f"{day},Léo,Don,7,TX-41\n"
            f"{day},Camille,Bar,3,TX-42\n"
            f"{day},Épicerie Dupont,Achat,-30,TX-43\n"
            f"{day},Épicerie Dupont,Achat,-2.50,TX-44\n"
            f"{before},Alex,Don,8,TX-45\n"
        )
        wizard = self._wizard(content)
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 6)
        self.assertEqual(wizard.matched_count, 0)
        self.assertEqual(wizard.created_count, 3)
        lines = wizard.statement_line_ids
        got = sorted((line.date, line.amount, line.partner_name) for line in lines)
        self.assertEqual(
            got,
            sorted(
                [
                    (day, 15.0, False),
                    (day, -32.5, "Épicerie Dupont"),
                    (before, 8.0, "Alex"),
                ]
            ),
        )
        receipts = lines.filtered(lambda line: line.amount == 15.0)
        self.assertIn("3 transactions", receipts.payment_ref)
        self.assertIn("TX-40", receipts.payment_ref)
        self.assertEqual(
            [detail["transaction_id"] for detail in receipts.transaction_details],
            ["TX-40", "TX-41", "TX-42"],
        )
        carried = wizard.transaction_ids.filtered(
            lambda t: t.statement_line_id == receipts
        )
        self.assertEqual(
            sorted(carried.mapped("transaction_ref")), ["TX-40", "TX-41", "TX-42"]
        )
        self.assertEqual(sorted(carried.mapped("line_number")), [2, 3, 4])
        self.assertEqual(set(carried.mapped("filename")), {"wallet.csv"})
        # a single transaction keeps its own label
        single = lines.filtered(lambda line: line.date == before)
        self.assertEqual(single.payment_ref, "Don")
        # the entry: the wallet in local currency against the suspense account
        self.assertTrue(receipts.move_id.state == "posted")
        self.assertMoveLines(
            receipts.move_id,
            [
                (self.digital_journal.default_account_id, 15.0, 0.0, 15.0),
                (self.digital_journal.suspense_account_id, 0.0, 15.0, -15.0),
            ],
        )
        self.assertEqual(receipts.move_id.line_ids.currency_id, self.pive)

    def test_delete_statement_line_then_import_again(self):
        wizard = self._wizard(self._csv())
        wizard.action_import()
        line = wizard.statement_line_ids.filtered(lambda sl: sl.amount == 5.0)
        self.assertEqual(line.le97_wallet_transaction_ids.transaction_ref, "TX-3")
        line.unlink()
        Transaction = self.env["le97.pive.wallet.transaction"]
        self.assertFalse(Transaction.search([("transaction_ref", "=", "TX-3")]))
        again = self._wizard(self._csv())
        again.action_import()
        self.assertEqual(again.imported_count, 1)
        self.assertEqual(again.skipped_count, 2)
        self.assertEqual(again.statement_line_ids.amount, 5.0)

    def test_transactions_are_not_edited(self):
        wizard = self._wizard(self._csv())
        wizard.action_import()
        transaction = wizard.transaction_ids[:1].with_user(self.user_treasurer)
        with self.assertRaises(AccessError):
            transaction.write({"amount": 1.0})
        with self.assertRaises(AccessError):
            transaction.unlink()
        self.assertTrue(transaction.exists())

    def test_queries_do_not_grow_with_lines(self):
        """The import makes no query per line: 40 or 400 lines on two days."""

        def content(count, prefix):
            rows = ["date,counterpart,label,amount,transaction_id"]
            for i in range(count):
                day = self.today - timedelta(days=i % 2)
                sign = -1 if i % 3 == 0 else 1
                rows.append(
                    f"{day},Membre {i},Ligne {i},{sign * (i + 1)}.25,{prefix}{i}"
                )
            return "\n".join(rows)

        counts = {}
        for count, prefix in ((40, "Q-"), (400, "R-")):
            wizard = self._wizard(content(count, prefix))
            self.env.flush_all()
            start = self.env.cr.sql_log_count
            wizard.action_import()
            self.env.flush_all()
            counts[count] = self.env.cr.sql_log_count - start
            self.assertEqual(wizard.imported_count, count)
            self.assertEqual(wizard.created_count, 4)
        # only the ORM's INSERT batches (100 rows each) may add a few queries
        self.assertLessEqual(counts[400] - counts[40], 10, counts)

    def test_treasurer_imports_and_opens_the_results(self):
        Wizard = self.env["le97.pive.wallet.import"].with_user(self.user_treasurer)
        form = Form(Wizard)
        self.assertEqual(form.journal_id, self.digital_journal)
        form.data_file = base64.b64encode(self._csv().encode())
        wizard = form.save()
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 3)
        action = wizard.action_view_transactions()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            wizard.transaction_ids,
        )
        action = wizard.action_view_statement_lines()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            wizard.statement_line_ids,
        )
        # the line's form lists its transactions for the treasurer
        form_view_id = {mode: view for view, mode in action["views"]}["form"]
        StatementLine = self.env["account.bank.statement.line"]
        arch = StatementLine.with_user(self.user_treasurer).get_views(
            [(form_view_id, "form")]
        )["views"]["form"]["arch"]
        self.assertIn("le97_wallet_transaction_ids", arch)
        line = wizard.statement_line_ids.filtered(lambda sl: sl.amount == 5.0)
        self.assertEqual(
            line.with_user(self.user_treasurer).le97_wallet_transaction_ids.label,
            "Don",
        )
        # a treasurer deletes a day's line to import it again
        line.with_user(self.user_treasurer).unlink()
        again = Wizard.create({"data_file": base64.b64encode(self._csv().encode())})
        again.action_import()
        self.assertEqual(again.imported_count, 1)
        self.assertEqual(again.statement_line_ids.amount, 5.0)
