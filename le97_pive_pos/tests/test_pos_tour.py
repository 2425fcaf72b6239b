# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PivePosCase


@tagged("post_install", "-at_install")
class TestPosTour(PivePosCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_setup_bar()
        # the names the tour clicks, whatever the database's language
        cls.paper_method.name = "Billets Pive"
        cls.digital_method.name = "Pive numérique"
        cls.barman = new_test_user(
            cls.env,
            login="le97_barman",
            groups="point_of_sale.group_pos_user,base.group_user",
            lang="en_US",
        )

    def test_pos_order_half_in_pive_notes(self):
        """At the bar: an order paid half in Pive notes, half in euros, one
        with the cents in euros, then the register closed with the notes
        counted apart: the notes are posted in the Pive notes journal."""
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "le97_pive_pos_tour",
            login=self.barman.login,
        )
        sessions = self.env["pos.session"].search([("config_id", "=", self.config.id)])
        # the page reloaded after the closing opens the next session, empty
        session = sessions.filtered(lambda s: s.state == "closed")
        self.assertEqual(len(session), 1)
        self.assertFalse((sessions - session).order_ids)
        orders = session.order_ids
        self.assertEqual(len(orders), 2)
        notes = orders.payment_ids.filtered(
            lambda p: p.payment_method_id == self.paper_method
        )
        self.assertEqual(sorted(notes.mapped("amount")), [3.0, 4.0])
        cash = orders.payment_ids.filtered(
            lambda p: p.payment_method_id == self.cash_method
        )
        self.assertAlmostEqual(sum(cash.mapped("amount")), 3.5)
        payment = self.env["account.payment"].search(
            [
                ("pos_session_id", "=", session.id),
                ("journal_id", "=", self.company.mlcc_paper_journal_id.id),
            ]
        )
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment.move_id.state, "posted")
        cash_line = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == self.company.mlcc_paper_account_id
        )
        self.assertAlmostEqual(cash_line.balance, 7.0)
        self.assertAlmostEqual(cash_line.amount_currency, 7.0)
