# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Le97PiveNoteLocation(models.Model):
    _name = "le97.pive.note.location"
    _description = "Local Currency Note Location"
    _order = "location_type desc, name"

    name = fields.Char(required=True)
    location_type = fields.Selection(
        selection=[("safe", "Safe"), ("counter", "Counter")],
        string="Type",
        required=True,
        default="counter",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        ondelete="restrict",
    )
    active = fields.Boolean(default=True)
    quant_ids = fields.One2many(
        comodel_name="le97.pive.note.quant",
        inverse_name="location_id",
        string="Stock",
    )
    stock_total = fields.Integer(
        string="Stock Value", compute="_compute_stock_total", help="Sum of the notes."
    )

    @api.depends("quant_ids.amount")
    def _compute_stock_total(self):
        for location in self:
            location.stock_total = sum(location.quant_ids.mapped("amount"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.env["le97.pive.note.move.line"].search_count(
            [
                "|",
                ("location_src_id", "in", self.ids),
                ("location_dest_id", "in", self.ids),
            ],
            limit=1,
        )
        if used:
            raise UserError(
                self.env._(
                    "A location with notes in the register cannot be deleted: "
                    "archive it."
                )
            )

    def _get_stock(self, date=None):
        """Notes per denomination at date (now if empty), from the register.

        :return: {location_id: {denomination_id: quantity}} for the locations
            in self, in one query.
        """
        result = {location.id: {} for location in self}
        if not self:
            return result
        params = {"ids": tuple(self.ids), "date": date or fields.Datetime.now()}
        self.env["le97.pive.note.move.line"].flush_model()
        self.env["le97.pive.note.move"].flush_model()
        self.env.cr.execute(
            """
            SELECT loc, denomination_id, SUM(qty) FROM (
                SELECT l.location_dest_id AS loc, l.denomination_id,
                       l.quantity AS qty
                  FROM le97_pive_note_move_line l
                  JOIN le97_pive_note_move m ON m.id = l.note_move_id
                 WHERE m.state = 'done' AND m.date <= %(date)s
                   AND l.location_dest_id IN %(ids)s
                UNION ALL
                SELECT l.location_src_id, l.denomination_id, -l.quantity
                  FROM le97_pive_note_move_line l
                  JOIN le97_pive_note_move m ON m.id = l.note_move_id
                 WHERE m.state = 'done' AND m.date <= %(date)s
                   AND l.location_src_id IN %(ids)s
            ) AS t
            GROUP BY loc, denomination_id
            """,
            params,
        )
        for location_id, denomination_id, quantity in self.env.cr.fetchall():
            result[location_id][denomination_id] = int(quantity)
        return result
