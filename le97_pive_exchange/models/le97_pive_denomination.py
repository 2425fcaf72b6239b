# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class Le97PiveDenomination(models.Model):
    _name = "le97.pive.denomination"
    _description = "Local Currency Note Denomination"
    _order = "value desc"

    name = fields.Char(required=True, translate=True)
    value = fields.Integer(
        required=True,
        help="Face value of the note, in whole local currency units. It cannot "
        "change once notes of this denomination are in the register, a sale or "
        "a count: archive the denomination and create a new one.",
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

    def write(self, vals):
        if "value" in vals:
            changed = self.filtered(lambda d: d.value != vals["value"])
            used = changed._le97_used()
            if used:
                raise UserError(
                    self.env._(
                        "The value of %(denominations)s cannot change: notes of "
                        "this denomination are already in the register, a sale or "
                        "a count, whose amounts must stay as they were. Archive "
                        "the denomination and create a new one.",
                        denominations=", ".join(used.mapped("name")),
                    )
                )
        return super().write(vals)

    def _le97_used(self):
        """Denominations of ``self`` found on a line of a stored document."""
        if not self:
            return self
        used = self.browse()
        registry = self.env.registry
        for model_name in registry.descendants(
            ["le97.pive.denomination.line.mixin"], "_inherit"
        ):
            Model = self.env[model_name].sudo().with_context(active_test=False)
            if Model._abstract or Model._transient:
                continue
            groups = Model._read_group(
                [("denomination_id", "in", (self - used).ids)], ["denomination_id"]
            )
            used |= self.browse([denomination.id for (denomination,) in groups])
        return used
