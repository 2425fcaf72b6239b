# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.le97_base.tests.test_dashboard import DashboardMixin

from .common import PiveCommon

PIVE_CARDS = ("pive_held", "pive_owed")


@tagged("post_install", "-at_install")
class TestDashboardPive(DashboardMixin, PiveCommon):
    """The Pives held and the euros owed to La Pive, against the books (the
    main company may hold entries already: the tests compare what they add)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.misc_journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )

    def _entry(self, debit_account, credit_account, amount):
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "line_ids": [
                    Command.create({"account_id": debit_account.id, "debit": amount}),
                    Command.create({"account_id": credit_account.id, "credit": amount}),
                ],
            }
        )
        move.action_post()
        return move

    def _card_records_total(self, card, field="balance"):
        records = self._records_of(card["action"], self.user_treasurer)
        return sum(records.mapped(field))

    def test_pive_held_in_notes_and_digital(self):
        card = self._cards(self.user_treasurer)["pive_held"]
        before = self._rows_by(card, "kind")
        paper = self._le97_payment(20, medium="paper", purpose="purpose_gift")
        paper._le97_post()
        digital = self._le97_payment(4.5, medium="digital")
        digital._le97_post()
        # a draft payment is nothing yet
        self._le97_payment(100, medium="paper")
        card = self._cards(self.user_treasurer)["pive_held"]
        self.assertEqual(card["section"], "pive")
        after = self._rows_by(card, "kind")
        self.assertAlmostEqual(after["paper"] - before.get("paper", 0.0), 20.0)
        self.assertAlmostEqual(after["digital"] - before.get("digital", 0.0), 4.5)
        # the card's records are the items of the notes box and the wallet
        self.assertAlmostEqual(self._card_records_total(card), self._total(card))
        [paper_row] = [
            row
            for row in card["rows"]
            if ("kind", "=", "paper") in row["action"]["domain"]
        ]
        records = self._records_of(paper_row["action"], self.user_treasurer)
        self.assertIn(
            paper.move_id.line_ids.filtered(
                lambda line: line.account_id == self.company.mlcc_paper_account_id
            ).id,
            records.ids,
        )
        self.assertEqual(set(records.mapped("kind")), {"paper"})
        self.assertAlmostEqual(sum(records.mapped("balance")), after["paper"])

    def test_euros_owed_to_the_association(self):
        card = self._cards(self.user_treasurer)["pive_owed"]
        owed_before = -self._card_records_total(card)
        account_4671 = self.company.mlcc_exchange_account_id
        cash = self.company.mlcc_cash_account_id
        bank = self.company.mlcc_bank_account_id
        collected = self._entry(cash, account_4671, 100.0)
        remitted = self._entry(account_4671, bank, 60.0)
        card = self._cards(self.user_treasurer)["pive_owed"]
        records = self._records_of(card["action"], self.user_treasurer)
        self.assertEqual(records.account_id, account_4671)
        self.assertIn(collected.line_ids.filtered("credit"), records)
        self.assertIn(remitted.line_ids.filtered("debit"), records)
        self.assertAlmostEqual(-sum(records.mapped("balance")), owed_before + 40.0)
        self.assertIn(
            self.env["le97.dashboard"]._le97_dashboard_format_amount(
                owed_before + 40.0, self.company.currency_id
            ),
            card["figure"],
        )
        collected_row, remitted_row = card["rows"]
        self.assertEqual(
            self._records_of(collected_row["action"], self.user_treasurer),
            records.filtered("credit"),
        )
        self.assertEqual(
            self._records_of(remitted_row["action"], self.user_treasurer),
            records.filtered("debit"),
        )

    def test_merchant_gets_no_dashboard(self):
        """A merchant reads their own payments and the note stock, but the
        dashboard is the fund's: refused, nothing shown."""
        with self.assertRaises(AccessError):
            self._dashboard(self.user_merchant)
        menu = self.env.ref("le97_base.le97_dashboard_menu")
        visible = (
            self.env["ir.ui.menu"].with_user(self.user_merchant)._visible_menu_ids()
        )
        self.assertNotIn(menu.id, visible)

    def test_treasurer_sees_the_pive_cards(self):
        cards = self._cards(self.user_treasurer)
        self.assertTrue(set(PIVE_CARDS) <= set(cards))
        for key in PIVE_CARDS:
            with self.subTest(card=key):
                self.assertIn(
                    ("company_id", "=", self.company.id), cards[key]["action"]["domain"]
                )

    def test_queries_do_not_grow_with_the_payments(self):
        # one payment of each medium: then only the number of records grows
        self._le97_payment(1, medium="paper")._le97_post()
        self._le97_payment(1, medium="digital")._le97_post()
        few = self._dashboard_queries(self.user_treasurer)
        payments = self.env["le97.pive.payment"]
        for n in range(50):
            payments |= self._le97_payment(1 + n, medium=("paper", "digital")[n % 2])
        payments._le97_post()
        many = self._dashboard_queries(self.user_treasurer)
        self.assertQueriesDoNotGrow(few, many)
