# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97CounterpartItem(models.Model):
    """What the fund gives back to donors (a tote bag, a drink, an invitation)
    and its value: the counterparts of a gift are taken from here."""

    _name = "le97.counterpart.item"
    _description = "Counterpart Item"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    value = fields.Monetary(
        required=True,
        help="Value of one item (its purchase cost or its usual price): it counts "
        "against the limits of counterparts (25 % of the gift, and a yearly "
        "amount for an individual donor).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    description = fields.Text()

    @api.constrains("value")
    def _check_value(self):
        for item in self:
            if item.value < 0:
                raise ValidationError(
                    self.env._(
                        "The value of the counterpart %(item)s cannot be negative.",
                        item=item.name,
                    )
                )
