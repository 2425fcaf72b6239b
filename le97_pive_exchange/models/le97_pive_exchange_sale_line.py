# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Le97PiveExchangeSaleLine(models.Model):
    _name = "le97.pive.exchange.sale.line"
    _description = "Exchange Office Notes Handed Out"
    _order = "value desc"

    sale_id = fields.Many2one(
        comodel_name="le97.pive.exchange.sale",
        required=True,
        ondelete="cascade",
        index=True,
    )
    denomination_id = fields.Many2one(
        comodel_name="le97.pive.denomination", required=True, ondelete="restrict"
    )
    value = fields.Integer(related="denomination_id.value", store=True)
    quantity = fields.Integer(required=True, default=1)
    amount = fields.Integer(compute="_compute_amount", store=True)

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The number of notes handed out must be positive.",
        ),
    ]

    @api.depends("quantity", "denomination_id.value")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.denomination_id.value

    def write(self, vals):
        if any(line.sale_id.state == "done" for line in self):
            raise UserError(
                self.env._("The notes of a confirmed sale cannot be changed.")
            )
        return super().write(vals)
