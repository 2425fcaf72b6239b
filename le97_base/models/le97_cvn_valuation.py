# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# kind -> (xml id of the use account (86), xml id of the resource account (87));
# volunteer time is booked on the accounts set on the company.
CVN_KINDS = {
    "goods": ("le97_pca_860", "le97_pca_870"),
    "premises": ("le97_pca_861", "le97_pca_871"),
    "services": ("le97_pca_862", "le97_pca_871"),
}


class Le97CvnValuation(models.Model):
    _name = "le97.cvn.valuation"
    _description = "Yearly Valuation of Contributions in Kind"
    _inherit = ["le97.posted.document.mixin", "mail.thread"]
    _order = "year desc"
    _check_company_auto = True
    _le97_locked_states = ("done",)

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True,
        tracking=True,
        default=lambda self: self.env.company._le97_last_closed_year(
            fields.Date.context_today(self)
        ),
        help="Year of the closing date of the financial year valued: the time "
        "given from its first to its last day (the calendar year when the fund "
        "closes on 31 December), booked on its last day.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    mode = fields.Selection(
        related="company_id.le97_cvn_mode", string="Booking", readonly=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        "le97.cvn.valuation.line", "valuation_id", string="Lines", copy=True
    )
    total_hours = fields.Float(compute="_compute_totals", store=True)
    amount_total = fields.Monetary(
        string="Total Value", compute="_compute_totals", store=True
    )
    move_id = fields.Many2one(check_company=True)

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "There is one valuation of contributions in kind per year.",
        )
    ]

    @api.depends("year")
    def _compute_name(self):
        for valuation in self:
            valuation.name = self.env._(
                "Contributions in kind %(year)s", year=valuation.year
            )

    @api.depends("line_ids.amount", "line_ids.hours")
    def _compute_totals(self):
        for valuation in self:
            valuation.total_hours = sum(valuation.line_ids.mapped("hours"))
            valuation.amount_total = sum(valuation.line_ids.mapped("amount"))

    def _le97_period(self):
        """(first day, last day) of the financial year valued: the one of the
        company closing in ``year``."""
        self.ensure_one()
        return self.company_id._le97_fiscal_year_period(self.year)

    def _get_hour_domain(self):
        self.ensure_one()
        date_from, date_to = self._le97_period()
        return [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]

    def action_compute_hours(self):
        """Replace the volunteer lines by the hours of the year at the year's rates."""
        self._le97_check_state(("draft",), self.env._("Computing the hours"))
        for valuation in self:
            groups = (
                self.env["le97.volunteer.hour"]
                .sudo()
                ._read_group(
                    valuation._get_hour_domain(),
                    groupby=["activity_id", "le97_project_id"],
                    aggregates=["hours:sum"],
                )
            )
            missing = [
                activity.name
                for activity in dict.fromkeys(
                    activity for activity, _project, _hours in groups
                )
                if not activity.rate_ids.filtered(
                    lambda r, v=valuation: r.year == v.year
                )
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Set the %(year)s hourly rate of: %(activities)s.",
                        year=valuation.year,
                        activities=", ".join(missing),
                    )
                )
            commands = [
                Command.unlink(line.id)
                for line in valuation.line_ids.filtered(
                    lambda ln: ln.kind == "volunteer"
                )
            ]
            commands += [
                Command.create(
                    valuation._prepare_volunteer_line_vals(activity, hours, project)
                )
                for activity, project, hours in groups
            ]
            valuation.line_ids = commands
        return True

    def _prepare_volunteer_line_vals(self, activity, hours, project=None):
        """One line per activity and project of the valued hours."""
        self.ensure_one()
        return {
            "kind": "volunteer",
            "activity_id": activity.id,
            "le97_project_id": project.id if project else False,
            "name": activity.name,
            "hours": hours,
            "rate": activity._get_rate(self.year),
        }

    def _prepare_move_vals(self):
        self.ensure_one()
        company = self.company_id
        journal = company.le97_cvn_journal_id
        if not journal:
            raise UserError(
                self.env._(
                    "Set the journal of contributions in kind of %(company)s "
                    "(install the non-profit chart of accounts).",
                    company=company.name,
                )
            )
        chart = self.env["account.chart.template"].with_company(company)
        line_vals = []
        for line in self.line_ids.filtered("amount"):
            if line.kind == "volunteer":
                use = company.le97_account_cvn_volunteer_expense_id
                resource = company.le97_account_cvn_volunteer_income_id
            else:
                use_xmlid, resource_xmlid = CVN_KINDS[line.kind]
                use = chart.ref(use_xmlid, raise_if_not_found=False)
                resource = chart.ref(resource_xmlid, raise_if_not_found=False)
            if not use or not resource:
                raise UserError(
                    self.env._(
                        "Accounts 86/87 are missing in %(company)s: install the "
                        "non-profit chart of accounts.",
                        company=company.name,
                    )
                )
            # the project on both sides, so that its analytic lines show the
            # contribution in the income statement by project
            extra = {}
            if line.le97_project_id:
                extra["analytic_distribution"] = {str(line.le97_project_id.id): 100.0}
            line_vals += [
                Command.create(
                    {
                        "name": line.name,
                        "account_id": use.id,
                        "debit": line.amount,
                        **extra,
                    }
                ),
                Command.create(
                    {
                        "name": line.name,
                        "account_id": resource.id,
                        "credit": line.amount,
                        **extra,
                    }
                ),
            ]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self._le97_period()[1],
            "ref": self.name,
            "line_ids": line_vals,
        }

    def action_validate(self):
        self._le97_check_group("le97_base.group_treasurer", self.env._("Validating"))
        self._le97_check_state(("draft",), self.env._("Validating"))
        for valuation in self:
            if not valuation.line_ids:
                raise UserError(
                    self.env._("%(name)s has no line to value.", name=valuation.name)
                )
            vals = {"state": "done"}
            if valuation.company_id.le97_cvn_mode == "entries":
                move = self.env["account.move"].create(valuation._prepare_move_vals())
                move.action_post()
                vals["move_id"] = move.id
            valuation._le97_write_workflow(vals)
        return True

    def action_reset_to_draft(self):
        """Back to draft; a posted entry is reversed, never deleted."""
        self._le97_check_group(
            "le97_base.group_treasurer", self.env._("Resetting to draft")
        )
        self._le97_check_state(("done",), self.env._("Resetting to draft"))
        for valuation in self:
            if valuation.move_id:
                valuation.move_id._reverse_moves(
                    [
                        {
                            "date": valuation._le97_period()[1],
                            "ref": self.env._(
                                "Reversal of %(name)s", name=valuation.name
                            ),
                        }
                    ],
                    cancel=True,
                )
                valuation.message_post(
                    body=self.env._(
                        "Reset to draft: the entry %(move)s was reversed.",
                        move=valuation.move_id.display_name,
                    )
                )
            valuation._le97_write_workflow({"state": "draft", "move_id": False})
        return True
