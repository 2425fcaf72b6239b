# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestExchangeChecks(ExchangeCommon):
    """The invariants turn red, and explain which records cause it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._move("reception", {20: 5, 5: 4}, dest=cls.safe)
        cls._move("transfer", {20: 2, 5: 2}, src=cls.safe, dest=cls.counter_a)
        cls.session = cls._open_session(cls.counter_a, notes={20: 2, 5: 2})
        cls._sell(cls.session, cls.member, 25, {20: 1, 5: 1})
        Check = cls.env["le97.pive.exchange.check"]
        cls.check_stock = Check.search(
            [("company_id", "=", cls.company.id), ("check_type", "=", "stock")]
        )
        cls.check_account = Check.search(
            [("company_id", "=", cls.company.id), ("check_type", "=", "account")]
        )

    def test_checks_hold(self):
        self.assertTrue(self.check_stock.is_ok)
        self.assertTrue(self.check_account.is_ok, self.check_account.actual)

    def test_stock_tampered_turns_red(self):
        quant = self.env["le97.pive.note.quant"].search(
            [
                ("location_id", "=", self.counter_a.id),
                ("denomination_id", "=", self.den[20].id),
            ]
        )
        self.assertEqual(quant.quantity, 1)
        # a stock line written behind the register's back
        self.env.cr.execute(
            "UPDATE le97_pive_note_quant SET quantity = 3 WHERE id = %s", [quant.id]
        )
        self.env.invalidate_all()
        self.assertFalse(self.check_stock.is_ok)
        self.assertIn("register 4, stock 6", self.check_stock.detail)
        action = self.check_stock.action_explain()
        self.assertEqual(action["res_model"], "le97.pive.note.quant")
        self.assertEqual(
            self.env["le97.pive.note.quant"].search(action["domain"]), quant
        )
        self.assertTrue(self.check_account.is_ok)

    def test_manual_entry_on_4671_turns_red(self):
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.company.mlcc_exchange_journal_id.id,
                "line_ids": [
                    Command.create({"account_id": self.account_4671.id, "debit": 10.0}),
                    Command.create({"account_id": self.account_531.id, "credit": 10.0}),
                ],
            }
        )
        move.action_post()
        self.assertFalse(self.check_account.is_ok)
        action = self.check_account.action_explain()
        self.assertEqual(action["res_model"], "account.move.line")
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(lines.move_id, move)
        self.assertEqual(lines.account_id, self.account_4671)
        self.assertTrue(self.check_stock.is_ok)
