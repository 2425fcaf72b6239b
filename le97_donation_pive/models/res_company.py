# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

GIFT_PRODUCT_XMLID = "le97_donation_pive.product_product_gift_pive"


class ResCompany(models.Model):
    _inherit = "res.company"

    # Named fund_* like the other receipt settings: le97_base's company write
    # guard lets receipts administrators change every fund_* field.
    fund_receipt_allow_pive = fields.Boolean(
        string="Fiscal Receipts for Gifts in Local Currency",
        help="Whether a gift paid in local complementary currency (La Pive) gives "
        "right to a fiscal receipt. Unconfirmed by the tax administration: off by "
        "default.",
    )

    @api.model
    def _le97_gift_product_xmlids(self):
        # the Pive gifts' product books on the fund's gift account (7541)
        return [*super()._le97_gift_product_xmlids(), GIFT_PRODUCT_XMLID]

    def _le97_pive_setup(self):
        """The Pive journals, once set up, take gifts as donations: their
        inbound methods are made available on donations, and the gift account
        the set-up may have created goes on the Pive gifts' product."""
        res = super()._le97_pive_setup()
        self._le97_donation_setup()
        return res
