# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveNoteStockWizardLine(models.TransientModel):
    _name = "le97.pive.note.stock.wizard.line"
    _description = "Notes in Stock at a Date (line)"
    _order = "location_id, value desc"

    wizard_id = fields.Many2one(
        comodel_name="le97.pive.note.stock.wizard", required=True, ondelete="cascade"
    )
    location_id = fields.Many2one(comodel_name="le97.pive.note.location")
    denomination_id = fields.Many2one(comodel_name="le97.pive.denomination")
    value = fields.Integer(related="denomination_id.value")
    quantity = fields.Integer()
    amount = fields.Integer(compute="_compute_amount")

    @api.depends("quantity", "value")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.value
