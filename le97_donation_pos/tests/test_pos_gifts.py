# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.le97_donation.tests.common import Le97DonationCommon


def number_demo_orders(env):
    """Give a number to the orders of Odoo's demo data (see le97_pive_pos's
    tests: ``l10n_fr_pos_cert`` refuses the first new order of a demo
    database, whose demo orders have no number)."""
    if "l10n_fr_secure_sequence_number" not in env["pos.order"]._fields:
        return
    orders = env["pos.order"].search([("l10n_fr_secure_sequence_number", "=", False)])
    if orders:
        env.cr.execute(
            "UPDATE pos_order SET l10n_fr_secure_sequence_number = -id "
            "WHERE id = ANY(%s)",
            (orders.ids,),
        )
        orders.invalidate_recordset(["l10n_fr_secure_sequence_number"])


@tagged("post_install", "-at_install")
class TestPosGifts(Le97DonationCommon):
    """At the bar: a gift sold at the Point of Sale becomes a donation at the
    closing, booked once; a pay-what-you-can price stays a sale."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company._le97_donation_setup()
        cls.gift = env.ref("le97_donation_pos.product_product_pos_gift")
        cls.transit = cls.company._le97_pos_gift_transit_account()
        cls.gift_account = cls.gift.with_company(cls.company)._get_product_accounts()[
            "income"
        ]
        cls.service_account = env["account.account"].search(
            [
                *env["account.account"]._check_company_domain(cls.company),
                ("code", "=like", "706%"),
            ],
            limit=1,
        )
        cls.pay_what_you_can = env["product.product"].create(
            {
                "name": "Prix libre (atelier)",
                "type": "service",
                "available_in_pos": True,
                "le97_gift_kind": "service",
                "list_price": 5.0,
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.service_account.id,
            }
        )
        number_demo_orders(env)
        cls.cash_journal = env["account.journal"].create(
            {"name": "Caisse du bar", "code": "BARD", "type": "cash"}
        )
        cls.cash_method = env["pos.payment.method"].create(
            {"name": "Espèces du bar", "journal_id": cls.cash_journal.id}
        )
        sale_journal = env["account.journal"].create(
            {"name": "Ventes du bar", "code": "BARW", "type": "sale"}
        )
        cls.config = env["pos.config"].create(
            {
                "name": "Bar du 97",
                "journal_id": sale_journal.id,
                "invoice_journal_id": sale_journal.id,
                "payment_method_ids": [Command.set(cls.cash_method.ids)],
            }
        )

    def _close_with_orders(self, orders):
        """Open a session, sync ``orders`` ([(partner, [(product, price)])],
        paid in cash) as the POS does, and close it."""
        self.config.open_ui()
        session = self.config.current_session_id
        session.set_opening_control(0, None)
        vals_list = []
        for partner, lines in orders:
            total = sum(price for _product, price in lines)
            ref = str(uuid.uuid4())
            vals_list.append(
                {
                    "uuid": ref,
                    "name": f"Order {ref}",
                    "session_id": session.id,
                    "user_id": self.env.uid,
                    "pricelist_id": self.config.pricelist_id.id,
                    "partner_id": partner.id if partner else False,
                    "fiscal_position_id": False,
                    "sequence_number": 1,
                    "date_order": fields.Datetime.to_string(fields.Datetime.now()),
                    "amount_total": total,
                    "amount_tax": 0.0,
                    "amount_paid": total,
                    "amount_return": 0.0,
                    "to_invoice": False,
                    "last_order_preparation_change": "{}",
                    "lines": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "qty": 1,
                                "price_unit": price,
                                "price_subtotal": price,
                                "price_subtotal_incl": price,
                                "tax_ids": [Command.clear()],
                                "pack_lot_ids": [],
                            }
                        )
                        for product, price in lines
                    ],
                    "payment_ids": [
                        Command.create(
                            {
                                "amount": total,
                                "name": fields.Datetime.now(),
                                "payment_method_id": self.cash_method.id,
                            }
                        )
                    ],
                }
            )
        self.env["pos.order"].sync_from_ui(vals_list)
        cash = sum(vals["amount_total"] for vals in vals_list)
        session.post_closing_cash_details(cash)
        result = session.close_session_from_ui()
        self.assertTrue(result["successful"], result)
        self.assertEqual(session.state, "closed")
        return session

    def _donations(self, session):
        return self.env["donation.donation"].search(
            [("le97_pos_order_id.session_id", "=", session.id)]
        )

    def test_gift_becomes_a_receipted_donation(self):
        """A 10 € gift and a 5 € pay-what-you-can price in one order: the gift
        becomes a validated donation with its receipt, the price stays a sale;
        the gift is booked once (7541), the transit account nets to zero."""
        session = self._close_with_orders(
            [(self.donor, [(self.gift, 10.0), (self.pay_what_you_can, 5.0)])]
        )
        donation = self._donations(session)
        self.assertEqual(len(donation), 1)
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.partner_id, self.donor)
        self.assertAlmostEqual(donation.amount_total, 10.0)
        self.assertEqual(donation.le97_pos_order_id, session.order_ids)
        self.assertEqual(donation.payment_method_line_id.journal_id, self.cash_journal)
        # the bar's cash journal now receives gifts: marked and hash-secured
        self.assertTrue(donation.payment_method_line_id.donation)
        self.assertTrue(self.cash_journal.restrict_mode_hash_table)
        self.assertTrue(donation.move_id.inalterable_hash)
        self.assertEqual(donation.tax_receipt_id.state, "issued")
        self.assertAlmostEqual(donation.tax_receipt_id.amount, 10.0)
        # the books: the session's entry and the donation's
        moves = session.move_id | donation.move_id
        transit_lines = moves.line_ids.filtered(
            lambda line: line.account_id == self.transit
        )
        self.assertAlmostEqual(sum(transit_lines.mapped("balance")), 0.0)
        self.assertTrue(transit_lines)
        self.assertTrue(all(transit_lines.mapped("reconciled")))
        gift_lines = moves.line_ids.filtered(
            lambda line: line.account_id == self.gift_account
        )
        self.assertAlmostEqual(sum(gift_lines.mapped("balance")), -10.0)
        self.assertEqual(gift_lines.move_id, donation.move_id)
        service_lines = moves.line_ids.filtered(
            lambda line: line.account_id == self.service_account
        )
        self.assertAlmostEqual(sum(service_lines.mapped("balance")), -5.0)
        self.assertTrue(
            any(donation.display_name in m.body for m in session.message_ids)
        )

    def test_anonymous_gift(self):
        """An order without a customer is an anonymous gift: a donation of the
        anonymous donor, never receipted."""
        session = self._close_with_orders([(None, [(self.gift, 4.0)])])
        donation = self._donations(session)
        self.assertEqual(
            donation.partner_id,
            self.env.ref("le97_donation_pos.res_partner_pos_anonymous_donor"),
        )
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.tax_receipt_option, "none")
        self.assertFalse(donation.tax_receipt_id)

    def test_donor_without_address_gets_the_yearly_receipt(self):
        """A donor whose address is incomplete: the register still closes, the
        gift is recorded for the yearly receipt, none is issued now."""
        donor = self.env["res.partner"].create({"name": "Paul Sansadresse"})
        session = self._close_with_orders([(donor, [(self.gift, 20.0)])])
        donation = self._donations(session)
        self.assertEqual(donation.state, "done")
        self.assertEqual(donation.tax_receipt_option, "annual")
        self.assertFalse(donation.tax_receipt_id)
        self.assertTrue(donation.move_id)
        # the reason is on the donation
        self.assertTrue(any("Paul Sansadresse" in m.body for m in donation.message_ids))

    def test_pay_what_you_can_is_not_a_gift(self):
        session = self._close_with_orders(
            [(self.donor, [(self.pay_what_you_can, 5.0)])]
        )
        self.assertFalse(self._donations(session))
        self.assertFalse(
            session.move_id.line_ids.filtered(
                lambda line: line.account_id == self.transit
            )
        )

    def test_order_link_is_the_closing_s(self):
        """Nobody ties a donation to an order by hand."""
        session = self._close_with_orders([(self.donor, [(self.gift, 3.0)])])
        donation = self._donations(session)
        draft = (
            self.env["donation.donation"]
            .with_user(self.user_treasurer)
            .create(self._donation_vals(amount=3.0))
        )
        with self.assertRaises(UserError):
            draft.write({"le97_pos_order_id": donation.le97_pos_order_id.id})
        draft.invalidate_recordset()
        self.assertFalse(draft.le97_pos_order_id)

    def test_gift_paid_in_pive_notes(self):
        """With the Pive in the Point of Sale: a gift paid in Pive notes is a
        donation paid in Pive (receipted only if the fund allows it), booked
        once in the Pive notes journal."""
        if "le97.pive.payment" not in self.env:
            self.skipTest("the local currency is not installed")
        if not self.env["ir.module.module"].search(
            [("name", "=", "le97_pive_pos"), ("state", "=", "installed")]
        ):
            self.skipTest("the Pive is not in the Point of Sale")
        self.company._le97_pive_setup()
        notes = self.company._le97_pive_pos_setup().filtered(
            lambda m: m.le97_pive_medium == "paper"
        )
        # a cash journal's method is in one point of sale only
        self.env["pos.config"].search([("payment_method_ids", "in", notes.ids)]).write(
            {"payment_method_ids": [Command.unlink(notes.id)]}
        )
        self.config.payment_method_ids = [Command.link(notes.id)]
        self.cash_method = notes
        session = self._close_with_orders([(self.donor, [(self.gift, 5.0)])])
        donation = self._donations(session)
        self.assertEqual(donation.state, "done")
        paper_journal = self.company.mlcc_paper_journal_id
        self.assertEqual(donation.payment_method_line_id.journal_id, paper_journal)
        self.assertEqual(donation.le97_payment_means, "pive")
        # receipts for gifts in Pive are off by default: the yearly one waits
        self.assertEqual(donation.tax_receipt_option, "annual")
        self.assertFalse(donation.tax_receipt_id)
        gift_lines = donation.move_id.line_ids.filtered(
            lambda line: line.account_id == self.gift_account
        )
        self.assertAlmostEqual(sum(gift_lines.mapped("balance")), -5.0)
        transit_lines = (session.move_id | donation.move_id).line_ids.filtered(
            lambda line: line.account_id == self.transit
        )
        self.assertTrue(all(transit_lines.mapped("reconciled")))
        pive_cash = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.company.mlcc_paper_account_id.id),
                ("move_id.journal_id", "=", paper_journal.id),
                ("date", "=", session.stop_at.date()),
            ]
        )
        self.assertAlmostEqual(sum(pive_cash.mapped("balance")), 5.0)
