# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fund's calendar: what it owes the State after each financial year."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

ACTIVITY_TYPE_XMLID = "le97_base.mail_activity_type_fund_deadline"


class Le97FundDeadline(models.Model):
    """One legal deadline of a company for the financial year closing in
    ``fiscal_year``. Created by the daily cron from the company's closing date
    (:meth:`res.company._le97_fund_deadline_vals`), done through
    :meth:`action_done` by the responsible group, with the documents filed."""

    _name = "le97.fund.deadline"
    _inherit = ["mail.thread", "mail.activity.mixin", "le97.workflow.mixin"]
    _description = "Legal Deadline of the Fund"
    _order = "date_due, id"
    _check_company_auto = True

    _le97_workflow_fields = (
        "state",
        "company_id",
        "fiscal_year",
        "date_closing",
        "kind",
        "date_due",
        "group_id",
        "note",
        "done_date",
        "done_uid",
    )
    _le97_locked_states = ("done",)
    _le97_deletable_states = ()

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    fiscal_year = fields.Integer(
        string="Financial Year",
        required=True,
        readonly=True,
        help="Year of the closing date of the financial year.",
    )
    date_closing = fields.Date(string="Closing Date", required=True, readonly=True)
    kind = fields.Selection(
        [
            (
                "prefect_file",
                "Prefect's File (activity report, accounts, auditor's report)",
            ),
            ("joafe", "Publication of the Accounts (JOAFE)"),
            ("auditor", "Appointment of a Statutory Auditor"),
            ("foreign_resources", "Declaration of Resources from Abroad"),
        ],
        required=True,
        readonly=True,
    )
    date_due = fields.Date(string="Due Date", required=True, readonly=True, index=True)
    group_id = fields.Many2one(
        "res.groups",
        string="Responsible Group",
        required=True,
        readonly=True,
        ondelete="restrict",
    )
    note = fields.Text(readonly=True, help="Why this deadline applies.")
    state = fields.Selection(
        [("due", "Due"), ("late", "Late"), ("done", "Done")],
        default="due",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "le97_fund_deadline_attachment_rel",
        "deadline_id",
        "attachment_id",
        string="Documents Filed",
    )
    done_date = fields.Date(string="Done on", readonly=True, copy=False)
    done_uid = fields.Many2one(
        "res.users", string="Done by", readonly=True, copy=False, ondelete="restrict"
    )

    _sql_constraints = [
        (
            "le97_fund_deadline_unique",
            "unique(company_id, fiscal_year, kind)",
            "A deadline of this kind already exists for this financial year.",
        )
    ]

    @api.depends("kind", "fiscal_year")
    @api.depends_context("lang")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for deadline in self:
            deadline.name = f"{labels.get(deadline.kind, '')} {deadline.fiscal_year}"

    # -- state -----------------------------------------------------------------
    @api.model
    def _le97_state_for(self, date_due, today=None):
        today = today or fields.Date.context_today(self)
        return "late" if date_due < today else "due"

    def _le97_refresh_late(self):
        """Deadlines past their due date and not done become late."""
        today = fields.Date.context_today(self)
        self.filtered(
            lambda d: d.state == "due" and d.date_due < today
        )._le97_write_workflow({"state": "late"})

    def action_done(self):
        """Record that the deadline was met (with its documents, if any): only
        the responsible group may do it; its reminders are done."""
        action = self.env._("Marking a deadline done")
        for deadline in self:
            xmlid = deadline.sudo().group_id.get_external_id().get(deadline.group_id.id)
            if xmlid:
                deadline._le97_check_group(xmlid, action)
            elif not (self.env.su or deadline.group_id in self.env.user.groups_id):
                raise AccessError(action)
        self._le97_check_state(("due", "late"), action)
        today = fields.Date.context_today(self)
        self._le97_write_workflow(
            {"state": "done", "done_date": today, "done_uid": self.env.uid}
        )
        activity_type = self.env.ref(ACTIVITY_TYPE_XMLID)
        feedback = self.env._("Done by %(user)s.", user=self.env.user.display_name)
        for deadline in self:
            deadline.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).action_feedback(feedback=feedback)
        return True

    # -- cron ------------------------------------------------------------------
    def _le97_schedule_activities(self):
        """One reminder per user of the responsible group working in the
        deadline's company."""
        activity_type = self.env.ref(ACTIVITY_TYPE_XMLID)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for deadline in self:
            users = deadline.group_id.users.filtered(
                lambda u, c=deadline.company_id: not u.share
                and u.active
                and c in u.company_ids
                and u.id != self.env.ref("base.user_root").id
            )
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": deadline.id,
                    "activity_type_id": activity_type.id,
                    # each reminder in its user's language
                    "summary": deadline.with_context(lang=user.lang).name,
                    "date_deadline": deadline.date_due,
                    "user_id": user.id,
                }
                for user in users
            ]
        return self.env["mail.activity"].sudo().create(vals_list)

    @api.model
    def _cron_le97_create_deadlines(self):
        """Every day: the missing deadlines of the last closed financial year of
        each company, with their reminders, and the late ones marked late."""
        today = fields.Date.context_today(self)
        existing = {
            (d.company_id.id, d.fiscal_year, d.kind) for d in self.sudo().search([])
        }
        vals_list = []
        for company in self.env["res.company"].sudo().search([]):
            year = company._le97_last_closed_year(today)
            # the notes are stored text: in the fund's language, not in the
            # language of the user the scheduled action runs as
            lang = company.partner_id.lang or self.env.lang
            vals_list += [
                vals
                for vals in company.with_context(lang=lang)._le97_fund_deadline_vals(
                    year
                )
                if (company.id, year, vals["kind"]) not in existing
            ]
        for vals in vals_list:
            vals["state"] = self._le97_state_for(vals["date_due"], today)
        deadlines = self.sudo().create(vals_list)
        deadlines._le97_schedule_activities()
        self.sudo().search([("state", "=", "due")])._le97_refresh_late()
        return deadlines
