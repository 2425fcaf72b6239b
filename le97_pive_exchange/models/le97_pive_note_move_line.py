# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97PiveNoteMoveLine(models.Model):
    _name = "le97.pive.note.move.line"
    _inherit = ["le97.pive.denomination.line.mixin"]
    _description = "Local Currency Notes Register Line"
    _order = "date desc, note_move_id desc, value desc"

    _le97_document_field = "note_move_id"
    _le97_denomination_group_field = "note_move_id"
    _le97_min_quantity = 1

    note_move_id = fields.Many2one(
        comodel_name="le97.pive.note.move",
        string="Movement",
        required=True,
        ondelete="cascade",
        index=True,
    )
    quantity = fields.Integer(default=1)
    date = fields.Datetime(related="note_move_id.date", store=True)
    move_type = fields.Selection(related="note_move_id.move_type", store=True)
    state = fields.Selection(related="note_move_id.state", store=True)
    location_src_id = fields.Many2one(
        related="note_move_id.location_src_id", store=True
    )
    location_dest_id = fields.Many2one(
        related="note_move_id.location_dest_id", store=True
    )
    company_id = fields.Many2one(related="note_move_id.company_id", store=True)
