# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

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

    # A gift in kind: what it is and how it was valued (receipts.md § 6)
    le97_in_kind_description = fields.Char(
        string="Description of the Goods",
        help="What was given (kind, quantity, state), printed on the receipt.",
    )
    le97_valuation_method = fields.Selection(
        [
            ("purchase_price", "Purchase price (new goods)"),
            ("resale_price", "Resale price (used goods)"),
        ],
        string="Valuation Method",
    )
    le97_valued_by_id = fields.Many2one(
        "res.users", string="Valued by", help="Who valued the goods."
    )
    le97_valuation_date = fields.Date(string="Valued on")

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

    # -- a validated gift's lines are its entry's and its receipt's ----------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._le97_check_draft_donation()
        return lines

    def write(self, vals):
        self._le97_check_draft_donation()
        res = super().write(vals)
        if "donation_id" in vals:
            self._le97_check_draft_donation()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_validated(self):
        self._le97_check_draft_donation()

    def _le97_check_draft_donation(self):
        if self.env.su:
            return
        validated = self.donation_id.filtered(lambda d: d.state != "draft")
        if validated:
            raise UserError(
                self.env._(
                    "The lines of the validated donations %(donations)s cannot "
                    "change: cancel the donation (its entry is reversed) and "
                    "record a new one.",
                    donations=", ".join(validated.mapped("display_name")),
                )
            )
