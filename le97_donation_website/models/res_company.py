# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

GIFT_PRODUCT_XMLID = "le97_donation_website.product_product_gift_online"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _le97_gift_product_xmlids(self):
        # the online gifts' product books on the fund's gift account (7541)
        return [*super()._le97_gift_product_xmlids(), GIFT_PRODUCT_XMLID]
