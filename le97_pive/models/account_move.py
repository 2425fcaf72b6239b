# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


class AccountMove(models.Model):
    _inherit = "account.move"

    def _le97_check_whole_units(self):
        """Paper notes have no cents: refuse a posting that would need one."""
        for move in self.filtered(lambda m: m.journal_id.le97_whole_units):
            journal = move.journal_id
            cash_accounts = (
                journal.default_account_id
                | journal.inbound_payment_method_line_ids.payment_account_id
                | journal.outbound_payment_method_line_ids.payment_account_id
            )
            for line in move.line_ids:
                if line.account_id not in cash_accounts:
                    continue
                amount = line.amount_currency
                if not float_is_zero(amount - round(amount), precision_digits=6):
                    raise UserError(
                        self.env._(
                            "The journal %(journal)s takes whole notes only: "
                            "%(amount)s cannot be paid in notes (there are no "
                            "cents). Round the amount and take the cents in "
                            "euros.",
                            journal=journal.display_name,
                            amount=abs(amount),
                        )
                    )

    def _post(self, soft=True):
        self._le97_check_whole_units()
        return super()._post(soft=soft)
