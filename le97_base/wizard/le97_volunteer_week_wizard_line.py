# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

DAY_FIELDS = (
    "hours_mon",
    "hours_tue",
    "hours_wed",
    "hours_thu",
    "hours_fri",
    "hours_sat",
    "hours_sun",
)


class Le97VolunteerWeekWizardLine(models.TransientModel):
    _name = "le97.volunteer.week.wizard.line"
    _description = "Activity Line of a Volunteer Week"
    _check_company_auto = True

    wizard_id = fields.Many2one(
        "le97.volunteer.week.wizard", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="wizard_id.company_id")
    activity_id = fields.Many2one(
        "le97.volunteer.activity",
        string="Activity",
        required=True,
        check_company=True,
    )
    hours_mon = fields.Float(string="Mon", digits=(16, 2))
    hours_tue = fields.Float(string="Tue", digits=(16, 2))
    hours_wed = fields.Float(string="Wed", digits=(16, 2))
    hours_thu = fields.Float(string="Thu", digits=(16, 2))
    hours_fri = fields.Float(string="Fri", digits=(16, 2))
    hours_sat = fields.Float(string="Sat", digits=(16, 2))
    hours_sun = fields.Float(string="Sun", digits=(16, 2))
    note = fields.Char()
    total_hours = fields.Float(string="Total", compute="_compute_total_hours")

    @api.depends(*DAY_FIELDS)
    def _compute_total_hours(self):
        for line in self:
            line.total_hours = sum(line[fname] for fname in DAY_FIELDS)

    def _prepare_hour_vals(self, day, hours):
        self.ensure_one()
        return {
            "partner_id": self.wizard_id.partner_id.id,
            "date": day,
            "hours": hours,
            "activity_id": self.activity_id.id,
            "note": self.note,
            "company_id": self.wizard_id.company_id.id,
        }
