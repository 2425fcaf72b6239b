# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestExchangeRefusals(ExchangeCommon):
    """Bad input is refused with a clear message and nothing half-written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._move("reception", {20: 2, 10: 2, 5: 2}, dest=cls.counter_a)
        cls.session = cls._open_session(
            cls.counter_a, notes={20: 2, 10: 2, 5: 2}, cash=20.0
        )

    def _new_sale(self, partner, amount, notes, **extra):
        return self.env["le97.pive.exchange.sale"].create(
            {
                "session_id": self.session.id,
                "partner_id": partner.id,
                "amount": amount,
                "line_ids": self._note_lines(notes),
                **extra,
            }
        )

    def _snapshot(self):
        return (
            self.env["le97.pive.note.move"].search_count([]),
            self.env["account.move"].search_count([]),
            self.quants(self.counter_a),
            self.balance_4671(),
        )

    def test_notes_total_differs_from_amount(self):
        sale = self._new_sale(self.member, 30, {20: 1, 5: 1})
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("total 25 but the amount is 30", str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(sale.state, "draft")
        self.assertFalse(sale.move_id or sale.note_move_id)

    def test_sale_above_stock_of_a_denomination(self):
        # 40 in stock as two notes of 20, three are asked for
        sale = self._new_sale(self.member, 60, {20: 3})
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("Not enough notes of Note of 20", str(cm.exception))
        self.assertIn("2 in stock, 3 requested", str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(sale.state, "draft")

    def test_membership_required(self):
        sale = self._new_sale(self.stranger, 20, {20: 1})
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("no valid membership", str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        # an expired membership is not valid either
        self.member.le97_pive_member_until = fields.Date.subtract(
            fields.Date.today(), days=1
        )
        expired = self._new_sale(self.member, 20, {20: 1})
        with self.assertRaises(UserError):
            expired.action_confirm()
        # a new membership without an end date is refused, nothing written
        sale.record_membership = True
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("end date of the new membership", str(cm.exception))
        self.assertFalse(self.stranger.le97_pive_member)
        self.assertEqual(self._snapshot(), before)

    def test_buyback_off_by_default(self):
        self.assertFalse(self.company.mlcc_exchange_buyback)
        sale = self._new_sale(self.member, 5, {5: 1}, direction="buyback")
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("Buy-backs of notes are not allowed", str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        # allowed by the setting: notes come back, euros go out of the till
        self.company.mlcc_exchange_buyback = True
        balance = self.balance_4671()
        sale.action_confirm()
        self.assertEqual(self.quants(self.counter_a)[5], 3)
        self.assertMoveLines(
            sale.move_id,
            [
                (self.account_4671, 5.0, 0.0, 5.0),
                (self.account_531, 0.0, 5.0, -5.0),
            ],
        )
        self.assertAlmostEqual(self.balance_4671(), balance - 5.0)
        self.assertEqual(self.session.cash_expected, 15.0)

    def test_session_closed_twice(self):
        for count in self.session.count_ids:
            count.quantity = {20: 2, 10: 2, 5: 2}.get(count.value, 0)
        self.session.cash_close = 20.0
        self.session.action_close()
        closed_on = self.session.date_close
        with self.assertRaises(UserError) as cm:
            self.session.action_close()
        self.assertIn("in the state Closed", str(cm.exception))
        self.assertEqual(self.session.date_close, closed_on)

    def test_closed_session_locked(self):
        for count in self.session.count_ids:
            count.quantity = {20: 2, 10: 2, 5: 2}.get(count.value, 0)
        self.session.cash_close = 20.0
        self.session.action_close()
        # locked for everyone, a treasurer included
        session = self.session.with_user(self.user_treasurer)
        with self.assertRaises(UserError) as cm:
            session.cash_close = 999.0
        self.assertIn("cannot be changed any more", str(cm.exception))
        with self.assertRaises(UserError):
            session.count_ids[0].quantity = 99
        with self.assertRaises(UserError):
            session.difference_explanation = "changed afterwards"
        with self.assertRaises(UserError):
            session.unlink()
        with self.assertRaises(UserError):
            self._new_sale(self.member, 20, {20: 1})
        self.assertEqual(self.session.cash_close, 20.0)
        self.assertEqual(
            self.session.count_ids.filtered(lambda c: c.value == 20).quantity, 2
        )
        self.assertFalse(self.session.sale_ids)

    def test_difference_must_be_explained(self):
        for count in self.session.count_ids:
            count.quantity = {20: 2, 10: 1, 5: 2}.get(count.value, 0)
        self.session.cash_close = 20.0
        with self.assertRaises(UserError) as cm:
            self.session.action_close()
        self.assertIn("explain them", str(cm.exception))
        self.assertEqual(self.session.state, "open")
        self.assertFalse(self.session.date_close)

    def test_transfer_validated_by_its_creator(self):
        transfer = self._move(
            "transfer",
            {10: 1},
            src=self.counter_a,
            dest=self.safe,
            user=self.user_treasurer,
            done=False,
        )
        before = (self.quants(self.counter_a), self.quants(self.safe))
        with self.assertRaises(UserError) as cm:
            transfer.action_done()
        self.assertIn("second person", str(cm.exception))
        self.assertEqual(transfer.state, "draft")
        self.assertFalse(transfer.validated_by_id)
        self.assertEqual((self.quants(self.counter_a), self.quants(self.safe)), before)
        # a second person validates it
        transfer.with_user(self.env.user).action_done()
        self.assertEqual(self.quants(self.safe), {10: 1})
        self.assertEqual(transfer.validated_by_id, self.env.user)

    def test_done_movement_locked(self):
        move = self._move("withdrawal", {5: 1}, src=self.counter_a)
        move = move.with_user(self.user_treasurer)
        with self.assertRaises(UserError):
            move.line_ids.quantity = 2
        with self.assertRaises(UserError):
            move.location_src_id = self.safe
        with self.assertRaises(UserError):
            move.unlink()
        with self.assertRaises(UserError):
            move.action_done()
        self.assertEqual(self.quants(self.counter_a)[5], 1)

    def test_confirmed_sale_locked(self):
        sale = self._new_sale(self.member, 25, {20: 1, 5: 1})
        sale.action_confirm()
        sale = sale.with_user(self.user_treasurer)
        with self.assertRaises(UserError):
            sale.amount = 30
        with self.assertRaises(UserError):
            sale.line_ids[0].quantity = 2
        with self.assertRaises(UserError):
            sale.unlink()
        with self.assertRaises(UserError):
            sale.action_confirm()
        self.assertEqual(sale.amount, 25)
        self.assertEqual(self.quants(self.counter_a), {20: 1, 10: 2, 5: 1})

    def test_remittance_above_what_is_owed(self):
        owed = self.balance_4671()
        remittance = self.env["le97.pive.exchange.remittance"].create(
            {"source": "cash", "amount": owed + 10.0}
        )
        with self.assertRaises(UserError) as cm:
            remittance.action_post()
        self.assertIn("more than", str(cm.exception))
        self.assertEqual(remittance.state, "draft")
        self.assertFalse(remittance.move_id)
        self.assertAlmostEqual(self.balance_4671(), owed)

    def test_suggested_notes(self):
        sale = self.env["le97.pive.exchange.sale"].new(
            {"session_id": self.session.id, "partner_id": self.member.id, "amount": 35}
        )
        sale._onchange_amount_suggest_notes()
        self.assertEqual(
            {line.denomination_id.value: line.quantity for line in sale.line_ids},
            {20: 1, 10: 1, 5: 1},
        )

    def test_operator_rights(self):
        """An operator sells at their own session and sees nothing else."""
        session_1 = self._open_session(self.counter_b, user=self.user_merchant)
        session_2 = self._open_session(self.counter_b, user=self.user_merchant_2)
        Session = self.env["le97.pive.exchange.session"].with_user(self.user_merchant)
        self.assertEqual(
            Session.search([("id", "in", (session_1 | session_2).ids)]), session_1
        )
        with self.assertRaises(AccessError):
            session_2.with_user(self.user_merchant).read(["name"])
        with self.assertRaises(AccessError):
            self.env["le97.pive.note.move"].with_user(self.user_merchant).create(
                {
                    "move_type": "reception",
                    "location_dest_id": self.counter_b.id,
                    "line_ids": self._note_lines({20: 50}),
                }
            )
        with self.assertRaises(AccessError):
            self.env["le97.pive.exchange.remittance"].with_user(
                self.user_merchant
            ).search([])
        self.assertFalse(self.quants(self.counter_b))
