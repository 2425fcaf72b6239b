# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestExchangeDay(ExchangeCommon):
    """A full day at the exchange office, then the figures it implies."""

    def test_full_day(self):
        opening_balance = self.balance_4671()
        # morning: La Pive entrusts 760 Pives of notes, kept in the safe
        reception = self._move(
            "reception", {20: 20, 10: 20, 5: 20, 2: 20, 1: 20}, dest=self.safe
        )
        self.assertEqual(reception.amount_total, 760)
        self.assertEqual(self.stock(self.safe), {20: 20, 10: 20, 5: 20, 2: 20, 1: 20})
        # transfers recorded by the treasurer, validated by a second person
        to_a = self._move(
            "transfer",
            {20: 5, 10: 5, 5: 5, 2: 10, 1: 10},
            src=self.safe,
            dest=self.counter_a,
            user=self.user_treasurer,
            done=False,
        )
        to_a = to_a.with_user(self.env.user)
        to_a.action_done()  # by the admin, not the treasurer who recorded it
        self.assertEqual(to_a.validated_by_id, self.env.user)
        to_b = self._move(
            "transfer",
            {20: 3, 10: 4, 5: 4},
            src=self.safe,
            dest=self.counter_b,
            user=self.user_treasurer,
            done=False,
        )
        to_b.with_user(self.env.user).action_done()
        # two sessions at two counters
        session_a = self._open_session(
            self.counter_a,
            user=self.user_merchant,
            notes={20: 5, 10: 5, 5: 5, 2: 10, 1: 10},
            cash=50.0,
        )
        session_b = self._open_session(
            self.counter_b, user=self.user_merchant_2, notes={20: 3, 10: 4, 5: 4}
        )
        self.assertEqual(session_a.state, "open")
        # sales: cash, cheque, and a new membership on the spot
        sale_1 = self._sell(session_a, self.member, 35, {20: 1, 10: 1, 5: 1})
        sale_2 = self._sell(
            session_a,
            self.member_2,
            47,
            {20: 2, 5: 1, 2: 1},
            method="cheque",
            cheque_ref="CHQ 1234567",
        )
        # a newcomer, recorded at the counter, joins on the spot
        self.user_merchant.groups_id |= self.env.ref("base.group_partner_manager")
        newcomer = (
            self.env["res.partner"]
            .with_user(self.user_merchant)
            .create({"name": "Sam Nouveau"})
        )
        until = fields.Date.add(fields.Date.today(), years=1)
        sale_3 = self._sell(
            session_a,
            newcomer,
            12,
            {10: 1, 2: 1},
            record_membership=True,
            membership_until=until,
        )
        self.assertTrue(newcomer.le97_pive_member)
        self.assertEqual(newcomer.le97_pive_member_until, until)
        sale_4 = self._sell(session_b, self.member, 60, {20: 3}, method="cheque")
        # the entries: cash or cheques to deposit / 4671 La Pive
        self.assertMoveLines(
            sale_1.move_id,
            [
                (self.account_531, 35.0, 0.0, 35.0),
                (self.account_4671, 0.0, 35.0, -35.0),
            ],
        )
        self.assertMoveLines(
            sale_2.move_id,
            [
                (self.account_5112, 47.0, 0.0, 47.0),
                (self.account_4671, 0.0, 47.0, -47.0),
            ],
        )
        self.assertEqual(
            sale_2.move_id.line_ids.filtered(
                lambda line: line.account_id == self.account_4671
            ).partner_id,
            self.company.mlcc_partner_id,
        )
        self.assertEqual(sale_3.move_id.state, "posted")
        self.assertEqual(sale_4.note_move_id.move_type, "sale")
        self.assertEqual(sale_4.note_move_id.location_src_id, self.counter_b)
        # cash-up of counter A: one note of 1 and one euro missing
        session_a.action_refresh_expected()
        self.assertEqual(
            {v: c[1] for v, c in self.counts(session_a).items()},
            {20: 2, 10: 3, 5: 3, 2: 8, 1: 10},
        )
        self.assertEqual(session_a.cash_expected, 97.0)
        self.assertEqual(session_a.cheque_expected, 47.0)
        for count in session_a.count_ids.with_user(self.user_merchant):
            count.quantity = {20: 2, 10: 3, 5: 3, 2: 8, 1: 9}[count.value]
        session_a.with_user(self.user_merchant).write(
            {"cash_close": 96.0, "cheque_close": 47.0}
        )
        with self.assertRaises(UserError) as cm:
            session_a.with_user(self.user_merchant).action_close()
        self.assertIn("explain", str(cm.exception))
        self.assertEqual(session_a.state, "open")
        session_a.with_user(
            self.user_merchant
        ).difference_explanation = (
            "Un billet de 1 remis en trop avec la monnaie, 1 € rendu."
        )
        session_a.with_user(self.user_merchant).action_close()
        self.assertEqual(session_a.state, "closed")
        self.assertEqual(self.counts(session_a)[1], (10, 10, 9, -1))
        self.assertEqual(session_a.cash_difference, -1.0)
        # cash-up of counter B: exact
        for count in session_b.count_ids:
            count.quantity = {10: 4, 5: 4}.get(count.value, 0)
        session_b.cheque_close = 60.0
        session_b.with_user(self.user_merchant_2).action_close()
        self.assertFalse(session_b.has_difference)
        self.assertEqual(session_b.state, "closed")
        # a damaged note withdrawn, notes returned to La Pive
        self._move("withdrawal", {1: 1}, src=self.safe)
        self._move("return", {20: 5}, src=self.safe)
        # remittance: the cheques of counter B and the cash of counter A
        Remittance = self.env["le97.pive.exchange.remittance"].with_user(
            self.user_treasurer
        )
        rem_cheques = Remittance.create({"source": "cheque", "amount": 60.0})
        rem_cheques.action_post()
        rem_bank = Remittance.create(
            {"source": "bank", "amount": 47.0, "reference": "VIR fonds de garantie"}
        )
        rem_bank.action_post()
        self.assertMoveLines(
            rem_bank.move_id,
            [
                (self.account_4671, 47.0, 0.0, 47.0),
                (self.account_512, 0.0, 47.0, -47.0),
            ],
        )
        self.assertMoveLines(
            rem_cheques.move_id,
            [
                (self.account_4671, 60.0, 0.0, 60.0),
                (self.account_5112, 0.0, 60.0, -60.0),
            ],
        )

        # -- what the day implies -------------------------------------------
        self.assertEqual(self.stock(self.safe), {20: 7, 10: 11, 5: 11, 2: 10, 1: 9})
        self.assertEqual(self.stock(self.counter_a), {20: 2, 10: 3, 5: 3, 2: 8, 1: 10})
        self.assertEqual(self.stock(self.counter_b), {10: 4, 5: 4})
        for location in (self.safe, self.counter_a, self.counter_b):
            self.assertEqual(self.quants(location), self.stock(location))
        # per denomination: received - returned - sold + bought back - withdrawn
        total = {
            value: sum(
                self.stock(loc).get(value, 0)
                for loc in (self.safe, self.counter_a, self.counter_b)
            )
            for value in (20, 10, 5, 2, 1)
        }
        self.assertEqual(
            total,
            {
                20: 20 - 5 - (1 + 2 + 3),
                10: 20 - (1 + 1),
                5: 20 - (1 + 1),
                2: 20 - (1 + 1),
                1: 20 - 1,
            },
        )
        # 4671: 35 + 47 + 12 + 60 sold, 107 remitted
        self.assertAlmostEqual(self.balance_4671() - opening_balance, 47.0)
        statement = self.env["le97.pive.exchange.statement"].create(
            {"date_from": fields.Date.today(), "date_to": fields.Date.today()}
        )
        self.assertEqual(
            {f: statement[f] for f in statement._statement_fields()},
            {
                "notes_opening": 0,
                "notes_received": 760,
                "notes_returned": 100,
                "notes_sold": 154,
                "notes_bought_back": 0,
                "notes_withdrawn": 1,
                "notes_closing": 505,
                "euros_opening": opening_balance,
                "euros_owed": 154.0,
                "euros_remitted": 107.0,
                "euros_closing": opening_balance + 47.0,
            },
        )
        # the stock at a date before the reception is empty
        wizard = self.env["le97.pive.note.stock.wizard"].create(
            {
                "date": fields.Datetime.subtract(reception.date, seconds=1),
                "location_ids": [(6, 0, self.safe.ids)],
            }
        )
        self.assertFalse(wizard.line_ids)
        wizard.date = fields.Datetime.now()
        self.assertEqual(wizard.total, 7 * 20 + 11 * 10 + 11 * 5 + 10 * 2 + 9)
        # both invariants hold
        checks = self.env["le97.pive.exchange.check"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(checks), 2)
        self.assertTrue(all(checks.mapped("is_ok")), checks.mapped("detail"))
