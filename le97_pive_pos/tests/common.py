# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import Command, fields
from odoo.tests import TransactionCase


def number_demo_orders(env):
    """Give a number to the orders of Odoo's demo data.

    ``l10n_fr_pos_cert`` chains the orders of a company by number from the
    one before. The demo orders were made before it was installed and have
    none: the first new order then finds several "previous" orders (the
    empty numbers match the number 0) and is refused, a problem of Odoo's
    demo databases only. The tests number them below the first real one.
    """
    if "l10n_fr_secure_sequence_number" not in env["pos.order"]._fields:
        return
    orders = env["pos.order"].search(
        [("l10n_fr_secure_sequence_number", "=", False)], order="id"
    )
    if orders:
        env.cr.execute(
            "UPDATE pos_order SET l10n_fr_secure_sequence_number = -id "
            "WHERE id = ANY(%s)",
            (orders.ids,),
        )
        orders.invalidate_recordset(["l10n_fr_secure_sequence_number"])


def pos_order_vals(session, lines, payments, partner=None, amount_return=0.0):
    """What the Point of Sale sends for an order of ``lines`` ([(product,
    quantity, unit price)], no taxes) paid by ``payments`` ([(method, amount
    tendered)]; the change is sent as ``amount_return``, and the server
    books it on the euro cash method). Used by the tests and the bench."""
    env = session.env
    total = sum(quantity * price for _product, quantity, price in lines)
    ref = str(uuid.uuid4())
    return {
        "uuid": ref,
        "name": f"Order {ref}",
        "session_id": session.id,
        "user_id": env.uid,
        "pricelist_id": session.config_id.pricelist_id.id,
        "fiscal_position_id": False,
        "partner_id": partner.id if partner else False,
        "sequence_number": 1,
        "date_order": fields.Datetime.to_string(fields.Datetime.now()),
        "amount_total": total,
        "amount_tax": 0.0,
        "amount_paid": sum(amount for _method, amount in payments) - amount_return,
        "amount_return": amount_return,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": [
            Command.create(
                {
                    "product_id": product.id,
                    "qty": quantity,
                    "price_unit": price,
                    "price_subtotal": quantity * price,
                    "price_subtotal_incl": quantity * price,
                    "tax_ids": [Command.clear()],
                    "pack_lot_ids": [],
                }
            )
            for product, quantity, price in lines
        ],
        "payment_ids": [
            Command.create(
                {
                    "amount": amount,
                    "name": fields.Datetime.now(),
                    "payment_method_id": method.id,
                }
            )
            for method, amount in payments
        ],
    }


class PivePosCase:
    """A bar with its own point of sale: euros in cash, Pive notes and
    digital Pive; drinks without taxes (the fund is not liable to VAT)."""

    @classmethod
    def _le97_setup_bar(cls):
        env = cls.env
        cls.company = env.company
        cls.company._le97_pive_setup()
        cls.paper_method, cls.digital_method = (
            cls.company._le97_pive_pos_setup().sorted(lambda m: m.le97_pive_medium != "paper")
        )
        # Odoo takes the method of a cash journal (the notes') in one point
        # of sale only: the demo shops let the bar have it
        env["pos.config"].search(
            [("payment_method_ids", "in", cls.paper_method.ids)]
        ).write({"payment_method_ids": [Command.unlink(cls.paper_method.id)]})
        number_demo_orders(env)
        cls.cash_journal = env["account.journal"].create(
            {
                "name": "Caisse du bar",
                "code": "BAR",
                "type": "cash",
                "company_id": cls.company.id,
            }
        )
        cls.cash_method = env["pos.payment.method"].create(
            {
                "name": "Espèces du bar",
                "journal_id": cls.cash_journal.id,
                "company_id": cls.company.id,
            }
        )
        cls.sale_journal = env["account.journal"].create(
            {
                "name": "Ventes du bar",
                "code": "BARV",
                "type": "sale",
                "company_id": cls.company.id,
            }
        )
        cls.income_account = env["account.account"].search(
            [
                *env["account.account"]._check_company_domain(cls.company),
                ("code", "=like", "707%"),
            ],
            limit=1,
        )
        cls.drink = env["product.product"].create(
            {
                "name": "Limonade du Doubs",
                "type": "consu",
                "available_in_pos": True,
                "list_price": 3.5,
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.income_account.id,
            }
        )
        cls.config = env["pos.config"].create(
            {
                "name": "Bar du 97",
                "company_id": cls.company.id,
                "journal_id": cls.sale_journal.id,
                "invoice_journal_id": cls.sale_journal.id,
                "payment_method_ids": [
                    Command.set(
                        (cls.cash_method | cls.paper_method | cls.digital_method).ids
                    )
                ],
            }
        )
        cls.receivable_account = cls.company.account_default_pos_receivable_account_id

    def _open_session(self):
        self.config.open_ui()
        session = self.config.current_session_id
        session.set_opening_control(0, None)
        return session

    def _order_vals(self, session, quantity, payments, amount_return=0.0):
        """An order of ``quantity`` drinks (see :func:`pos_order_vals`)."""
        return pos_order_vals(
            session,
            [(self.drink, quantity, self.drink.list_price)],
            payments,
            amount_return=amount_return,
        )

    def _sync_orders(self, vals_list):
        result = self.env["pos.order"].sync_from_ui(vals_list)
        return self.env["pos.order"].browse([o["id"] for o in result["pos.order"]])

    def _close(self, session, counted_cash, diffs=None):
        session.post_closing_cash_details(counted_cash)
        return session.close_session_from_ui(
            bank_payment_method_diff_pairs=list((diffs or {}).items())
        )

    def _balances(self, moves):
        """{account code: (balance in euros, amount in the line's currency)}"""
        result = {}
        for line in moves.line_ids:
            balance, amount = result.get(line.account_id.code, (0.0, 0.0))
            result[line.account_id.code] = (
                balance + line.balance,
                amount + line.amount_currency,
            )
        return result


class PivePosCommon(PivePosCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_setup_bar()
