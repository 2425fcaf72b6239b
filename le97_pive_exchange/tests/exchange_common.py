# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.le97_pive.tests.common import PiveCommon


class ExchangeCommon(PiveCommon):
    """Counters, a safe, members and helpers for the exchange office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.den = {
            value: cls.env.ref(f"le97_pive_exchange.le97_pive_denomination_{value}")
            for value in (1, 2, 5, 10, 20)
        }
        Location = cls.env["le97.pive.note.location"]
        cls.safe = Location.search(
            [("company_id", "=", cls.company.id), ("location_type", "=", "safe")],
            limit=1,
        )
        cls.counter_a = Location.create(
            {"name": "Comptoir bar", "company_id": cls.company.id}
        )
        cls.counter_b = Location.create(
            {"name": "Comptoir accueil", "company_id": cls.company.id}
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Camille Membre", "le97_pive_member": True}
        )
        cls.member_2 = cls.env["res.partner"].create(
            {"name": "Dominique Adhérente", "le97_pive_member": True}
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Sam Passant"})
        cls.account_4671 = cls.company.mlcc_exchange_account_id
        cls.account_531 = cls.company.mlcc_cash_account_id
        cls.account_5112 = cls.company.mlcc_cheque_account_id
        cls.account_512 = cls.company.mlcc_bank_account_id

    # -- helpers -------------------------------------------------------------
    @classmethod
    def _note_lines(cls, notes):
        return [
            Command.create({"denomination_id": cls.den[value].id, "quantity": qty})
            for value, qty in notes.items()
        ]

    @classmethod
    def _move(cls, move_type, notes, src=None, dest=None, user=None, done=True):
        Move = cls.env["le97.pive.note.move"]
        if move_type == "transfer" and not user and done:
            # a transfer is validated by a second person
            user = cls.user_treasurer
        if user:
            Move = Move.with_user(user)
        move = Move.create(
            {
                "move_type": move_type,
                "location_src_id": src.id if src else False,
                "location_dest_id": dest.id if dest else False,
                "line_ids": cls._note_lines(notes),
            }
        )
        if done:
            move.with_env(cls.env).action_done()
        return move

    @classmethod
    def _open_session(cls, location, user=None, notes=None, cash=0.0):
        Session = cls.env["le97.pive.exchange.session"]
        if user:
            Session = Session.with_user(user)
        session = Session.create(
            {
                "location_id": location.id,
                "cash_open": cash,
                "user_id": (user or cls.env.user).id,
            }
        )
        for count in session.count_ids:
            count.qty_open = (notes or {}).get(count.denomination_id.value, 0)
        session.action_open()
        return session

    @classmethod
    def _sell(cls, session, partner, amount, notes, method="cash", **extra):
        sale = (
            cls.env["le97.pive.exchange.sale"]
            .with_user(session.user_id)
            .create(
                {
                    "session_id": session.id,
                    "partner_id": partner.id,
                    "amount": amount,
                    "payment_method": method,
                    "line_ids": cls._note_lines(notes),
                    **extra,
                }
            )
        )
        sale.action_confirm()
        return sale.with_env(cls.env)

    def stock(self, location):
        return {
            self.env["le97.pive.denomination"].browse(den).value: qty
            for den, qty in location._get_stock()[location.id].items()
            if qty
        }

    def quants(self, location):
        return {
            q.denomination_id.value: q.quantity
            for q in self.env["le97.pive.note.quant"].search(
                [("location_id", "=", location.id)]
            )
            if q.quantity
        }

    def balance_4671(self):
        return self.env["le97.pive.exchange.check"]._get_account_balance(self.company)

    def counts(self, session):
        return {
            c.denomination_id.value: (
                c.qty_open,
                c.qty_expected,
                c.quantity,
                c.difference,
            )
            for c in session.count_ids
        }
