# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97FundDeadline(models.Model):
    _inherit = "le97.fund.deadline"

    kind = fields.Selection(
        selection_add=[("declaration_222bis", "Declaration of Gifts (CGI 222 bis)")],
        ondelete={"declaration_222bis": "cascade"},
    )
