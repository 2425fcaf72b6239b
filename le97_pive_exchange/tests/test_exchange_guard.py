# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestExchangeGuard(ExchangeCommon):
    """The holes found by each role over the API are closed: a clear error,
    and nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._move("reception", {20: 4, 10: 4, 5: 4}, dest=cls.counter_a)
        cls._move("reception", {20: 4, 10: 4, 5: 4}, dest=cls.counter_b)
        cls.session_a = cls._open_session(
            cls.counter_a, user=cls.user_merchant, notes={20: 4, 10: 4, 5: 4}
        )
        cls.session_b = cls._open_session(
            cls.counter_b, user=cls.user_merchant_2, notes={20: 4, 10: 4, 5: 4}
        )
        cls.sale_b = cls._sell(cls.session_b, cls.member, 25, {20: 1, 5: 1})

    def _snapshot(self):
        return (
            self.env["le97.pive.note.move"].search_count([]),
            self.env["account.move"].search_count([]),
            self.quants(self.counter_a),
            self.quants(self.counter_b),
            self.balance_4671(),
        )

    def _lines(self, sale):
        return {line.denomination_id.value: line.quantity for line in sale.line_ids}

    # -- a Pive merchant -------------------------------------------------------
    def test_merchant_cannot_change_notes_of_another_operators_sale(self):
        before = self._snapshot()
        SaleLine = self.env["le97.pive.exchange.sale.line"].with_user(
            self.user_merchant
        )
        with self.assertRaises(AccessError):
            SaleLine.create(
                {
                    "sale_id": self.sale_b.id,
                    "denomination_id": self.den[10].id,
                    "quantity": 3,
                }
            )
        line = self.sale_b.line_ids[0]
        with self.assertRaises(AccessError):
            line.with_user(self.user_merchant).unlink()
        with self.assertRaises(AccessError):
            line.with_user(self.user_merchant).write({"quantity": 9})
        with self.assertRaises(AccessError):
            self.sale_b.with_user(self.user_merchant).write(
                {"line_ids": [Command.clear()]}
            )
        # its own operator cannot either: the sale is confirmed
        own = SaleLine.with_user(self.user_merchant_2)
        with self.assertRaises(UserError) as cm:
            own.create(
                {
                    "sale_id": self.sale_b.id,
                    "denomination_id": self.den[10].id,
                    "quantity": 3,
                }
            )
        self.assertIn("cannot be changed any more", str(cm.exception))
        with self.assertRaises(UserError):
            line.with_user(self.user_merchant_2).unlink()
        self.assertEqual(self._lines(self.sale_b), {20: 1, 5: 1})
        self.assertEqual(self.sale_b.notes_total, 25)
        self.assertEqual(self._snapshot(), before)

    def test_merchant_cannot_mark_own_sale_done(self):
        Sale = self.env["le97.pive.exchange.sale"].with_user(self.user_merchant)
        vals = {
            "session_id": self.session_a.id,
            "partner_id": self.member.id,
            "amount": 40,
            "line_ids": self._note_lines({20: 2}),
        }
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            Sale.create({**vals, "state": "done"})
        self.assertIn("cannot be set directly", str(cm.exception))
        sale = Sale.with_context(default_state="done").create(vals)
        self.assertEqual(sale.state, "draft")
        for forged in (
            {"state": "done"},
            {"note_move_id": self.sale_b.note_move_id.id},
            {"move_id": self.sale_b.move_id.id},
            {"name": "CHG/FAKE"},
            {"date": "2020-01-01 10:00:00"},
            {"user_id": self.user_merchant_2.id},
        ):
            with self.assertRaises(UserError):
                sale.write(forged)
        # nor by a forged unit value: 2 notes of 20 "worth" 100 each
        with self.assertRaises(UserError):
            sale.line_ids.write({"value": 100})
        with self.assertRaises(UserError):
            sale.write(
                {"line_ids": [Command.update(sale.line_ids.id, {"amount": 200})]}
            )
        # nor without the notes: the notes must make the amount
        sale.write({"line_ids": [Command.clear()]})
        with self.assertRaises(UserError) as cm:
            sale.action_confirm()
        self.assertIn("total 0 but the amount is 40", str(cm.exception))
        # a copy of a confirmed sale starts again as a draft
        copy = self.sale_b.with_user(self.user_merchant_2).copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.move_id or copy.note_move_id)
        self.assertEqual(sale.state, "draft")
        self.assertEqual(sale.user_id, self.user_merchant)
        self.assertFalse(sale.move_id or sale.note_move_id)
        self.assertEqual(self._snapshot(), before)

    def test_merchant_cannot_validate_notes_movements(self):
        transfer = self._move(
            "transfer", {5: 1}, src=self.safe, dest=self.counter_a, done=False
        )
        with self.assertRaises(AccessError):
            transfer.with_user(self.user_merchant).action_done()
        with self.assertRaises(AccessError):
            transfer.with_user(self.user_merchant).action_cancel()
        self.assertEqual(transfer.state, "draft")

    def test_merchant_sells_to_member_recorded_by_treasurer(self):
        Partner = self.env["res.partner"].with_user(self.user_treasurer)
        member = Partner.create(
            {
                "name": "Alix Adhérente",
                "email": "alix@example.com",
                "le97_pive_member": True,
            }
        )
        private = Partner.create(
            {"name": "Claude Privé", "email": "claude@example.com", "phone": "0601"}
        )
        as_merchant = self.env["res.partner"].with_user(self.user_merchant)
        self.assertEqual(
            as_merchant.search([("id", "in", (member | private).ids)]), member
        )
        sale = self._sell(self.session_a, member, 20, {20: 1})
        self.assertEqual(sale.state, "done")
        self.assertEqual(sale.partner_id, member)
        # other private contacts stay private, even by typing their id
        with self.assertRaises(AccessError):
            private.with_user(self.user_merchant).read(["email", "phone"])
        before = self._snapshot()
        count = self.env["le97.pive.exchange.sale"].search_count([])
        with self.assertRaises(AccessError):
            self.env["le97.pive.exchange.sale"].with_user(self.user_merchant).create(
                {
                    "session_id": self.session_a.id,
                    "partner_id": private.id,
                    "amount": 20,
                    "line_ids": self._note_lines({20: 1}),
                }
            )
        self.assertEqual(self.env["le97.pive.exchange.sale"].search_count([]), count)
        self.assertEqual(self._snapshot(), before)

    # -- a treasurer -----------------------------------------------------------
    def test_treasurer_cannot_close_session_by_writing_state(self):
        session = self.session_a.with_user(self.user_treasurer)
        for forged in (
            {"state": "closed"},
            {"date_close": "2026-01-01 18:00:00"},
            {"cash_expected": 0.0},
            {"sold_total": 0},
        ):
            with self.assertRaises(UserError) as cm:
                session.write(forged)
            self.assertIn("cannot be set directly", str(cm.exception))
        count = session.count_ids.filtered(lambda c: c.value == 20)
        with self.assertRaises(UserError):
            count.write({"qty_expected": 0})
        with self.assertRaises(UserError):
            count.write({"stock_open": 0})
        # the counter, the operator and the opening count are fixed once open
        with self.assertRaises(UserError):
            session.write({"location_id": self.counter_b.id})
        with self.assertRaises(UserError):
            session.write({"user_id": self.user_merchant_2.id})
        with self.assertRaises(UserError):
            count.write({"qty_open": 0})
        with self.assertRaises(UserError):
            count.unlink()
        self.assertEqual(session.state, "open")
        self.assertFalse(session.date_close)
        self.assertEqual(session.location_id, self.counter_a)
        self.assertEqual(session.user_id, self.user_merchant)
        self.assertEqual((count.qty_open, count.stock_open), (4, 4))
        self.assertEqual(len(session.count_ids), 5)

    def test_treasurer_cannot_skip_second_person(self):
        before = (self.quants(self.safe), self.quants(self.counter_a))
        Move = self.env["le97.pive.note.move"].with_user(self.user_treasurer)
        self._move("reception", {10: 2}, dest=self.safe)
        before = (self.quants(self.safe), self.quants(self.counter_a))
        transfer = self._move(
            "transfer",
            {10: 2},
            src=self.safe,
            dest=self.counter_a,
            user=self.user_treasurer,
            done=False,
        )
        for forged in (
            {"state": "done"},
            {"validated_by_id": self.env.user.id},
            {"validated_date": "2026-01-01 10:00:00"},
        ):
            with self.assertRaises(UserError):
                transfer.with_user(self.user_treasurer).write(forged)
        with self.assertRaises(UserError):
            Move.create(
                {
                    "move_type": "transfer",
                    "state": "done",
                    "location_src_id": self.safe.id,
                    "location_dest_id": self.counter_a.id,
                    "line_ids": self._note_lines({10: 2}),
                }
            )
        with self.assertRaises(UserError) as cm:
            transfer.with_user(self.user_treasurer).action_done()
        self.assertIn("second person", str(cm.exception))
        # notes leave a counter as a sale only through a sale
        with self.assertRaises(ValidationError):
            Move.create(
                {
                    "move_type": "sale",
                    "location_src_id": self.counter_a.id,
                    "line_ids": self._note_lines({10: 1}),
                }
            )
        self.assertEqual(transfer.state, "draft")
        self.assertFalse(transfer.validated_by_id)
        self.assertEqual((self.quants(self.safe), self.quants(self.counter_a)), before)

    def test_denomination_value_fixed_once_used(self):
        den_20 = self.den[20].with_user(self.user_treasurer)
        with self.assertRaises(UserError) as cm:
            den_20.value = 25
        self.assertIn("cannot change", str(cm.exception))
        self.assertEqual(self.den[20].value, 20)
        self.assertEqual(self._lines(self.sale_b), {20: 1, 5: 1})
        self.assertEqual(self.sale_b.notes_total, 25)
        self.assertEqual(self.sale_b.note_move_id.amount_total, 25)
        # a denomination nobody used yet may still be corrected
        den_50 = self.env["le97.pive.denomination"].with_user(self.user_treasurer)
        den_50 = den_50.create({"name": "Billet de 50", "value": 49})
        den_50.value = 50
        self.assertEqual(den_50.value, 50)
        # the lines keep the value they were made with, whatever happens to the
        # denomination (even behind the ORM's back)
        self.env.cr.execute(
            "UPDATE le97_pive_denomination SET value = 25 WHERE id = %s",
            [self.den[20].id],
        )
        self.env.invalidate_all()
        line = self.sale_b.line_ids.filtered(
            lambda line: line.denomination_id == self.den[20]
        )
        self.assertEqual((line.value, line.amount), (20, 20))
        self.assertEqual(self.sale_b.notes_total, 25)
        register = self.sale_b.note_move_id.line_ids.filtered(
            lambda line: line.denomination_id == self.den[20]
        )
        self.assertEqual(register.amount, 20)

    # -- the register is the starting point of a cash-up ------------------------
    def test_note_not_counted_at_opening_is_flagged(self):
        # the register shows 2 notes of 10 and 1 of 20 at the counter; the
        # operator counts only the note of 20 at opening
        counter = self.env["le97.pive.note.location"].create(
            {"name": "Comptoir expo", "company_id": self.company.id}
        )
        self._move("reception", {20: 1, 10: 2}, dest=counter)
        session = self._open_session(counter, user=self.user_merchant, notes={20: 1})
        count_10 = session.count_ids.filtered(lambda c: c.value == 10)
        self.assertEqual(
            (count_10.qty_open, count_10.stock_open, count_10.difference_open),
            (0, 2, -2),
        )
        self.assertTrue(session.has_open_difference)
        self.assertTrue(session.has_difference)
        self.assertIn("differ from the register", session.message_ids[0].body)
        # the operator sells the note of 20 and counts what they see at closing
        self._sell(session, self.member, 20, {20: 1})
        session = session.with_user(self.user_merchant)
        for count in session.count_ids:
            count.quantity = 0
        session.cash_close = 20.0
        with self.assertRaises(UserError) as cm:
            session.action_close()
        self.assertIn("explain them", str(cm.exception))
        self.assertEqual(session.state, "open")
        session.action_refresh_expected()
        self.assertEqual(
            {
                c.value: (c.qty_expected, c.quantity, c.difference)
                for c in session.count_ids
                if c.qty_expected or c.difference
            },
            {10: (2, 0, -2)},
        )
        session.difference_explanation = "Deux billets de 10 introuvables."
        session.action_close()
        self.assertEqual(session.state, "closed")
        self.assertEqual(count_10.difference, -2)
        self.assertEqual(count_10.amount_difference, -20)

    def test_counted_at_opening_matches_register(self):
        self.assertFalse(self.session_a.has_open_difference)
        self.assertTrue(all(c.difference_open == 0 for c in self.session_a.count_ids))
        self.assertEqual(
            {c.value: c.stock_open for c in self.session_a.count_ids if c.stock_open},
            {20: 4, 10: 4, 5: 4},
        )

    # -- issue 16: the new session form opens --------------------------------
    def test_new_forms_open_as_treasurer(self):
        other = self.env["res.company"].create(
            {"name": "Autre société", "currency_id": self.eur.id}
        )
        self.env.user.company_ids |= other
        single = self.user_treasurer
        multi = new_test_user(
            self.env,
            login="pive_treasurer_multi",
            groups="le97_base.group_treasurer",
            company_id=self.company.id,
            company_ids=(self.company | other).ids,
        )
        self.assertFalse(single.has_group("base.group_multi_company"))
        self.assertTrue(multi.has_group("base.group_multi_company"))
        for user in (single, multi):
            Session = self.env["le97.pive.exchange.session"].with_user(user)
            with Form(Session) as form:
                self.assertFalse(form.has_difference)
                self.assertEqual(len(form.count_ids), 5)
                form.location_id = self.counter_b
                form.cash_open = 10.0
            session = form.record
            self.assertEqual(session.company_id, self.company)
            self.assertEqual(session.state, "draft")
        for model in (
            "le97.pive.note.move",
            "le97.pive.exchange.remittance",
            "le97.pive.note.location",
            "le97.pive.exchange.statement",
            "le97.pive.note.stock.wizard",
        ):
            # the "new" form of each, as the browser opens it: no traceback
            Form(self.env[model].with_user(single))
            form = Form(self.env[model].with_user(multi))
            self.assertEqual(form.company_id, self.company, model)
        # the operator's sale form, from their session
        sale_form = Form(
            self.env["le97.pive.exchange.sale"]
            .with_user(self.user_merchant)
            .with_context(default_session_id=self.session_a.id)
        )
        sale_form.partner_id = self.member
        sale_form.amount = 35
        self.assertEqual(sale_form.notes_total, 35)
        sale = sale_form.save()
        sale.action_confirm()
        self.assertEqual(sale.state, "done")
        self.assertEqual(self._lines(sale), {20: 1, 10: 1, 5: 1})
