# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

POS_GIFT_PRODUCT_XMLID = "le97_donation_pos.product_product_pos_gift"


class ResCompany(models.Model):
    _inherit = "res.company"

    def _le97_gift_product_accounts(self):
        """The gift product of the Point of Sale books on the fund's gift
        account (7541)."""
        accounts = super()._le97_gift_product_accounts()
        product = self.env.ref(POS_GIFT_PRODUCT_XMLID, raise_if_not_found=False)
        if product and self.le97_account_gift_id:
            accounts[product] = self.le97_account_gift_id
        return accounts

    def _le97_pos_gift_transit_account(self):
        """Account between the session's entry and the gifts' entries.

        A gift sold at the Point of Sale is booked once, by its donation (as
        OCA books a gift received by transfer): the session's entry credits
        this transit account instead of the gift account, each donation's
        entry debits it and credits the gift account, and both are reconciled.
        Odoo's internal transfer account (58, reconcilable) serves.
        """
        self.ensure_one()
        account = self.sudo().transfer_account_id
        if not account or not account.reconcile:
            raise UserError(
                self.env._(
                    "%(company)s has no reconcilable internal transfer account "
                    "(Accounting settings): gifts sold at the Point of Sale pass "
                    "through it to their donation.",
                    company=self.name,
                )
            )
        return account
