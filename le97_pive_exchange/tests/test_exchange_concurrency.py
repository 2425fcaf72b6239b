# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestExchangeConcurrency(TransactionCase):
    """Two operators selling from the same counter at once, with two real
    cursors: the stock of a denomination never goes below zero.

    The data is committed (other cursors cannot see the test transaction) and
    removed at the end.
    """

    def _setup_committed(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            company._le97_pive_setup()
            den_20 = env.ref("le97_pive_exchange.le97_pive_denomination_20")
            location = env["le97.pive.note.location"].create(
                {"name": "Comptoir concurrence (test)", "company_id": company.id}
            )
            partner = env["res.partner"].create(
                {"name": "Membre concurrence (test)", "le97_pive_member": True}
            )
            reception = env["le97.pive.note.move"].create(
                {
                    "move_type": "reception",
                    "location_dest_id": location.id,
                    "line_ids": [
                        Command.create({"denomination_id": den_20.id, "quantity": 1})
                    ],
                }
            )
            reception.action_done()
            sessions = env["le97.pive.exchange.session"].create(
                [{"location_id": location.id}, {"location_id": location.id}]
            )
            sessions.action_open()
            sales = env["le97.pive.exchange.sale"].create(
                [
                    {
                        "session_id": session.id,
                        "partner_id": partner.id,
                        "amount": 20,
                        "line_ids": [
                            Command.create(
                                {"denomination_id": den_20.id, "quantity": 1}
                            )
                        ],
                    }
                    for session in sessions
                ]
            )
            cr.commit()  # pylint: disable=invalid-commit
            return {
                "location": location.id,
                "partner": partner.id,
                "reception": reception.id,
                "sessions": sessions.ids,
                "sales": sales.ids,
            }

    def _cleanup(self, ids):
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT move_id FROM le97_pive_exchange_sale "
                "WHERE id IN %s AND move_id IS NOT NULL",
                [tuple(ids["sales"])],
            )
            account_moves = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute(
                "SELECT id FROM le97_pive_note_move " "WHERE id = %s OR sale_id IN %s",
                [ids["reception"], tuple(ids["sales"])],
            )
            note_moves = tuple(row[0] for row in cr.fetchall())
            cr.execute(
                "UPDATE le97_pive_exchange_sale SET note_move_id = NULL, "
                "move_id = NULL WHERE id IN %s",
                [tuple(ids["sales"])],
            )
            cr.execute("DELETE FROM account_move WHERE id IN %s", [account_moves])
            cr.execute("DELETE FROM le97_pive_note_move WHERE id IN %s", [note_moves])
            cr.execute(
                "DELETE FROM le97_pive_exchange_sale WHERE id IN %s",
                [tuple(ids["sales"])],
            )
            cr.execute(
                "DELETE FROM le97_pive_exchange_session WHERE id IN %s",
                [tuple(ids["sessions"])],
            )
            cr.execute(
                "DELETE FROM mail_message WHERE (model = 'le97.pive.note.move' "
                "AND res_id IN %s) OR (model = 'le97.pive.exchange.session' "
                "AND res_id IN %s)",
                [note_moves, tuple(ids["sessions"])],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE (res_model = 'le97.pive.note.move' "
                "AND res_id IN %s) OR (res_model = 'le97.pive.exchange.session' "
                "AND res_id IN %s)",
                [note_moves, tuple(ids["sessions"])],
            )
            cr.execute(
                "DELETE FROM le97_pive_note_quant WHERE location_id = %s",
                [ids["location"]],
            )
            cr.execute(
                "DELETE FROM le97_pive_note_location WHERE id = %s", [ids["location"]]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner"].browse(ids["partner"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_operators_same_counter(self):
        ids = self._setup_committed()
        try:
            self._check_concurrent_sales(ids)
        finally:
            self._cleanup(ids)
        # nothing is left behind in the database
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM le97_pive_note_location WHERE id = %s",
                [ids["location"]],
            )
            self.assertEqual(cr.fetchone()[0], 0)

    def _check_concurrent_sales(self, ids):
        registry = self.env.registry
        with registry.cursor() as cr1, registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            sale_1 = env1["le97.pive.exchange.sale"].browse(ids["sales"][0])
            sale_2 = env2["le97.pive.exchange.sale"].browse(ids["sales"][1])
            # 1. operator 1 hands out the only note of 20 (not committed yet);
            #    operator 2 tries at the same time: the stock rows are locked
            sale_1.action_confirm()
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.LockNotAvailable),
            ):
                sale_2.action_confirm()
            cr2.rollback()
            env2.invalidate_all()
            # 2. operator 2 reads the stock (1 note) before operator 1 commits,
            #    then confirms: the stale read cannot be used
            quant_2 = env2["le97.pive.note.quant"].search(
                [("location_id", "=", ids["location"])]
            )
            self.assertEqual(quant_2.quantity, 1)
            cr1.commit()  # pylint: disable=invalid-commit
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.SerializationFailure),
            ):
                sale_2.action_confirm()
            cr2.rollback()
            env2.invalidate_all()
            # 3. retried (as the request machinery does), the sale is refused
            with self.assertRaises(UserError) as cm:
                sale_2.action_confirm()
            self.assertIn("Not enough notes", str(cm.exception))
            cr2.rollback()
            env2.invalidate_all()
            self.assertEqual(sale_2.state, "draft")
            self.assertFalse(sale_2.note_move_id)
            self.assertEqual(sale_1.state, "done")
            cr2.execute(
                "SELECT quantity FROM le97_pive_note_quant WHERE location_id = %s",
                [ids["location"]],
            )
            self.assertEqual([row[0] for row in cr2.fetchall()], [0])
