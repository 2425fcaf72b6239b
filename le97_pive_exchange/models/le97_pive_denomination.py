# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97PiveDenomination(models.Model):
    _name = "le97.pive.denomination"
    _description = "Local Currency Note Denomination"
    _order = "value desc"

    name = fields.Char(required=True, translate=True)
    value = fields.Integer(
        required=True, help="Face value of the note, in whole local currency units."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("value_unique", "unique(value)", "A denomination with this value exists."),
    ]

    @api.constrains("value")
    def _check_value(self):
        for denomination in self:
            if denomination.value <= 0:
                raise ValidationError(
                    self.env._(
                        "The value of the denomination %(name)s must be positive.",
                        name=denomination.name,
                    )
                )
