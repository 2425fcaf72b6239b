# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveExchangeDocument(models.AbstractModel):
    """Guarded document of the exchange office, numbered from the sequence
    whose code is its model.

    Its number is a workflow field, like the figures it computes itself (see
    ``le97.workflow.mixin``): only its action methods write them.
    """

    _name = "le97.pive.exchange.document"
    _inherit = ["le97.workflow.mixin"]
    _description = "Exchange Office Document"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", required=True
    )

    @api.model
    def _le97_guarded_fields(self):
        return super()._le97_guarded_fields() | {"name"}

    @api.model
    def _le97_new_document_vals(self, vals_list):
        vals_list = super()._le97_new_document_vals(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return vals_list
