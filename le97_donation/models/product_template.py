# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What the money a product records really is. Only a gift gives right to a
# fiscal receipt (CGI art. 200 and 238 bis): a pay-what-you-can price for using
# the place buys a service, a sale buys goods, a fee with a counterpart and a
# membership fee pay for something. The keys of the Pive purposes
# (le97.pive.purpose.kind: gift, service, sale, membership) are the same: the
# bridge le97_donation_pive maps a purpose to this kind.
GIFT_KINDS = [
    ("gift", "Gift"),
    ("service", "Pay-what-you-can or service (use of the place)"),
    ("sale", "Sale"),
    ("counterpart_fee", "Fee with a counterpart"),
    ("membership", "Membership fee"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # declared again for the French of its values (see donation.donation),
    # also shown on the donation lines
    donation_type = fields.Selection(
        selection=[
            ("donation", "Monetary Donation"),
            ("donation_in_kind", "In-Kind Donation"),
        ],
    )
    le97_gift_kind = fields.Selection(
        selection=GIFT_KINDS,
        string="Kind of Income",
        compute="_compute_le97_gift_kind",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="What the money recorded with this product is. Only a gift gives "
        "right to a fiscal receipt: a pay-what-you-can price for using the place "
        "(a service bought), a sale, a fee with a counterpart or a membership fee "
        "is an income, never receipted.",
    )

    @api.depends("donation_type")
    def _compute_le97_gift_kind(self):
        # a donation product is a gift unless said otherwise
        for product in self:
            if product.donation_type and not product.le97_gift_kind:
                product.le97_gift_kind = "gift"

    @api.depends("le97_gift_kind")
    def _compute_tax_receipt_ok(self):
        res = super()._compute_tax_receipt_ok()
        for product in self:
            if product.le97_gift_kind != "gift":
                product.tax_receipt_ok = False
        return res

    def _le97_gift_kind_label(self):
        """The kind of income of the product, in the user's language."""
        self.ensure_one()
        if not self.le97_gift_kind:
            return self.env._("no kind of income")
        labels = dict(self._fields["le97_gift_kind"]._description_selection(self.env))
        return labels[self.le97_gift_kind]

    @api.constrains("tax_receipt_ok", "le97_gift_kind")
    def _check_le97_gift_kind_receipt(self):
        for product in self:
            if product.tax_receipt_ok and product.le97_gift_kind != "gift":
                raise ValidationError(
                    self.env._(
                        "The product %(product)s is not a gift (%(kind)s): it "
                        "cannot be eligible for a fiscal receipt.",
                        product=product.display_name,
                        kind=product._le97_gift_kind_label(),
                    )
                )
