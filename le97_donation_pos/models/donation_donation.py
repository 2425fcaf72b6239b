# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    le97_pos_order_id = fields.Many2one(
        comodel_name="pos.order",
        string="Point of Sale Order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The order of the Point of Sale in which the gift was paid: the "
        "money is in the session's entry, the gift in this donation's.",
    )

    @api.model
    def _le97_application_fields(self):
        # the link to the order is written at the closing of the session only
        return super()._le97_application_fields() | {"le97_pos_order_id"}

    def _le97_defer_pos_receipts(self):
        """The closing of a register is not refused for a receipt: a gift of
        the Point of Sale that cannot be receipted now (the fund's identity,
        the donor's address, a gift in local currency...) is recorded with the
        yearly option, the reasons logged on it; the yearly receipt covers it
        once they are fixed."""
        todo = self.filtered(lambda d: d.tax_receipt_option == "each")
        bodies = {
            donation.id: Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._(
                    "No receipt was issued at the closing of the register; "
                    "the gift waits for the yearly receipt:"
                ),
                Markup().join(Markup("<li>%s</li>") % p for p in problems),
            )
            for donation, problems in todo._le97_receipt_problems_now().items()
            if problems
        }
        deferred = self.browse(list(bodies))
        if deferred:
            deferred.write({"tax_receipt_option": "annual"})
            deferred._message_log_batch(bodies=bodies)
        return deferred

    def _prepare_counterpart_move_line(self, total_company_cur, total_currency):
        # The money of a gift paid at the Point of Sale is in the session's
        # entry, on the transit account: the donation's entry takes it from
        # there (as OCA does for a gift received by transfer), whatever the
        # payment account of the method (the cash journals the Point of Sale
        # makes have none).
        if not self.le97_pos_order_id:
            return super()._prepare_counterpart_move_line(
                total_company_cur, total_currency
            )
        self.ensure_one()
        positive = self.company_currency_id.compare_amounts(total_company_cur, 0) > 0
        return {
            "debit": total_company_cur if positive else 0.0,
            "credit": 0.0 if positive else -total_company_cur,
            "account_id": self.company_id._le97_pos_gift_transit_account().id,
            "partner_id": self.commercial_partner_id.id,
            "currency_id": self.currency_id.id,
            "amount_currency": total_currency,
            "name": self.number,
            "display_type": "payment_term",
        }
