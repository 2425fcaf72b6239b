# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .account_payment_method_line import PAYMENT_MEANS

GIFT_FORMS = [
    ("authentic_act", "Authentic act"),
    ("private_deed", "Private deed (sous seing privé)"),
    ("manual_gift", "Manual gift (don manuel)"),
    ("other", "Other"),
]


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    donation_date = fields.Date(default=fields.Date.context_today)
    le97_gift_form = fields.Selection(
        selection=GIFT_FORMS,
        string="Form of the Gift",
        required=True,
        default="manual_gift",
        tracking=True,
        help="Form printed on the fiscal receipt: a gift of money or goods handed "
        "over without a deed is a manual gift.",
    )
    le97_payment_means = fields.Selection(
        selection=PAYMENT_MEANS,
        string="Means of Payment",
        compute="_compute_le97_payment_means",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Box ticked on the fiscal receipt. Comes from the payment method and "
        "can be changed for this donation.",
    )
    le97_counterpart_value = fields.Monetary(
        string="Counterpart Value",
        currency_field="currency_id",
        tracking=True,
        help="Value of what the donor received in return (goods, services, "
        "invitations). Above the limits (25 % of the gift, and a yearly amount per "
        "donor) the gift gives no right to a receipt.",
    )
    le97_counterpart_description = fields.Char(string="Counterpart", tracking=True)

    @api.depends("payment_method_line_id.le97_payment_means")
    def _compute_le97_payment_means(self):
        for donation in self:
            donation.le97_payment_means = (
                donation.payment_method_line_id.le97_payment_means or False
            )

    @api.model_create_multi
    def create(self, vals_list):
        donations = super().create(vals_list)
        donors = donations.commercial_partner_id.filtered(lambda p: not p.le97_is_donor)
        if donors:
            donors.write({"le97_is_donor": True})
        return donations

    def _prepare_each_tax_receipt(self):
        vals = super()._prepare_each_tax_receipt()
        vals["donation_ids"] = [Command.set(self.ids)]
        return vals

    def _le97_get_each_receipt_donations(self):
        """Donations of self that will get a per-gift receipt on validation."""
        return self.filtered(
            lambda d: d.tax_receipt_option == "each"
            and not d.tax_receipt_id
            and not d.company_currency_id.is_zero(d.tax_receipt_total)
        )

    def validate(self):
        # Run the receipt checks before anything (journal entry, receipt) is
        # created, on in-memory receipts.
        to_receipt = self._le97_get_each_receipt_donations()
        if to_receipt:
            receipt_model = self.env["donation.tax.receipt"]
            drafts = receipt_model.concat(
                *[
                    receipt_model.new(donation._prepare_each_tax_receipt())
                    for donation in to_receipt
                ]
            )
            drafts._le97_check_issuable()
        return super().validate()

    def done2cancel(self):
        for donation in self:
            if donation.tax_receipt_id.state == "issued":
                raise UserError(
                    self.env._(
                        "The donation %(donation)s of %(donor)s is covered by the "
                        "issued fiscal receipt %(receipt)s: a receipts administrator "
                        "must cancel that receipt first.",
                        donation=donation.display_name,
                        donor=donation.commercial_partner_id.display_name,
                        receipt=donation.tax_receipt_id.display_name,
                    )
                )
        return super().done2cancel()
