# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError

ANONYMOUS_DONOR_XMLID = "le97_donation_pos.res_partner_pos_anonymous_donor"


class PosOrder(models.Model):
    _inherit = "pos.order"

    le97_donation_ids = fields.One2many(
        comodel_name="donation.donation",
        inverse_name="le97_pos_order_id",
        string="Donations",
        readonly=True,
        groups="le97_base.group_treasurer",
    )

    def _le97_gift_lines(self):
        return self.lines.filtered(lambda line: line._le97_is_gift())

    def _le97_gift_amount(self):
        self.ensure_one()
        return sum(self._le97_gift_lines().mapped("price_subtotal_incl"))

    def _le97_donation_journal(self):
        """The journal that took most of the order's money: its donation
        method gives the means of payment the receipt shows."""
        self.ensure_one()
        payments = self.payment_ids.filtered(
            lambda p: not p.is_change and p.payment_method_id.journal_id
        )
        if not payments:
            raise UserError(
                self.env._(
                    "The order %(order)s has a gift but no payment in a journal "
                    "(cash, bank or local currency): the gift cannot become a "
                    "donation.",
                    order=self.name,
                )
            )
        return max(payments, key=lambda p: p.amount).payment_method_id.journal_id

    def _prepare_le97_donation_vals(self, anonymous_donor, method_line):
        """Values of the donation of the order's gifts, paid through
        ``method_line`` (of :meth:`_le97_donation_journal`). An order without
        a customer is an anonymous gift, never receipted."""
        self.ensure_one()
        company = self.company_id
        donor = self.partner_id.commercial_partner_id or anonymous_donor
        gift_lines = self._le97_gift_lines()
        vals = {
            "company_id": company.id,
            "partner_id": donor.id,
            "currency_id": self.currency_id.id,
            "donation_date": fields.Date.context_today(self, self.date_order),
            "payment_method_line_id": method_line.id,
            "payment_ref": self.name,
            "check_total": self._le97_gift_amount(),
            "le97_pos_order_id": self.id,
            "line_ids": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "quantity": 1,
                        "unit_price": line.price_subtotal_incl,
                    }
                )
                for line in gift_lines
            ],
        }
        if not self.partner_id:
            vals["tax_receipt_option"] = "none"
        return vals

    def _le97_anonymous_donor(self):
        partner = self.env.ref(ANONYMOUS_DONOR_XMLID, raise_if_not_found=False)
        if not partner:
            raise UserError(
                self.env._(
                    "The anonymous donor of the gifts at the Point of Sale is "
                    "missing: update the module Le 97 - Gifts at the Point of "
                    "Sale."
                )
            )
        return partner
