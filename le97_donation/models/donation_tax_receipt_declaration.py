# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import datetime
import io

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

ARTICLES = [
    ("200", "Article 200 (individuals, income tax)"),
    ("238bis", "Article 238 bis (companies)"),
    ("978", "Article 978 (individuals, IFI)"),
]
RECEIPT_ADMIN = "le97_base.group_receipt_admin"
TREASURER = "le97_base.group_treasurer"
ACTIVITY_TYPE_XMLID = "le97_donation.mail_activity_type_declaration"


class DonationTaxReceiptDeclaration(models.Model):
    """Declaration of the gifts receipted in a financial year (CGI art. 222
    bis): total amount and number of receipts per article, cancelled receipts
    excluded. One per company and financial year; once filed, its figures and
    the receipts of its period are frozen."""

    _name = "donation.tax.receipt.declaration"
    _inherit = ["mail.thread", "mail.activity.mixin", "le97.workflow.mixin"]
    _description = "Declaration of Gifts (CGI 222 bis)"
    _order = "date_end desc, id desc"
    _check_company_auto = True

    # Only the action methods write these (the computed ones are guarded too).
    _le97_workflow_fields = (
        "state",
        "line_ids",
        "computed_date",
        "filed_date",
        "filed_uid",
        "le97_reminder_scheduled",
    )
    _le97_draft_fields = ("company_id", "year")
    _le97_locked_states = ("filed",)
    _le97_deletable_states = ("draft",)

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        string="Financial Year",
        required=True,
        default=lambda self: self._default_year(),
        help="Year of the closing date of the financial year (for a fund closing "
        "on 30 June, 2025 is 1 July 2024 to 30 June 2025).",
    )
    date_start = fields.Date(
        string="Start of the Financial Year",
        compute="_compute_period",
        store=True,
        readonly=True,
    )
    date_end = fields.Date(
        string="Closing Date",
        compute="_compute_period",
        store=True,
        readonly=True,
        help="Last day of the financial year, from the company's fiscal year end.",
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        readonly=True,
        help="3 months after the closing date, or the 2nd working day after 1 May "
        "for a 31 December closing. Working days: Monday to Friday except the "
        "French public holidays that can fall in early May (1 May, 8 May and "
        "Ascension Thursday).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("computed", "Computed"), ("filed", "Filed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "donation.tax.receipt.declaration.line",
        "declaration_id",
        string="Lines",
        readonly=True,
        copy=False,
    )
    receipt_count = fields.Integer(
        string="Number of Receipts", compute="_compute_totals", store=True
    )
    amount_total = fields.Monetary(
        string="Total Amount", compute="_compute_totals", store=True
    )
    computed_date = fields.Datetime(string="Computed on", readonly=True, copy=False)
    filed_date = fields.Date(
        string="Filed on", readonly=True, copy=False, tracking=True
    )
    filed_uid = fields.Many2one(
        "res.users", string="Filed by", readonly=True, copy=False, ondelete="restrict"
    )
    filing_reference = fields.Char(
        copy=False,
        tracking=True,
        help="Number of the filing given by demarches-simplifiees.fr, or the box "
        "of the 2070 or 2065 return.",
    )
    # in the table (not an ir.attachment): the guard of the document protects it
    filing_proof = fields.Binary(
        string="Filing Receipt",
        attachment=False,
        copy=False,
        help="The acknowledgement of demarches-simplifiees.fr (PDF).",
    )
    filing_proof_name = fields.Char(string="Filing Receipt Name", copy=False)
    le97_reminder_scheduled = fields.Boolean(
        string="Reminder Scheduled", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "A company has one declaration of gifts per financial year.",
        )
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    @api.model
    def _default_year(self):
        """The year of the last closed financial year of the current company."""
        return self._get_last_closed_year(
            self.env.company, fields.Date.context_today(self)
        )

    @api.model
    def _get_last_closed_year(self, company, today):
        start = company.compute_fiscalyear_dates(today)["date_from"]
        return (start - relativedelta(days=1)).year

    @api.model
    def _get_period(self, company, year):
        """(start, end) of the financial year of ``company`` closing in ``year``,
        from its fiscal year end (``fiscalyear_last_month``/``_day``)."""
        month = int(company.fiscalyear_last_month or 12)
        dates = company.compute_fiscalyear_dates(datetime.date(year, month, 1))
        return dates["date_from"], dates["date_to"]

    @api.model
    def _get_closing_date(self, company, year):
        return self._get_period(company, year)[1]

    @api.depends("company_id", "year")
    def _compute_period(self):
        for declaration in self:
            if declaration.company_id and 1900 < declaration.year < 3000:
                declaration.date_start, declaration.date_end = self._get_period(
                    declaration.company_id, declaration.year
                )
            else:
                declaration.date_start = declaration.date_end = False

    @api.depends("date_end")
    def _compute_deadline(self):
        for declaration in self:
            declaration.deadline = (
                self._get_deadline(declaration.date_end)
                if declaration.date_end
                else False
            )

    @api.depends("line_ids.receipt_count", "line_ids.amount")
    def _compute_totals(self):
        for declaration in self:
            lines = declaration.line_ids
            # A form may hold no company yet (a user of one company of a
            # multi-company database does not see the field): the current one.
            currency = declaration.currency_id or self.env.company.currency_id
            declaration.receipt_count = sum(lines.mapped("receipt_count"))
            declaration.amount_total = currency.round(sum(lines.mapped("amount")))

    @api.depends("year", "date_start", "date_end")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for declaration in self:
            start, end = declaration.date_start, declaration.date_end
            period = (
                f"{start.year}-{end.year}"
                if start and end and start.year != end.year
                else str(declaration.year or "")
            )
            declaration.display_name = self.env._(
                "Declaration of Gifts %(period)s", period=period
            )

    @api.constrains("company_id", "date_start", "date_end")
    def _check_period(self):
        for declaration in self:
            if not declaration.date_end:
                raise ValidationError(
                    self.env._("The year %(year)s is not valid.", year=declaration.year)
                )
            self._le97_check_no_overlap(
                declaration.company_id,
                declaration.date_start,
                declaration.date_end,
                declaration.id,
            )

    @api.model
    def _le97_check_no_overlap(self, company, start, end, exclude_id=False):
        """One declaration per company and financial year: refuse a period
        that overlaps the period of another declaration of ``company``."""
        overlapping = self.sudo().search(
            [
                ("id", "!=", exclude_id),
                ("company_id", "=", company.id),
                ("date_start", "<=", end),
                ("date_end", ">=", start),
            ],
            limit=1,
        )
        if overlapping:
            raise ValidationError(
                self.env._(
                    "%(company)s already has %(other)s for the period from "
                    "%(start)s to %(end)s: one declaration per financial year.",
                    company=company.name,
                    other=overlapping.display_name,
                    start=overlapping.date_start,
                    end=overlapping.date_end,
                )
            )

    @api.model
    def _le97_check_new_period(self, company_id, year, exclude_id=False):
        """Before the insert or update: a clear message rather than the unique
        index's error."""
        company = self.env["res.company"].browse(company_id)
        if company and isinstance(year, int) and 1900 < year < 3000:
            self._le97_check_no_overlap(
                company, *self._get_period(company, year), exclude_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals = self._add_missing_default_values(vals)
            self._le97_check_new_period(vals.get("company_id"), vals.get("year"))
        return super().create(vals_list)

    def write(self, vals):
        if {"company_id", "year"} & set(vals):
            for declaration in self:
                self._le97_check_new_period(
                    vals.get("company_id", declaration.company_id.id),
                    vals.get("year", declaration.year),
                    declaration.id,
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    @api.model
    def _get_deadline(self, closing_date):
        """2nd working day after 1 May following a 31 December closing, else 3
        months after the closing date. Working days: Monday to Friday except the
        French public holidays that can fall in early May: 1 May, 8 May and
        Ascension Thursday (Easter + 39 days)."""
        if (closing_date.month, closing_date.day) != (12, 31):
            return closing_date + relativedelta(months=3)
        year = closing_date.year + 1
        holidays = {
            datetime.date(year, 5, 1),
            datetime.date(year, 5, 8),
            easter(year) + datetime.timedelta(days=39),
        }
        day = datetime.date(year, 5, 1)
        found = 0
        while found < 2:
            day += datetime.timedelta(days=1)
            if day.weekday() < 5 and day not in holidays:
                found += 1
        return day

    @api.model
    def _get_article(self, receipt_donor_type, company):
        if receipt_donor_type == "company":
            return "238bis"
        return "200" if company.fund_receipt_art_200 else "978"

    def _get_receipt_domain(self):
        """The receipts counted: issued, for gifts of the financial year."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "issued"),
            ("donation_date", ">=", self.date_start),
            ("donation_date", "<=", self.date_end),
        ]

    def _compute_figures(self):
        """{article: [count, amount]} in one grouped query."""
        self.ensure_one()
        figures = {code: [0, 0.0] for code, _label in ARTICLES}
        groups = (
            self.env["donation.tax.receipt"]
            .sudo()
            ._read_group(
                self._get_receipt_domain(),
                groupby=["le97_donor_type"],
                aggregates=["__count", "amount:sum"],
            )
        )
        currency = self.company_id.currency_id
        for donor_type, count, amount in groups:
            code = self._get_article(donor_type, self.company_id)
            figures[code][0] += count
            figures[code][1] = currency.round(figures[code][1] + amount)
        return figures

    def _prepare_line_vals(self, figures):
        return [
            {
                "article": code,
                "receipt_count": figures[code][0],
                "amount": figures[code][1],
            }
            for code, _label in ARTICLES
        ]

    def _get_stored_figures(self):
        self.ensure_one()
        figures = {code: [0, 0.0] for code, _label in ARTICLES}
        for line in self.line_ids:
            figures[line.article] = [line.receipt_count, line.amount]
        return figures

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Count the receipts of the financial year (again, until filed)."""
        self._le97_check_group(RECEIPT_ADMIN, self.env._("Computing the declaration"))
        self._le97_check_state(
            ("draft", "computed"), self.env._("Computing the declaration")
        )
        for declaration in self:
            start, end = self._get_period(declaration.company_id, declaration.year)
            declaration._le97_write_workflow(
                {
                    # the company's fiscal year end may have changed since
                    "date_start": start,
                    "date_end": end,
                }
            )
            figures = declaration._compute_figures()
            declaration._le97_write_workflow(
                {
                    "state": "computed",
                    "computed_date": fields.Datetime.now(),
                    "line_ids": [Command.clear()]
                    + [
                        Command.create(vals)
                        for vals in declaration._prepare_line_vals(figures)
                    ],
                }
            )
        return True

    def action_file(self):
        """Record that the declaration was filed: its figures and the receipts
        of its financial year are frozen, the reminders are done."""
        action = self.env._("Filing the declaration")
        self._le97_check_group(RECEIPT_ADMIN, action)
        self._le97_check_state(("computed",), action)
        today = fields.Date.context_today(self)
        for declaration in self:
            if declaration.date_end >= today:
                raise UserError(
                    self.env._(
                        "%(declaration)s cannot be filed before its financial year "
                        "closes (%(date)s).",
                        declaration=declaration.display_name,
                        date=declaration.date_end,
                    )
                )
            if declaration._compute_figures() != declaration._get_stored_figures():
                raise UserError(
                    self.env._(
                        "The receipts of %(declaration)s changed since it was "
                        "computed: compute it again and check the figures before "
                        "filing them.",
                        declaration=declaration.display_name,
                    )
                )
        self._le97_write_workflow(
            {"state": "filed", "filed_date": today, "filed_uid": self.env.uid}
        )
        activity_type = self.env.ref(ACTIVITY_TYPE_XMLID)
        for declaration in self:
            declaration.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).action_feedback(
                feedback=self.env._(
                    "Filed by %(user)s.", user=self.env.user.display_name
                )
            )
            declaration.message_post(
                body=self.env._(
                    "Declaration filed: %(count)s receipts, %(amount)s %(currency)s. "
                    "The receipts of the financial year are frozen.",
                    count=declaration.receipt_count,
                    amount=declaration.amount_total,
                    currency=declaration.currency_id.name,
                )
            )
        self._le97_fund_deadlines().action_done()
        return True

    def _le97_fund_deadlines(self):
        """The deadlines of the fund's calendar these declarations meet, not
        done yet."""
        domain = [("kind", "=", "declaration_222bis"), ("state", "!=", "done")]
        pairs = [
            [
                ("company_id", "=", declaration.company_id.id),
                ("fiscal_year", "=", declaration.year),
            ]
            for declaration in self
        ]
        return self.env["le97.fund.deadline"].search(
            domain
            + ["|"] * (len(pairs) - 1)
            + [t for pair in pairs for t in ["&", *pair]]
        )

    def _get_csv_content(self):
        self.ensure_one()
        labels = dict(
            self.env["donation.tax.receipt.declaration.line"]
            ._fields["article"]
            ._description_selection(self.env)
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(
            [
                self.env._("Year"),
                self.env._("Article"),
                self.env._("Label"),
                self.env._("Number of Receipts"),
                self.env._("Total Amount"),
                self.env._("Deadline"),
                self.env._("Start"),
                self.env._("End"),
            ]
        )
        period = [
            self.deadline.isoformat(),
            self.date_start.isoformat(),
            self.date_end.isoformat(),
        ]
        for line in self.line_ids:
            writer.writerow(
                [
                    self.year,
                    line.article,
                    labels[line.article],
                    line.receipt_count,
                    f"{line.amount:.2f}",
                    *period,
                ]
            )
        writer.writerow(
            [
                self.year,
                self.env._("Total"),
                "",
                self.receipt_count,
                f"{self.amount_total:.2f}",
                *period,
            ]
        )
        return buffer.getvalue().encode("utf-8")

    def action_export_csv(self):
        """The stored figures as CSV (computed or filed declarations)."""
        self.ensure_one()
        self._le97_check_group(TREASURER, self.env._("Exporting the declaration"))
        self._le97_check_state(
            ("computed", "filed"), self.env._("Exporting the declaration")
        )
        # in sudo: a treasurer reads the declaration but does not write it
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("declaration-dons-%(year)s.csv", year=self.year),
                    "raw": self._get_csv_content(),
                    "mimetype": "text/csv",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Reminder
    # ------------------------------------------------------------------
    @api.model
    def _cron_le97_create_declarations(self):
        """Daily: for each company that issues receipts and whose financial
        year has closed, create that year's declaration (draft) if missing, and
        remind its receipts administrators of the deadline, once."""
        declarations = self.sudo()
        today = fields.Date.context_today(self)
        # the funds: a company issues receipts under its SIREN or RNA number
        companies = (
            self.env["res.company"]
            .sudo()
            .search(["|", ("fund_siren", "!=", False), ("fund_rna", "!=", False)])
        )
        existing = {
            (company.id, year)
            for company, year in declarations._read_group(
                [("company_id", "in", companies.ids)], groupby=["company_id", "year"]
            )
        }
        vals_list = []
        for company in companies:
            year = self._get_last_closed_year(company, today)
            if (company.id, year) not in existing:
                vals_list.append(self._prepare_declaration_vals(company, year))
        if vals_list:
            declarations.create(vals_list)
        declarations.search(
            [
                ("company_id", "in", companies.ids),
                ("state", "!=", "filed"),
                ("le97_reminder_scheduled", "=", False),
                ("date_end", "<", today),
            ]
        )._le97_schedule_reminder()

    @api.model
    def _prepare_declaration_vals(self, company, year):
        return {"company_id": company.id, "year": year}

    def _le97_reminder_users(self):
        """The receipts administrators of the declaration's company."""
        self.ensure_one()
        return (
            self.env.ref(RECEIPT_ADMIN)
            .sudo()
            .users.filtered(
                lambda user: not user.share and self.company_id in user.company_ids
            )
        )

    def _le97_schedule_reminder(self):
        """One activity per receipts administrator of the company, due on the
        deadline; scheduled once per declaration."""
        for declaration in self.sudo().with_context(
            mail_activity_automation_skip=False
        ):
            users = declaration._le97_reminder_users()
            if not users:
                continue
            for user in users:
                lang = declaration.with_context(lang=user.lang)
                declaration.activity_schedule(
                    ACTIVITY_TYPE_XMLID,
                    date_deadline=declaration.deadline,
                    summary=lang.env._(
                        "File %(declaration)s by %(deadline)s",
                        declaration=lang.display_name,
                        deadline=declaration.deadline,
                    ),
                    user_id=user.id,
                )
            declaration._le97_write_workflow({"le97_reminder_scheduled": True})
