# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.tools import float_is_zero


class PosSession(models.Model):
    _inherit = "pos.session"

    def _cannot_close_session(self, bank_payment_method_diffs=None):
        """The Pive notes are counted in whole notes: a difference with cents
        is a typing mistake, said before anything is posted."""
        res = super()._cannot_close_session(bank_payment_method_diffs)
        if res or not bank_payment_method_diffs:
            return res
        methods = self.env["pos.payment.method"].browse(list(bank_payment_method_diffs))
        for method in methods.filtered(lambda m: m.le97_pive_medium == "paper"):
            diff = bank_payment_method_diffs[method.id]
            if not float_is_zero(diff - round(diff), precision_digits=6):
                return {
                    "successful": False,
                    "message": self.env._(
                        "%(method)s are counted in whole notes: the count gives a "
                        "difference of %(diff)s, with cents. Count the notes "
                        "again.",
                        method=method.name,
                        diff=diff,
                    ),
                    "redirect": False,
                }
        return res

    def _apply_diff_on_account_payment_move(
        self, account_payment, payment_method, diff_amount
    ):
        # Odoo resets the payment's entry to draft to add the difference: the
        # journals of the local currency are hash-secured (as every journal
        # Le 97 secures: those that receive gifts), a posted entry is never
        # changed there. The difference gets an entry of its own.
        if not payment_method.journal_id.restrict_mode_hash_table:
            return super()._apply_diff_on_account_payment_move(
                account_payment, payment_method, diff_amount
            )
        vals = self._prepare_le97_secured_diff_move_vals(
            payment_method, diff_amount, account_payment.outstanding_account_id
        )
        if vals:
            self.env["account.move"].create(vals)._post()
        return None

    def _prepare_le97_secured_diff_move_vals(
        self, payment_method, diff_amount, outstanding_account
    ):
        """Entry of a counting difference of a payment method on a secured
        journal: the method's outstanding account (the Pive cash account for
        the local currency) against the journal's profit or loss account, in
        the journal's currency (Pive at the parity of one euro). ``None`` when
        there is no difference."""
        self.ensure_one()
        if self.currency_id.is_zero(diff_amount):
            return None
        journal = payment_method.journal_id
        currency = journal.currency_id or self.currency_id
        cash_account = payment_method.outstanding_account_id or outstanding_account
        other_account = (
            journal.profit_account_id if diff_amount > 0 else journal.loss_account_id
        )
        balance = self.currency_id._convert(
            diff_amount, self.company_id.currency_id, self.company_id, self.stop_at
        )
        label = self._get_diff_account_move_ref(payment_method)
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": self.company_id.id,
            "date": fields.Date.context_today(self),
            "ref": label,
            "currency_id": currency.id,
            "line_ids": [
                Command.create(
                    {
                        "name": label,
                        "account_id": cash_account.id,
                        "currency_id": currency.id,
                        "amount_currency": diff_amount,
                        "balance": balance,
                    }
                ),
                Command.create(
                    {
                        "name": label,
                        "account_id": other_account.id,
                        "currency_id": currency.id,
                        "amount_currency": -diff_amount,
                        "balance": -balance,
                    }
                ),
            ],
        }
