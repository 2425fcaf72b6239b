# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        res = super()._validate_session(
            balancing_account, amount_to_balance, bank_payment_method_diffs
        )
        self.filtered(lambda s: s.state == "closed")._le97_book_pos_gifts()
        return res

    def _le97_pos_gift_orders(self):
        """Orders of the sessions whose gifts become donations: paid, not
        invoiced (an invoice books its own lines), with a positive gift."""
        return self.order_ids.filtered(
            lambda o: o.state in ("paid", "done")
            and not o.sudo().le97_donation_ids
            and o.currency_id.compare_amounts(o._le97_gift_amount(), 0) > 0
        )

    def _le97_book_pos_gifts(self):
        """At the closing, in the same transaction: each order's gifts become
        one validated donation (receipted by the rules of le97_donation), whose
        entry takes the money from the transit account where the session's
        entry put it; both sides are reconciled. A refusal stops the closing
        with its reason: nothing is half-written."""
        orders = self._le97_pos_gift_orders()
        if not orders:
            return self.env["donation.donation"]
        anonymous = orders._le97_anonymous_donor()
        journals = {order: order._le97_donation_journal() for order in orders}
        method_lines = {
            journal: journal._le97_donation_method_line()
            for journal in set(journals.values())
        }
        donations = (
            self.env["donation.donation"]
            .sudo()
            .create(
                [
                    order._prepare_le97_donation_vals(
                        anonymous, method_lines[journals[order]]
                    )
                    for order in orders
                ]
            )
        )
        donations._le97_defer_pos_receipts()
        donations.validate()
        for session in self:
            transit = session.company_id._le97_pos_gift_transit_account()
            mine = donations.filtered(
                lambda d, s=session: d.le97_pos_order_id.session_id == s
            )
            lines = (session.move_id.line_ids | mine.move_id.line_ids).filtered(
                lambda line, t=transit: line.account_id == t and not line.reconciled
            )
            if lines:
                lines.reconcile()
            if mine:
                session.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Gifts of the session recorded as donations: %(donations)s.",
                        donations=", ".join(mine.mapped("display_name")),
                    )
                )
        return donations
