# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

GIFT_NATURES = [
    ("cash", "Cash (numéraire)"),
    ("securities", "Listed securities"),
    ("in_kind", "Gift in kind"),
    ("waived_income", "Waived income or proceeds"),
    ("waived_expenses", "Waived volunteer expenses"),
]


class DonationLine(models.Model):
    _inherit = "donation.line"

    # Declared again for their French labels (see donation.donation); the
    # values of product_donation_type are the product's (product.template).
    product_donation_type = fields.Selection(string="Product Type donation")
    tax_receipt_ok = fields.Boolean(string="Is Eligible for a Tax Receipt")
    analytic_distribution = fields.Json()
    le97_gift_kind = fields.Selection(related="product_id.le97_gift_kind")
    le97_nature = fields.Selection(
        selection=GIFT_NATURES,
        string="Nature",
        compute="_compute_le97_nature",
        store=True,
        readonly=False,
        precompute=True,
        help="Nature of the gift printed on the fiscal receipt. Defaults to cash, "
        "or gift in kind for an in-kind product.",
    )

    @api.depends("product_id.donation_type")
    def _compute_le97_nature(self):
        for line in self:
            donation_type = line.product_id.donation_type or ""
            if donation_type.startswith("donation_in_kind"):
                line.le97_nature = "in_kind"
            elif not line.le97_nature or line.le97_nature == "in_kind":
                line.le97_nature = "cash"

    def _get_account(self):
        """A company's gift is corporate sponsorship (7542), an individual's a
        manual gift (7541): see ``res.company._le97_donor_gift_account``."""
        account = super()._get_account()
        company = self.donation_id.company_id
        if self.product_id.le97_gift_kind != "gift" or not company:
            return account
        donor = self.donation_id.commercial_partner_id
        return company._le97_donor_gift_account(account, donor)
