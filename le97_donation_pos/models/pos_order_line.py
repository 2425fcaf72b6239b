# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    def _le97_is_gift(self):
        """A line of a gift product (le97_donation's kind of income): a
        pay-what-you-can price, a sale or a membership is not a gift."""
        self.ensure_one()
        return self.product_id.product_tmpl_id.le97_gift_kind == "gift"

    def _prepare_base_line_for_taxes_computation(self):
        # the gift's income is its donation's: the session's entry passes it
        # through the transit account (see res.company)
        values = super()._prepare_base_line_for_taxes_computation()
        if self._le97_is_gift():
            company = self.order_id.company_id
            values["account_id"] = company._le97_pos_gift_transit_account()
        return values
