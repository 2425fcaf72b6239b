# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

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
        self.assertEqual(wizard.matched_count, 1)
        self.assertEqual(wizard.created_count, 2)
        self.assertEqual(self.payment.wallet_transaction_ref, "TX-1")
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
        self.assertEqual(self._lines() - lines_before, new_lines)
        self.assertEqual(self._move_count(), moves)

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
