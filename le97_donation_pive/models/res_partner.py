# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _le97_counter_hidden_domain(self):
        """A Pive merchant reads no donor, even one they recorded a gift of or
        a member of the association the exchange office shows."""
        return expression.OR(
            [super()._le97_counter_hidden_domain(), [("le97_is_donor", "=", True)]]
        )
