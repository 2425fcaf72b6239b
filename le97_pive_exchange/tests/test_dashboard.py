# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.le97_base.tests.test_dashboard import DashboardMixin

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestDashboardExchange(DashboardMixin, ExchangeCommon):
    """The note stock of the exchange office by denomination, every location
    together (the main company may hold notes already: the tests compare what
    they add)."""

    def _stock_card(self):
        return self._cards(self.user_treasurer)["note_stock"]

    def _row(self, card, value):
        """The row of the denomination of ``value`` (None if not in stock)."""
        term = ("denomination_id", "=", self.den[value].id)
        return next(
            (row for row in card["rows"] if term in row["action"]["domain"]), None
        )

    def test_note_stock_by_denomination(self):
        before = self._stock_card()
        before_20 = self._row(before, 20)
        before_records = (
            self._records_of(before_20["action"], self.user_treasurer)
            if before_20
            else self.env["le97.pive.note.quant"]
        )
        self._move("reception", {20: 5, 5: 4}, dest=self.safe)
        self._move("transfer", {20: 2}, src=self.safe, dest=self.counter_a)
        card = self._stock_card()
        self.assertEqual(card["section"], "pive")
        self.assertEqual(
            self._row(card, 20)["value"] - (before_20["value"] if before_20 else 0),
            100,
        )
        before_5 = self._row(before, 5)
        self.assertEqual(
            self._row(card, 5)["value"] - (before_5["value"] if before_5 else 0), 20
        )
        # the largest denomination first
        in_stock = self._rows_by(card, "denomination_id")
        self.assertEqual(
            list(in_stock),
            self.env["le97.pive.denomination"]
            .search([("id", "in", list(in_stock))])
            .ids,
        )
        # a row opens the stock lines of its denomination, safe and counters
        quants = self.env["le97.pive.note.quant"].search(
            [
                ("location_id", "in", (self.safe | self.counter_a).ids),
                ("denomination_id", "=", self.den[20].id),
            ]
        )
        self.assertEqual(sorted(quants.mapped("quantity")), [2, 3])
        self.assertEqual(
            self._records_of(self._row(card, 20)["action"], self.user_treasurer),
            before_records | quants,
        )
        records = self._records_of(card["action"], self.user_treasurer)
        self.assertEqual(sum(records.mapped("amount")), self._total(card))
        self.assertEqual(records.company_id, self.company)

    def test_sale_owes_euros_to_the_association(self):
        """A sale of notes for euros: fewer notes in stock, more euros owed."""
        self._move("reception", {20: 5}, dest=self.counter_a)
        stock_before = self._total(self._stock_card())
        owed_before = self._records_of(
            self._cards(self.user_treasurer)["pive_owed"]["action"], self.user_treasurer
        )
        session = self._open_session(self.counter_a, notes={20: 5})
        self._sell(session, self.member, 40, {20: 2})
        cards = self._cards(self.user_treasurer)
        self.assertEqual(self._total(cards["note_stock"]), stock_before - 40)
        owed = self._records_of(cards["pive_owed"]["action"], self.user_treasurer)
        self.assertAlmostEqual(
            -sum(owed.mapped("balance")) + sum(owed_before.mapped("balance")), 40.0
        )

    def test_merchant_gets_no_stock(self):
        """A merchant reads the note stock, not the fund's dashboard."""
        self.assertTrue(
            self.env["le97.pive.note.quant"]
            .with_user(self.user_merchant)
            .has_access("read")
        )
        with self.assertRaises(AccessError):
            self._dashboard(self.user_merchant)

    def test_queries_do_not_grow_with_the_stock(self):
        # every denomination once: then only the number of notes and places
        # grows
        self._move("reception", {1: 1, 2: 1, 5: 1, 10: 1, 20: 1}, dest=self.safe)
        few = self._dashboard_queries(self.user_treasurer)
        locations = self.env["le97.pive.note.location"].create(
            [
                {"name": f"Comptoir {n}", "company_id": self.company.id}
                for n in range(10)
            ]
        )
        for location in locations:
            self._move("reception", {1: 3, 2: 3, 5: 3, 10: 3, 20: 3}, dest=location)
        many = self._dashboard_queries(self.user_treasurer)
        self.assertQueriesDoNotGrow(few, many)
