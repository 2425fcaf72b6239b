# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97VolunteerRate(models.Model):
    _name = "le97.volunteer.rate"
    _description = "Volunteer Hourly Rate"
    _order = "year desc, activity_id"

    activity_id = fields.Many2one(
        "le97.volunteer.activity", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="activity_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    hourly_rate = fields.Monetary(
        required=True,
        help="Replacement cost of one hour of this activity (e.g. SMIC-based, "
        "with social charges).",
    )

    _sql_constraints = [
        (
            "activity_year_uniq",
            "unique(activity_id, year)",
            "An activity has one rate per year.",
        )
    ]

    @api.constrains("hourly_rate", "year")
    def _check_rate(self):
        for rate in self:
            if rate.hourly_rate < 0 or not 2000 <= rate.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The rate of %(activity)s must be positive and its year "
                        "between 2000 and 2100.",
                        activity=rate.activity_id.name,
                    )
                )
