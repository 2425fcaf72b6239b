# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One model for "so many notes of a denomination".

Sale lines, counts of a session, lines of a notes movement, the stock and the
stock at a date all inherit it. The unit value is copied from the denomination
when the line is made and stored: the amounts of past documents never follow a
later change of the denomination (which is refused anyway once it is used).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97PiveDenominationLineMixin(models.AbstractModel):
    _name = "le97.pive.denomination.line.mixin"
    # its computed figures (unit value, amount) are never entered: the line
    # guard of le97_base refuses them (a forged unit value would make notes
    # worth what one likes)
    _inherit = ["le97.workflow.line.mixin"]
    _description = "Local Currency Notes of a Denomination"
    _order = "value desc, id"

    # Smallest number of notes on a line: 1 on the lines of a document, 0 on a
    # count or the stock; None: no check (figures computed from the register).
    _le97_min_quantity = 0
    # Many2one grouping the lines in which each denomination appears once
    # (the document, the session…); None: no check.
    _le97_denomination_group_field = None

    denomination_id = fields.Many2one(
        comodel_name="le97.pive.denomination", required=True, ondelete="restrict"
    )
    quantity = fields.Integer(help="Number of notes.")
    value = fields.Integer(
        string="Unit Value",
        compute="_compute_value",
        store=True,
        precompute=True,
        readonly=True,
        help="Face value of the denomination when the line was recorded.",
    )
    amount = fields.Integer(compute="_compute_amount", store=True, precompute=True)

    # the value is taken once, from the denomination chosen: not from a later
    # change of the denomination's value
    @api.depends("denomination_id")
    def _compute_value(self):
        for line in self:
            line.value = line.denomination_id.value

    @api.depends("quantity", "value")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.value

    @api.constrains("quantity")
    def _check_le97_quantity(self):
        minimum = self._le97_min_quantity
        if minimum is None:
            return
        for line in self:
            if line.quantity < minimum:
                raise ValidationError(
                    self.env._(
                        "%(denomination)s: the number of notes must be at least "
                        "%(minimum)s (%(quantity)s entered).",
                        denomination=line.denomination_id.name,
                        minimum=minimum,
                        quantity=line.quantity,
                    )
                )

    @api.constrains(
        lambda self: [
            name
            for name in ("denomination_id", self._le97_denomination_group_field)
            if name
        ]
    )
    def _check_le97_single_denomination(self):
        group_field = self._le97_denomination_group_field
        if not group_field:
            return
        groups = self.sudo()._read_group(
            [(group_field, "in", self[group_field].ids)],
            [group_field, "denomination_id"],
            having=[("__count", ">", 1)],
        )
        if groups:
            parent, denomination = groups[0]
            raise ValidationError(
                self.env._(
                    "%(document)s: enter each denomination once (%(denomination)s "
                    "is entered several times).",
                    document=parent.display_name,
                    denomination=denomination.name,
                )
            )
