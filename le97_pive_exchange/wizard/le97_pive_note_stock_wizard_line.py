# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97PiveNoteStockWizardLine(models.TransientModel):
    _name = "le97.pive.note.stock.wizard.line"
    _inherit = ["le97.pive.denomination.line.mixin"]
    _description = "Notes in Stock at a Date (line)"
    _order = "location_id, value desc"

    # figures from the register: shown as they are
    _le97_min_quantity = None

    wizard_id = fields.Many2one(
        comodel_name="le97.pive.note.stock.wizard", required=True, ondelete="cascade"
    )
    location_id = fields.Many2one(comodel_name="le97.pive.note.location")
