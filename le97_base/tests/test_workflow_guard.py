# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one workflow guard (le97.workflow.mixin), on the base's own posted
document: the yearly valuation of contributions in kind."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .books_common import Le97BooksCommon
from .common import add_test_users


@tagged("post_install", "-at_install")
class TestWorkflowGuard(Le97BooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        add_test_users(
            cls,
            cls.company,
            user_treasurer=("le97_guard_treas", "le97_base.group_treasurer"),
            user_volunteer=("le97_guard_vol", "le97_base.group_volunteer"),
        )
        cls.company.le97_cvn_mode = "entries"
        cls.Valuation = cls.env["le97.cvn.valuation"].with_user(cls.user_treasurer)
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids |= cls.company

    def _valuation(self, year=2025):
        return self.Valuation.create(
            {
                "year": year,
                "company_id": self.company.id,
                "line_ids": [
                    Command.create(
                        {"kind": "goods", "name": "Frigo donné", "amount_manual": 150}
                    )
                ],
            }
        )

    def test_state_not_writable_from_outside(self):
        valuation = self._valuation()
        for user in (self.user_treasurer, self.admin):
            with self.subTest(user=user.login), self.assertRaises(UserError) as err:
                valuation.with_user(user).write({"state": "done"})
            self.assertIn("State", str(err.exception))
        valuation.invalidate_recordset()
        self.assertEqual(valuation.state, "draft")
        self.assertFalse(valuation.move_id)

    def test_move_link_not_writable_from_outside(self):
        valuation = self._valuation()
        move = self.env["account.move"].create(
            {"journal_id": self.company.le97_cvn_journal_id.id}
        )
        with self.assertRaises(UserError):
            valuation.write({"move_id": move.id})
        self.assertFalse(valuation.move_id)

    def test_create_posted_refused(self):
        count = self.Valuation.search_count([])
        with self.assertRaises(UserError):
            self.Valuation.create(
                {"year": 2024, "company_id": self.company.id, "state": "done"}
            )
        self.assertEqual(self.Valuation.search_count([]), count)

    def test_context_default_state_ignored(self):
        valuation = self.Valuation.with_context(default_state="done").create(
            {"year": 2024, "company_id": self.company.id}
        )
        self.assertEqual(valuation.state, "draft")

    def test_only_treasurer_validates(self):
        valuation = self._valuation()
        with self.assertRaises(AccessError):
            valuation.with_user(self.user_volunteer).action_validate()
        self.assertEqual(valuation.state, "draft")

    def test_posted_is_locked(self):
        valuation = self._valuation()
        valuation.action_validate()
        self.assertEqual(valuation.state, "done")
        move = valuation.move_id
        self.assertEqual(move.state, "posted")
        with self.assertRaises(UserError):
            valuation.write({"year": 2020})
        line = valuation.line_ids
        with self.assertRaises(UserError):
            line.write({"amount_manual": 9999})
        with self.assertRaises(UserError):
            valuation.write(
                {"line_ids": [Command.create({"kind": "goods", "name": "x"})]}
            )
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            valuation.unlink()
        # the chatter stays open on a locked document
        valuation.message_post(body="Vu par le trésorier")
        valuation.invalidate_recordset()
        self.assertEqual(valuation.year, 2025)
        self.assertEqual(valuation.amount_total, 150)
        self.assertEqual(len(valuation.line_ids), 1)
        self.assertEqual(valuation.move_id, move)

    def test_validate_twice_refused(self):
        valuation = self._valuation()
        valuation.action_validate()
        move = valuation.move_id
        with self.assertRaises(UserError):
            valuation.action_validate()
        self.assertEqual(valuation.move_id, move)

    def test_copy_starts_as_draft(self):
        valuation = self._valuation()
        valuation.action_validate()
        copy = valuation.copy({"year": 2023})
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.move_id)

    def test_reset_reverses_and_traces(self):
        valuation = self._valuation()
        valuation.action_validate()
        move = valuation.move_id
        valuation.action_reset_to_draft()
        self.assertEqual(valuation.state, "draft")
        self.assertFalse(valuation.move_id)
        self.assertEqual(move.state, "posted")
        self.assertTrue(move.reversal_move_ids)
        self.assertIn(move.display_name, valuation.message_ids[:1].body)

    def test_computed_figures_not_entered(self):
        valuation = self._valuation()
        with self.assertRaises(UserError):
            valuation.write({"amount_total": 1.0})
        with self.assertRaises(UserError):
            valuation.line_ids.write({"amount": 1.0})
        with self.assertRaises(UserError):
            self.Valuation.create(
                {"year": 2022, "company_id": self.company.id, "amount_total": 5.0}
            )
        valuation.invalidate_recordset()
        self.assertEqual(valuation.amount_total, 150)
        self.assertEqual(valuation.line_ids.amount, 150)
        self.assertFalse(self.Valuation.search([("year", "=", 2022)]))
