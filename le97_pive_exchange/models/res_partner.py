# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_pive_member = fields.Boolean(
        string="Member of the Local Currency",
        tracking=True,
        index=True,
        help="Member of the local currency association (La Pive): required to "
        "buy notes at the exchange office. The operators of the exchange office "
        "can find the members to sell them notes.",
    )
    le97_pive_member_until = fields.Date(
        string="Membership Valid Until",
        tracking=True,
        help="Last day of the membership of the local currency association. "
        "Empty: no end date.",
    )

    @api.model
    def _le97_counter_visible_domain(self):
        """The operators of the exchange office pick the members of the local
        currency association, whoever recorded them (expired members too: they
        renew on the spot). Other private contacts stay hidden."""
        return expression.OR(
            [super()._le97_counter_visible_domain(), [("le97_pive_member", "=", True)]]
        )

    def _le97_pive_membership_valid(self, date=None):
        """True when the membership of the local currency is valid at date."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        return bool(
            self.le97_pive_member
            and (not self.le97_pive_member_until or self.le97_pive_member_until >= date)
        )
