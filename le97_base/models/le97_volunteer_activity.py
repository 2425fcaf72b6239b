# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97VolunteerActivity(models.Model):
    _name = "le97.volunteer.activity"
    _description = "Volunteer Activity"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        check_company=True,
        help="Campaign or project the time is given to.",
    )
    rate_ids = fields.One2many("le97.volunteer.rate", "activity_id", string="Rates")

    def _get_rate(self, year):
        """Hourly rate of this activity for ``year`` (0.0 when missing)."""
        self.ensure_one()
        rate = self.rate_ids.filtered(lambda r: r.year == year)[:1]
        return rate.hourly_rate
