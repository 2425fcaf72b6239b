# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class Le97PivePayment(models.Model):
    _inherit = "le97.pive.payment"

    donation_id = fields.Many2one(
        comodel_name="donation.donation",
        string="Donation",
        readonly=True,
        copy=False,
        ondelete="restrict",
        groups="le97_base.group_treasurer",
    )

    def _le97_payments_to_post(self):
        # A gift's entry is the donation's: OCA posts it when validating.
        return (
            super()
            ._le97_payments_to_post()
            .filtered(lambda p: p.purpose_id.kind != "gift")
        )

    def _le97_gift_product(self, company):
        """Donation product of local currency gifts, income on the gift account."""
        Product = self.env["product.product"].sudo().with_company(company)
        product = Product.search(
            [
                ("default_code", "=", "LE97-MLCC-GIFT"),
                ("company_id", "in", (False, company.id)),
            ],
            limit=1,
        )
        if not product:
            product = Product.create(
                {
                    "name": self.env._("Gift in local currency"),
                    "default_code": "LE97-MLCC-GIFT",
                    "type": "service",
                    "donation_type": "donation",
                    "tax_receipt_ok": True,
                    "taxes_id": [Command.clear()],
                    "sale_ok": False,
                    "purchase_ok": False,
                }
            )
        if product.property_account_income_id != company.mlcc_gift_account_id:
            product.property_account_income_id = company.mlcc_gift_account_id
        return product

    def _le97_gift_payment_method_line(self):
        self.ensure_one()
        line = self.journal_id.sudo().inbound_payment_method_line_ids[:1]
        if line and not line.donation:
            line.donation = True
        return line

    def _le97_anonymous_donor(self, company):
        """Partner of the gifts recorded without a payer."""
        Partner = self.env["res.partner"].sudo()
        name = self.env._("Anonymous donor (local currency)")
        partner = Partner.search(
            [("name", "=", name), ("company_id", "in", (False, company.id))],
            limit=1,
        )
        return partner or Partner.create({"name": name, "le97_is_donor": True})

    def _prepare_donation_vals(self, product=None, anonymous_donor=None):
        """Values of the donation of one gift. ``product`` and
        ``anonymous_donor`` may be given, found once per company for a batch."""
        self.ensure_one()
        company = self.company_id.sudo()
        product = product or self._le97_gift_product(company)
        donor = self.payer_id or anonymous_donor or self._le97_anonymous_donor(company)
        vals = {
            "company_id": company.id,
            "partner_id": donor.id,
            "currency_id": self.currency_id.id,
            "donation_date": self.date,
            "payment_method_line_id": self._le97_gift_payment_method_line().id,
            "payment_ref": self.note or self.purpose_id.name,
            "check_total": self.amount,
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
        if not company.fund_receipt_allow_pive:
            # fiscal receipts for gifts in local currency are off by default
            vals["tax_receipt_option"] = "none"
        return vals

    def _le97_handle_gift(self):
        """Each gift becomes an OCA donation paid through the Pive journal."""
        res = super()._le97_handle_gift()
        payments = self.sudo().filtered(lambda p: not p.donation_id)
        if not payments:
            return res
        # product and anonymous donor searched once per company, not per gift
        products = {c: payments._le97_gift_product(c) for c in payments.company_id}
        anonymous_donors = {
            c: payments._le97_anonymous_donor(c)
            for c in payments.filtered(lambda p: not p.payer_id).company_id
        }
        donations = (
            self.env["donation.donation"]
            .sudo()
            .create(
                [
                    payment._prepare_donation_vals(
                        product=products[payment.company_id],
                        anonymous_donor=anonymous_donors.get(payment.company_id),
                    )
                    for payment in payments
                ]
            )
        )
        donations.validate()
        for payment, donation in zip(payments, donations, strict=True):
            payment.write({"donation_id": donation.id, "move_id": donation.move_id.id})
        return res
