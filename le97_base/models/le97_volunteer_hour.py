# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97VolunteerHour(models.Model):
    _name = "le97.volunteer.hour"
    _description = "Volunteer Time"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        default=lambda self: self.env.user.partner_id,
        domain="[('le97_is_volunteer', '=', True)]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    hours = fields.Float(required=True, digits=(16, 2))
    activity_id = fields.Many2one(
        "le97.volunteer.activity",
        string="Activity",
        required=True,
        check_company=True,
        ondelete="restrict",
    )
    le97_project_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        compute="_compute_le97_project_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        help="Project of the fund the time is given to: the project of the "
        "activity by default. The yearly valuation values the time by project.",
    )
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("activity_id")
    def _compute_le97_project_id(self):
        projects = self.activity_id.analytic_account_id.filtered_domain(
            self.env["account.analytic.account"]._le97_project_domain()
        )
        for line in self:
            account = line.activity_id.analytic_account_id
            line.le97_project_id = account if account in projects else False

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    @api.constrains("hours")
    def _check_hours(self):
        for line in self:
            if not 0 < line.hours <= 24:
                raise ValidationError(
                    self.env._(
                        "Volunteer time must be between 0 and 24 hours a day, not "
                        "%(hours)s.",
                        hours=line.hours,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        partners.sudo().filtered(lambda p: not p.le97_is_volunteer).write(
            {"le97_is_volunteer": True}
        )
        return super().create(vals_list)
