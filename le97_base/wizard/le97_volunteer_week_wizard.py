# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .le97_volunteer_week_wizard_line import DAY_FIELDS


class Le97VolunteerWeekWizard(models.TransientModel):
    _name = "le97.volunteer.week.wizard"
    _description = "Enter a Week of Volunteer Time"
    _check_company_auto = True

    @api.model
    def _default_week_start(self):
        today = fields.Date.context_today(self)
        return today - timedelta(days=today.weekday())

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    week_start = fields.Date(
        string="Week of",
        required=True,
        default=_default_week_start,
        help="Monday of the week; another day is moved back to its Monday.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        default=lambda self: self.env.user.partner_id,
    )
    can_choose_volunteer = fields.Boolean(compute="_compute_can_choose_volunteer")
    line_ids = fields.One2many(
        "le97.volunteer.week.wizard.line", "wizard_id", string="Lines"
    )
    total_hours = fields.Float(compute="_compute_total_hours")

    @api.depends("company_id")
    @api.depends_context("uid")
    def _compute_can_choose_volunteer(self):
        allowed = self.env.user.has_group("le97_base.group_treasurer")
        for wizard in self:
            wizard.can_choose_volunteer = allowed

    @api.depends("line_ids.total_hours")
    def _compute_total_hours(self):
        for wizard in self:
            wizard.total_hours = sum(wizard.line_ids.mapped("total_hours"))

    @api.onchange("week_start")
    def _onchange_week_start(self):
        if self.week_start and self.week_start.weekday():
            self.week_start = self._get_monday()

    def _get_monday(self):
        self.ensure_one()
        return self.week_start - timedelta(days=self.week_start.weekday())

    def _get_days(self):
        """The seven dates of the week, Monday first."""
        monday = self._get_monday()
        return [monday + timedelta(days=offset) for offset in range(7)]

    def _get_existing_hours_domain(self):
        days = self._get_days()
        return [
            ("partner_id", "=", self.partner_id.id),
            ("date", ">=", days[0]),
            ("date", "<=", days[-1]),
        ]

    def _check_volunteer(self):
        self.ensure_one()
        if self.can_choose_volunteer:
            return
        if self.partner_id != self.env.user.partner_id:
            raise UserError(
                self.env._(
                    "You can only enter your own volunteer time, not the time of "
                    "%(volunteer)s.",
                    volunteer=self.partner_id.display_name,
                )
            )

    def _prepare_hour_vals_list(self):
        """One ``le97.volunteer.hour`` per non-zero cell; check the cells."""
        self.ensure_one()
        days = self._get_days()
        vals_list = []
        day_totals = dict.fromkeys(days, 0.0)
        for line in self.line_ids:
            for day, fname in zip(days, DAY_FIELDS, strict=True):
                hours = line[fname]
                if hours < 0:
                    raise UserError(
                        self.env._(
                            "Negative time (%(hours)s h) on %(date)s for "
                            "%(activity)s: enter the hours given, or leave the "
                            "cell empty.",
                            hours=hours,
                            date=fields.Date.to_string(day),
                            activity=line.activity_id.display_name,
                        )
                    )
                if not hours:
                    continue
                day_totals[day] += hours
                vals_list.append(line._prepare_hour_vals(day, hours))
        if not vals_list:
            raise UserError(self.env._("Enter at least one hour in the week."))
        existing = self.env["le97.volunteer.hour"].search(
            self._get_existing_hours_domain()
        )
        for hour in existing:
            if hour.date in day_totals:
                day_totals[hour.date] += hour.hours
        for day, total in day_totals.items():
            if total > 24:
                raise UserError(
                    self.env._(
                        "%(volunteer)s would have %(hours)s h on %(date)s "
                        "(time already recorded included): no more than 24 hours "
                        "a day.",
                        volunteer=self.partner_id.display_name,
                        hours=round(total, 2),
                        date=fields.Date.to_string(day),
                    )
                )
        return vals_list

    def action_confirm(self):
        self.ensure_one()
        self._check_volunteer()
        hours = self.env["le97.volunteer.hour"].create(self._prepare_hour_vals_list())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Volunteer Time"),
            "res_model": "le97.volunteer.hour",
            "view_mode": "list,pivot",
            "views": [(False, "list"), (False, "pivot")],
            "domain": [("id", "in", hours.ids)],
            "target": "current",
        }
