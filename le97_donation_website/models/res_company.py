# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

GIFT_PRODUCT_XMLID = "le97_donation_website.product_product_gift_online"


class ResCompany(models.Model):
    _inherit = "res.company"

    def _le97_gift_product_accounts(self):
        """The online gifts' product books on the fund's gift account (7541)."""
        accounts = super()._le97_gift_product_accounts()
        product = self.env.ref(GIFT_PRODUCT_XMLID, raise_if_not_found=False)
        if product and self.le97_account_gift_id:
            accounts[product] = self.le97_account_gift_id
        return accounts
