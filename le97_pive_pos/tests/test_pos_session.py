# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PivePosCommon


@tagged("post_install", "-at_install")
class TestPosSession(PivePosCommon):
    def _session_moves(self, session):
        payments = self.env["account.payment"].search(
            [("pos_session_id", "=", session.id)]
        )
        statement_lines = self.env["account.bank.statement.line"].search(
            [("pos_session_id", "=", session.id)]
        )
        return session.move_id | payments.move_id | statement_lines.move_id

    def test_closed_session_entries(self):
        """Notes, digital Pive and euros in one session: at closing the notes
        and the digital Pive are posted in their journals on 5305 and 5175,
        the sales on 707, the change in euros, and the POS receivable nets to
        zero, reconciled."""
        session = self._open_session()
        orders = self._sync_orders(
            [
                # 2 drinks (7.00): 4 Pive in notes, 3 euros in cash
                self._order_vals(
                    session, 2, [(self.paper_method, 4.0), (self.cash_method, 3.0)]
                ),
                # 1 drink (3.50): 4 Pive in notes, 0.50 euro of change
                self._order_vals(
                    session,
                    1,
                    [(self.paper_method, 4.0)],
                    amount_return=0.5,
                ),
                # 2 drinks (7.00) in digital Pive
                self._order_vals(session, 2, [(self.digital_method, 7.0)]),
            ]
        )
        self.assertEqual(len(orders), 3)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        # the change was given in euros, never in Pive
        change = orders.payment_ids.filtered("is_change")
        self.assertEqual(change.payment_method_id, self.cash_method)
        self.assertAlmostEqual(sum(change.mapped("amount")), -0.5)

        result = self._close(session, counted_cash=2.5)
        self.assertTrue(result["successful"], result)
        self.assertEqual(session.state, "closed")

        paper_journal = self.company.mlcc_paper_journal_id
        digital_journal = self.company.mlcc_digital_journal_id
        moves = self._session_moves(session)
        paper_moves = moves.filtered(lambda m: m.journal_id == paper_journal)
        digital_moves = moves.filtered(lambda m: m.journal_id == digital_journal)
        self.assertEqual(len(paper_moves), 1)
        self.assertEqual(len(digital_moves), 1)
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        # the Pive journals are hash-secured: their entries are sealed
        self.assertTrue(paper_moves.inalterable_hash)
        self.assertTrue(digital_moves.inalterable_hash)
        pive = self.company.mlcc_currency_id
        self.assertEqual(paper_moves.currency_id, pive)
        paper_cash = paper_moves.line_ids.filtered(
            lambda line: line.account_id == self.company.mlcc_paper_account_id
        )
        self.assertAlmostEqual(paper_cash.balance, 8.0)
        self.assertAlmostEqual(paper_cash.amount_currency, 8.0)
        self.assertEqual(paper_cash.currency_id, pive)

        balances = self._balances(moves)
        paper_code = self.company.mlcc_paper_account_id.code
        digital_code = self.company.mlcc_digital_account_id.code
        self.assertAlmostEqual(balances[paper_code][0], 8.0)
        self.assertAlmostEqual(balances[digital_code][0], 7.0)
        self.assertAlmostEqual(balances[self.income_account.code][0], -17.5)
        # euros: 3.00 received, 0.50 given back
        cash_code = self.cash_journal.default_account_id.code
        self.assertAlmostEqual(balances[cash_code][0], 2.5)
        receivable = moves.line_ids.filtered(
            lambda line: line.account_id == self.receivable_account
        )
        self.assertAlmostEqual(sum(receivable.mapped("balance")), 0.0)
        self.assertTrue(all(receivable.mapped("reconciled")))
        # nothing else than these accounts moved
        self.assertEqual(
            {code for code, (balance, _amount) in balances.items() if balance},
            {paper_code, digital_code, self.income_account.code, cash_code},
        )

    def test_notes_with_cents_refused(self):
        """An order paying cents in Pive notes is refused whole: no order, no
        payment."""
        session = self._open_session()
        before = self.env["pos.order"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._sync_orders(
                [self._order_vals(session, 1, [(self.paper_method, 3.5)])]
            )
        self.assertIn("whole notes", str(caught.exception))
        self.assertEqual(self.env["pos.order"].search_count([]), before)

    def test_counting_difference_in_notes(self):
        """Two Pive notes missing at the count: the payment entry keeps what
        was sold, the difference gets its own entry in the notes journal (a
        sealed entry is never reset to draft)."""
        session = self._open_session()
        self._sync_orders([self._order_vals(session, 2, [(self.paper_method, 7.0)])])
        result = self._close(
            session, counted_cash=0, diffs={self.paper_method.id: -2.0}
        )
        self.assertTrue(result["successful"], result)
        paper_journal = self.company.mlcc_paper_journal_id
        moves = self.env["account.move"].search(
            [
                ("journal_id", "=", paper_journal.id),
                ("date", "=", session.stop_at.date()),
            ]
        )
        self.assertEqual(len(moves), 2)
        self.assertTrue(all(moves.mapped("inalterable_hash")))
        balances = self._balances(moves)
        self.assertAlmostEqual(
            balances[self.company.mlcc_paper_account_id.code][0], 5.0
        )
        loss = paper_journal.loss_account_id
        self.assertAlmostEqual(balances[loss.code][0], 2.0)

    def test_counting_with_cents_refused(self):
        """A count of Pive notes with cents is a typing mistake: the session
        stays open and nothing is posted."""
        session = self._open_session()
        self._sync_orders([self._order_vals(session, 2, [(self.paper_method, 7.0)])])
        result = self._close(
            session, counted_cash=0, diffs={self.paper_method.id: -0.5}
        )
        self.assertFalse(result["successful"])
        self.assertIn("whole notes", result["message"])
        self.assertNotEqual(session.state, "closed")
        self.assertFalse(session.move_id)
        self.assertFalse(
            self.env["account.payment"].search([("pos_session_id", "=", session.id)])
        )

    def test_counting_difference_on_a_secured_bank_journal(self):
        """A card payment method on a hash-secured bank journal (the journals
        that receive gifts are): the difference gets its own entry, the
        payment's sealed entry is not reset to draft."""
        bank_journal = self.env["account.journal"].create(
            {
                "name": "Carte du bar",
                "code": "BARC",
                "type": "bank",
                "company_id": self.company.id,
            }
        )
        self.env["account.journal"]._le97_secure_journal(bank_journal)
        card = self.env["pos.payment.method"].create(
            {
                "name": "Carte du bar",
                "journal_id": bank_journal.id,
                "company_id": self.company.id,
            }
        )
        self.config.payment_method_ids = [Command.link(card.id)]
        session = self._open_session()
        self._sync_orders([self._order_vals(session, 2, [(card, 7.0)])])
        result = self._close(session, counted_cash=0, diffs={card.id: -1.0})
        self.assertTrue(result["successful"], result)
        moves = self.env["account.move"].search([("journal_id", "=", bank_journal.id)])
        self.assertEqual(len(moves), 2)
        self.assertTrue(all(moves.mapped("inalterable_hash")))
        payment = self.env["account.payment"].search(
            [("pos_session_id", "=", session.id), ("journal_id", "=", bank_journal.id)]
        )
        self.assertAlmostEqual(payment.amount, 7.0)
        loss = bank_journal.loss_account_id
        self.assertAlmostEqual(self._balances(moves)[loss.code][0], 1.0)

    def test_change_of_pive_notes_given_in_euros(self):
        """A 10 Pive note for a 7.00 order: the notes journal gets the 10
        Pive, the 3.00 of change leave the euro cash drawer."""
        session = self._open_session()
        order = self._sync_orders(
            [
                self._order_vals(
                    session, 2, [(self.paper_method, 10.0)], amount_return=3.0
                )
            ]
        )
        self.assertEqual(order.state, "paid")
        change = order.payment_ids.filtered("is_change")
        self.assertEqual(change.payment_method_id, self.cash_method)
        self.assertAlmostEqual(change.amount, -3.0)
        result = self._close(session, counted_cash=-3.0)
        self.assertTrue(result["successful"], result)
        moves = self._session_moves(session)
        balances = self._balances(moves)
        self.assertAlmostEqual(
            balances[self.company.mlcc_paper_account_id.code][0], 10.0
        )
        self.assertAlmostEqual(
            balances[self.cash_journal.default_account_id.code][0], -3.0
        )
        self.assertAlmostEqual(balances[self.income_account.code][0], -7.0)
