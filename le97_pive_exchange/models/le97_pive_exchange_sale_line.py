# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97PiveExchangeSaleLine(models.Model):
    _name = "le97.pive.exchange.sale.line"
    _inherit = ["le97.pive.denomination.line.mixin"]
    _description = "Exchange Office Notes Handed Out"

    _le97_document_field = "sale_id"
    _le97_denomination_group_field = "sale_id"
    _le97_min_quantity = 1

    sale_id = fields.Many2one(
        comodel_name="le97.pive.exchange.sale",
        required=True,
        ondelete="cascade",
        index=True,
    )
    quantity = fields.Integer(default=1)
