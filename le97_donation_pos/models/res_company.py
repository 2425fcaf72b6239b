# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

POS_GIFT_PRODUCT_XMLID = "le97_donation_pos.product_product_pos_gift"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _le97_gift_product_xmlids(self):
        # the gift product of the Point of Sale books on the gift account
        return [*super()._le97_gift_product_xmlids(), POS_GIFT_PRODUCT_XMLID]

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
