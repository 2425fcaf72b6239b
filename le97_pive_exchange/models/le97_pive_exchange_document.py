# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveExchangeDocument(models.AbstractModel):
    """Exchange office document named from the sequence whose code is its model."""

    _name = "le97.pive.exchange.document"
    _description = "Exchange Office Document"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", required=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)
