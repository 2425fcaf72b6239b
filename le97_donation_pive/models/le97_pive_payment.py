# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

GIFT_PRODUCT_XMLID = "le97_donation_pive.product_product_gift_pive"
ANONYMOUS_DONOR_XMLID = "le97_donation_pive.res_partner_pive_anonymous_donor"
# Kind of a Pive purpose -> kind of income of a product (le97_donation's
# product.template.le97_gift_kind, the one owner of "is it a gift"). Only the
# "gift" purposes become donations, on a product of the gift kind; the others
# (pay-what-you-can for the place, bar, membership) are incomes, booked by
# le97_pive on their own accounts and never receipted.
PURPOSE_GIFT_KINDS = {
    "gift": "gift",
    "service": "service",
    "sale": "sale",
    "membership": "membership",
}


class Le97PivePayment(models.Model):
    _inherit = "le97.pive.payment"

    donation_id = fields.Many2one(
        comodel_name="donation.donation",
        string="Donation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        groups="le97_base.group_treasurer",
    )

    @api.model
    def _le97_guarded_fields(self):
        # the link to the donation is written by the posting only
        return super()._le97_guarded_fields() | {"donation_id"}

    def _le97_gift_kind(self):
        """Kind of income of the payment, as a product's (see
        ``PURPOSE_GIFT_KINDS``)."""
        self.ensure_one()
        return PURPOSE_GIFT_KINDS.get(self.purpose_id.kind)

    def _le97_payments_to_post(self):
        # A gift's entry is the donation's: OCA posts it when validating.
        return (
            super()
            ._le97_payments_to_post()
            .filtered(lambda p: p._le97_gift_kind() != "gift")
        )

    @api.model
    def _le97_gift_product(self):
        """Donation product of the gifts in local currency (data)."""
        product = self.env.ref(GIFT_PRODUCT_XMLID, raise_if_not_found=False)
        if not product:
            raise UserError(
                self.env._(
                    "The product of the gifts in local currency is missing: "
                    "update the module Le 97 - Gifts in Pive."
                )
            )
        if product.sudo().le97_gift_kind != PURPOSE_GIFT_KINDS["gift"]:
            raise UserError(
                self.env._(
                    "The product %(product)s of the gifts in local currency is "
                    "not of the kind Gift (%(kind)s): a treasurer must set it "
                    "back to Gift before gifts in Pive can be recorded.",
                    product=product.sudo().display_name,
                    kind=product.sudo().product_tmpl_id._le97_gift_kind_label(),
                )
            )
        return product

    @api.model
    def _le97_anonymous_donor(self):
        """Donor of the gifts recorded without a payer (data)."""
        partner = self.env.ref(ANONYMOUS_DONOR_XMLID, raise_if_not_found=False)
        if not partner:
            raise UserError(
                self.env._(
                    "The anonymous donor of the gifts in local currency is "
                    "missing: update the module Le 97 - Gifts in Pive."
                )
            )
        return partner

    def _le97_gift_payment_method_line(self):
        """Inbound method of the payment's Pive journal used on donations."""
        self.ensure_one()
        return self.journal_id._le97_donation_method_line()

    def _prepare_donation_vals(self, product=None, anonymous_donor=None):
        """Values of the donation of one gift. ``product`` and
        ``anonymous_donor`` may be given, found once for a batch."""
        self.ensure_one()
        company = self.company_id.sudo()
        product = product or self._le97_gift_product()
        donor = self.payer_id or anonymous_donor or self._le97_anonymous_donor()
        vals = {
            "company_id": company.id,
            "partner_id": donor.id,
            "currency_id": self.currency_id.id,
            "donation_date": self.date,
            "payment_method_line_id": self._le97_gift_payment_method_line().id,
            "payment_ref": self.note or self.purpose_id.name,
            "check_total": self.amount,
            # the project of the payment (from its purpose): the donation's
            # gift line and its analytic item carry it
            "le97_project_id": self.le97_project_id.id,
            "line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1,
                        "unit_price": self.amount,
                    }
                )
            ],
        }
        if not (self.payer_id and company.fund_receipt_allow_pive):
            # fiscal receipts for gifts in local currency are off by default,
            # and an anonymous gift is never receipted
            vals["tax_receipt_option"] = "none"
        return vals

    def _le97_handle_gift(self):
        """Each gift becomes an OCA donation paid through the Pive journal."""
        res = super()._le97_handle_gift()
        payments = self.sudo().filtered(lambda p: not p.donation_id)
        if not payments:
            return res
        product = self._le97_gift_product()
        anonymous_donor = (
            self._le97_anonymous_donor()
            if payments.filtered(lambda p: not p.payer_id)
            else None
        )
        donations = (
            self.env["donation.donation"]
            .sudo()
            .create(
                [
                    payment._prepare_donation_vals(
                        product=product, anonymous_donor=anonymous_donor
                    )
                    for payment in payments
                ]
            )
        )
        donations.validate()
        for payment, donation in zip(payments, donations, strict=True):
            payment._le97_write_workflow(
                {"donation_id": donation.id, "move_id": donation.move_id.id}
            )
        return res

    def _le97_check_reversible(self):
        """A gift covered by an issued fiscal receipt is not reversed: a
        receipts administrator cancels the receipt first."""
        res = super()._le97_check_reversible()
        receipted = self.sudo().filtered(
            lambda p: p.donation_id.tax_receipt_id.state == "issued"
        )
        if receipted:
            raise UserError(
                self.env._(
                    "%(payments)s cannot be reversed: the gift is covered by an "
                    "issued fiscal receipt. A receipts administrator must cancel "
                    "that receipt first.",
                    payments=", ".join(receipted.mapped("display_name")),
                )
            )
        return res

    def action_reverse(self):
        """A reversed gift is no gift any more: its donation is cancelled, its
        entry kept and reversed (the Pive journals are hash-secured), so that
        no receipt can cover it later."""
        res = super().action_reverse()
        donations = self.sudo().donation_id.filtered(lambda d: d.state == "done")
        if donations:
            donations.write({"state": "cancel"})
            for donation in donations:
                donation.partner_id._update_donor_rank()
                donation.message_post(
                    body=self.env._(
                        "Gift in local currency reversed at the counter: donation "
                        "cancelled, its journal entry is reversed."
                    )
                )
        return res
