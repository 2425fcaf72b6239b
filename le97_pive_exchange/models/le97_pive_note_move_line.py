# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class Le97PiveNoteMoveLine(models.Model):
    _name = "le97.pive.note.move.line"
    _description = "Local Currency Notes Register Line"
    _order = "date desc, move_id desc, value desc"

    move_id = fields.Many2one(
        comodel_name="le97.pive.note.move",
        string="Movement",
        required=True,
        ondelete="cascade",
        index=True,
    )
    denomination_id = fields.Many2one(
        comodel_name="le97.pive.denomination", required=True, ondelete="restrict"
    )
    quantity = fields.Integer(required=True, default=1, help="Number of notes.")
    value = fields.Integer(related="denomination_id.value", store=True)
    amount = fields.Integer(compute="_compute_amount", store=True)
    date = fields.Datetime(related="move_id.date", store=True)
    move_type = fields.Selection(related="move_id.move_type", store=True)
    state = fields.Selection(related="move_id.state", store=True)
    location_src_id = fields.Many2one(related="move_id.location_src_id", store=True)
    location_dest_id = fields.Many2one(related="move_id.location_dest_id", store=True)
    company_id = fields.Many2one(related="move_id.company_id", store=True)

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The number of notes moved must be positive.",
        ),
    ]

    @api.depends("quantity", "denomination_id.value")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.denomination_id.value

    @api.constrains("move_id", "denomination_id")
    def _check_single_denomination(self):
        for move in self.move_id:
            denominations = move.line_ids.denomination_id
            if len(denominations) != len(move.line_ids):
                raise ValidationError(
                    self.env._(
                        "%(move)s: enter each denomination once.", move=move.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_move_draft()
        return lines

    def write(self, vals):
        self._check_move_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        self._check_move_draft()

    def _check_move_draft(self):
        if any(line.move_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "The notes of a validated movement cannot be changed: record "
                    "a new movement instead."
                )
            )
