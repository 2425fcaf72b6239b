# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class Le97PiveNoteStockWizard(models.TransientModel):
    _name = "le97.pive.note.stock.wizard"
    _description = "Notes in Stock at a Date"

    date = fields.Datetime(required=True, default=fields.Datetime.now)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    location_ids = fields.Many2many(
        comodel_name="le97.pive.note.location",
        string="Locations",
        help="Empty: all the locations of the company.",
    )
    line_ids = fields.One2many(
        comodel_name="le97.pive.note.stock.wizard.line",
        inverse_name="wizard_id",
        string="Stock",
        compute="_compute_line_ids",
        store=True,
        readonly=True,
    )
    total = fields.Integer(compute="_compute_line_ids", store=True)

    @api.depends("date", "location_ids", "company_id")
    def _compute_line_ids(self):
        Location = self.env["le97.pive.note.location"].with_context(active_test=False)
        for wizard in self:
            locations = wizard.location_ids or Location.search(
                [("company_id", "=", wizard.company_id.id)]
            )
            stock = locations._get_stock(wizard.date)
            denominations = (
                self.env["le97.pive.denomination"]
                .browse({den for by_den in stock.values() for den in by_den})
                .sorted("value", reverse=True)
            )
            commands = [Command.clear()]
            total = 0
            for location in locations:
                for denomination in denominations:
                    quantity = stock[location.id].get(denomination.id, 0)
                    if not quantity:
                        continue
                    total += quantity * denomination.value
                    commands.append(
                        Command.create(
                            {
                                "location_id": location.id,
                                "denomination_id": denomination.id,
                                "quantity": quantity,
                            }
                        )
                    )
            wizard.line_ids = commands
            wizard.total = total
