# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Account of the use of the resources collected from the public (CER).

A fund that appeals to public generosity files with its yearly accounts the
"compte d'emploi annuel des ressources collectées auprès du public" (ANC
2018-06, its layout by origin and destination). Figures come from the posted
books, by one rule (``readme/USAGE.md``):

- resources: the journal items on the 754 accounts of the entries of the gifts
  flagged public generosity (and of their reversals), by account: 7541 manual
  gifts, 7542 corporate sponsorship, 7543 bequests, the rest of 754;
- everything else from the analytic items of the projects of the public-appeal
  campaigns (the one chosen, or all those of the company), from the day the
  project's first appeal was authorised: class 6 expenses are uses, by
  destination from their account (the fund-raising and running costs accounts
  chosen, the others social missions), 68 (but 689) provisions, 6896
  transfers to the dedicated funds of public generosity, 78 (but 789)
  reversals of provisions, 7896 use of earlier dedicated funds of public
  generosity (the other 689 / 789, grants and other bodies, are not), 194 /
  195 / 196 the dedicated funds of the projects (an
  item of these without a project takes the project of its entry's 689 / 789
  items);
- the surplus (or deficit) is the difference; the resources carried forward
  at the start are the surpluses of every earlier period by the same rule.
"""

import base64
import io
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date
from odoo.tools.misc import xlsxwriter

TREASURER_GROUP = "le97_base.group_treasurer"
REPORT_XMLID = "le97_donation.le97_cer_wizard_report"
# Default destination of the expenses by account (a choice of the wizard):
# 623 advertising and publications are the costs of the appeal; 626 postage
# and telecoms and 627 bank charges the running costs; the other expenses of
# the project are its social mission.
FUNDRAISING_PREFIXES = ("623",)
RUNNING_PREFIXES = ("626", "627")
# The resources from public generosity by account, most specific first.
GIFT_PREFIXES = (
    ("7541", "gp_gifts"),
    ("7542", "gp_sponsorship"),
    ("7543", "gp_bequests"),
    ("754", "gp_other"),
)
# The dedicated funds of the balance sheet (ANC 2018-06).
FUND_PREFIXES = ("194", "195", "196")
# The transfers to and uses of the dedicated funds of public generosity.
DEDICATED_NEW_PREFIX = "6896"
DEDICATED_USED_PREFIX = "7896"


class Le97CerWizard(models.TransientModel):
    _name = "le97.cer.wizard"
    _description = "Account of the Resources Collected from the Public (CER)"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="Start Date",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="By default the last financial year closed.",
    )
    date_to = fields.Date(
        string="End Date",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    campaign_id = fields.Many2one(
        "donation.campaign",
        string="Campaign",
        check_company=True,
        domain=[("le97_public_appeal", "=", True)],
        # the account of an appeal closed (archived) since is still due
        context={"active_test": False},
        help="One public appeal only; empty: every public appeal of the company.",
    )
    fundraising_account_ids = fields.Many2many(
        "account.account",
        relation="le97_cer_wizard_fundraising_account_rel",
        column1="wizard_id",
        column2="account_id",
        string="Fund-raising Costs Accounts",
        compute="_compute_destination_accounts",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Expenses of the projects on these accounts are the costs of the "
        "appeal to public generosity (by default 623, advertising and "
        "publications).",
    )
    running_account_ids = fields.Many2many(
        "account.account",
        relation="le97_cer_wizard_running_account_rel",
        column1="wizard_id",
        column2="account_id",
        string="Running Costs Accounts",
        compute="_compute_destination_accounts",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Expenses of the projects on these accounts are running costs (by "
        "default 626 postage and telecoms, 627 bank charges); the other "
        "expenses of the projects are their social missions.",
    )

    @api.depends("company_id")
    def _compute_period(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            company = wizard.company_id or self.env.company
            current = company.compute_fiscalyear_dates(today)
            last = company.compute_fiscalyear_dates(
                current["date_from"] - timedelta(days=1)
            )
            wizard.date_from = last["date_from"]
            wizard.date_to = last["date_to"]

    @api.depends("company_id")
    def _compute_destination_accounts(self):
        for wizard in self:
            company = wizard.company_id or self.env.company
            wizard.fundraising_account_ids = self._le97_accounts(
                company, FUNDRAISING_PREFIXES
            )
            wizard.running_account_ids = self._le97_accounts(company, RUNNING_PREFIXES)

    @api.model
    def _le97_accounts(self, company, prefixes):
        """Accounts of ``company`` whose code starts with one of ``prefixes``."""
        accounts = self.env["account.account"].with_company(company)
        return accounts.search(
            [
                *accounts._check_company_domain(company),
                *(["|"] * (len(prefixes) - 1)),
                *[("code", "=like", f"{prefix}%") for prefix in prefixes],
            ]
        )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_from > wizard.date_to
            ):
                raise ValidationError(
                    self.env._(
                        "The start of the period (%(start)s) must be before its "
                        "end (%(end)s).",
                        start=format_date(self.env, wizard.date_from),
                        end=format_date(self.env, wizard.date_to),
                    )
                )

    # -- scope -----------------------------------------------------------------
    def _le97_check_access(self):
        """A treasurer (or receipts administrator) of the company only."""
        user = self.env.user
        if not (self.env.su or user.has_group(TREASURER_GROUP)):
            raise AccessError(
                self.env._(
                    "Only a treasurer may print the account of the resources "
                    "collected from the public."
                )
            )
        for wizard in self:
            if not self.env.su and wizard.company_id not in user.company_ids:
                raise AccessError(
                    self.env._(
                        "You have no access to the company %(company)s.",
                        company=wizard.company_id.display_name,
                    )
                )

    def _le97_campaigns(self):
        """The public appeals the account covers: the one chosen, or every one
        of the company (archived ones too: their gifts are in the books)."""
        self.ensure_one()
        if self.campaign_id:
            if not self.campaign_id.sudo().le97_public_appeal:
                raise UserError(
                    self.env._(
                        "The campaign %(campaign)s is not a public appeal: its "
                        "gifts are not resources collected from the public.",
                        campaign=self.campaign_id.display_name,
                    )
                )
            return self.campaign_id.sudo()
        return (
            self.env["donation.campaign"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("le97_public_appeal", "=", True),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            )
        )

    def _le97_gift_moves(self, campaigns):
        """Entries of the validated gifts flagged public generosity (of the
        campaign chosen)."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("le97_public_generosity", "=", True),
            ("move_id", "!=", False),
        ]
        if self.campaign_id:
            domain.append(("campaign_id", "in", campaigns.ids))
        return self.env["donation.donation"].sudo().search(domain).move_id

    # -- reads -------------------------------------------------------------------
    def _le97_gift_balances(self, moves, date_from, date_to):
        """``{account: credit - debit}`` of the posted items of the gifts'
        entries ``moves`` and of their reversals, in the period."""
        self.ensure_one()
        if not moves:
            return {}
        domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", date_to),
            "|",
            ("move_id", "in", moves.ids),
            ("move_id.reversed_entry_id", "in", moves.ids),
        ]
        if date_from:
            domain.append(("date", ">=", date_from))
        groups = (
            self.env["account.move.line"]
            .sudo()
            .with_company(self.company_id)
            ._read_group(domain, groupby=["account_id"], aggregates=["balance:sum"])
        )
        return {account: -balance for account, balance in groups}

    def _le97_project_balances(self, projects, date_from, date_to, sign=0):
        """``{account: credit - debit}`` of the analytic items of ``projects``
        in the period (only the credits with ``sign`` 1, the debits with -1)."""
        self.ensure_one()
        if not projects:
            return {}
        domain = [
            ("company_id", "=", self.company_id.id),
            *self._le97_project_item_domain(projects),
            ("general_account_id", "!=", False),
            ("date", "<=", date_to),
        ]
        if date_from:
            domain.append(("date", ">=", date_from))
        if sign:
            domain.append(("amount", ">" if sign > 0 else "<", 0))
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            .with_company(self.company_id)
            ._read_group(
                domain, groupby=["general_account_id"], aggregates=["amount:sum"]
            )
        )
        return dict(groups)

    def _le97_appeal_starts(self, projects):
        """``{project: first authorisation date}`` of the public appeals of
        the company on ``projects``: a project's items count for the public
        generosity from the day its first appeal was authorised."""
        self.ensure_one()
        campaigns = (
            self.env["donation.campaign"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("le97_public_appeal", "=", True),
                    ("le97_project_id", "in", projects.ids),
                    ("company_id", "in", [self.company_id.id, False]),
                    ("le97_authorisation_date", "!=", False),
                ]
            )
        )
        starts = {}
        for campaign in campaigns:
            project = campaign.le97_project_id
            date = campaign.le97_authorisation_date
            starts[project] = min(starts.get(project, date), date)
        return starts

    def _le97_project_item_domain(self, projects):
        """Domain of the analytic items of ``projects`` counted in the
        account: each from its first appeal's authorisation (all of a
        project's items when none of its appeals has a date yet)."""
        self.ensure_one()
        column = self.env["account.analytic.account"]._le97_project_column()
        starts = self._le97_appeal_starts(projects)
        return expression.OR(
            [
                [(column, "=", project.id), ("date", ">=", starts[project])]
                if project in starts
                else [(column, "=", project.id)]
                for project in projects
            ]
        )

    def _le97_destination(self, account):
        """Key of the destination of an expense account."""
        if account in self.fundraising_account_ids:
            return "fundraising"
        if account in self.running_account_ids:
            return "running"
        return "social"

    def _le97_figures(self, campaigns, date_from, date_to):
        """Amounts of the account for a period (``date_from`` None: since the
        beginning of the books) and the uses by account."""
        self.ensure_one()
        amounts = defaultdict(float)
        details = []
        company = self.company_id
        gifts = self._le97_gift_balances(
            self._le97_gift_moves(campaigns), date_from, date_to
        )
        for account, amount in gifts.items():
            code = account.with_company(company).code or ""
            key = next(
                (k for prefix, k in GIFT_PREFIXES if code.startswith(prefix)), None
            )
            if key:
                amounts[key] += amount
        projects = campaigns.le97_project_id
        balances = self._le97_project_balances(projects, date_from, date_to)
        for account, amount in balances.items():
            code = account.with_company(company).code or ""
            # the dedicated funds of the public generosity (ANC 2018-06: 6896 /
            # 7896); the other transfers and uses (grants, other bodies) are
            # not resources collected from the public
            if code.startswith(DEDICATED_NEW_PREFIX):
                amounts["dedicated_new"] -= amount
            elif code.startswith("689"):
                continue
            elif code.startswith("68"):
                amounts["provisions"] -= amount
            elif code.startswith("6"):
                destination = self._le97_destination(account)
                amounts[destination] -= amount
                details.append((code, account, destination, -amount))
            elif code.startswith(DEDICATED_USED_PREFIX):
                amounts["dedicated_used"] += amount
            elif code.startswith("789"):
                continue
            elif code.startswith("78"):
                amounts["reversals"] += amount
        amounts["gp"] = sum(amounts[key] for _prefix, key in GIFT_PREFIXES)
        amounts["uses_subtotal"] = (
            amounts["social"] + amounts["fundraising"] + amounts["running"]
        )
        resources = amounts["gp"] + amounts["reversals"] + amounts["dedicated_used"]
        uses = (
            amounts["uses_subtotal"] + amounts["provisions"] + amounts["dedicated_new"]
        )
        amounts["result"] = resources - uses
        amounts["surplus"] = max(amounts["result"], 0.0)
        amounts["deficit"] = max(-amounts["result"], 0.0)
        amounts["resources_total"] = resources + amounts["deficit"]
        amounts["uses_total"] = uses + amounts["surplus"]
        details.sort(key=lambda detail: detail[0])
        return amounts, details

    def _le97_funds(self, projects):
        """Rows of the dedicated funds of ``projects``: balance at the start,
        transfers (credits) and uses (debits) of the period, balance at the
        end, per account prefix and in total."""
        self.ensure_one()
        company = self.company_id
        before = self.date_from - timedelta(days=1)
        reads = {
            "start": self._le97_project_balances(projects, None, before),
            "credit": self._le97_project_balances(
                projects, self.date_from, self.date_to, sign=1
            ),
            "debit": self._le97_project_balances(
                projects, self.date_from, self.date_to, sign=-1
            ),
        }
        # the funds' items of a carry-over entry that carry no project take
        # the project of the entry's 689 / 789 items
        for account, date, amount in self._le97_fund_items_by_entry(projects):
            if date < self.date_from:
                column = "start"
            else:
                column = "credit" if amount > 0 else "debit"
            reads[column][account] = reads[column].get(account, 0.0) + amount
        rows = []
        for prefix in FUND_PREFIXES:
            row = {"key": f"fund_{prefix}", "style": "line"}
            for column, balances in reads.items():
                row[column] = sum(
                    amount
                    for account, amount in balances.items()
                    if (account.with_company(company).code or "").startswith(prefix)
                )
            row["debit"] = -row["debit"]
            row["end"] = row["start"] + row["credit"] - row["debit"]
            rows.append(row)
        total = {"key": "fund_total", "style": "total"}
        for column in ("start", "credit", "debit", "end"):
            total[column] = sum(row[column] for row in rows)
        labels = self._le97_fund_labels()
        for row in [*rows, total]:
            row["label"] = labels[row["key"]]
        return [*rows, total]

    def _le97_fund_items_by_entry(self, projects):
        """The dedicated funds' journal items (194 / 195 / 196) up to the end
        of the period that carry no project, in the entries whose 689 or 789
        items carry ``projects``: ``[(account, date, credit - debit)]``, each
        for the share on ``projects`` of its entry's 689x / 789x amount of the
        same family of funds.

        A carry-over entry (689x / 19x, 19x / 789x) is often written with the
        analytic distribution on its expense or income line only, the 19x line
        being a balance-sheet account."""
        self.ensure_one()
        if not projects:
            return []
        company = self.company_id
        carry_accounts = self._le97_accounts(company, ("689", "789"))
        fund_accounts = self._le97_accounts(company, FUND_PREFIXES)
        if not carry_accounts or not fund_accounts:
            return []
        column = self.env["account.analytic.account"]._le97_project_column()
        items = (
            self.env["account.analytic.line"]
            .sudo()
            .with_company(company)
            .search(
                [
                    ("company_id", "=", company.id),
                    *self._le97_project_item_domain(projects),
                    ("general_account_id", "in", carry_accounts.ids),
                    ("move_line_id", "!=", False),
                    ("date", "<=", self.date_to),
                ]
            )
        )
        # by entry and family of funds (the 4th digit of 689x / 789x pairs
        # with the 3rd of 19x: 6894 / 7894 and 194 grants, 6895 / 7895 and
        # 195 other bodies, 6896 / 7896 and 196 public generosity)
        families = {prefix[2] for prefix in FUND_PREFIXES}

        def family(account, position):
            code = account.with_company(company).code or ""
            return code[position : position + 1]

        on_projects = defaultdict(float)
        for item in items:
            kind = family(item.general_account_id, 3)
            if kind in families:
                on_projects[item.move_line_id.move_id, kind] += abs(item.amount)
        result = []
        for (move, kind), amount in on_projects.items():
            carried = sum(
                abs(line.balance)
                for line in move.line_ids
                if line.account_id in carry_accounts
                and family(line.account_id, 3) == kind
            )
            share = amount / carried if carried else 0.0
            for line in move.line_ids:
                if (
                    line.account_id not in fund_accounts
                    or family(line.account_id, 2) != kind
                    or line.analytic_line_ids.filtered(column)
                ):
                    continue
                result.append(
                    (
                        line.account_id,
                        line.date,
                        company.currency_id.round(-line.balance * share),
                    )
                )
        return result

    # -- layout ------------------------------------------------------------------
    def _le97_resource_layout(self):
        """``[(key, label, style)]`` of the resources by origin."""
        return [
            ("gp", self.env._("1. Resources from public generosity"), "total"),
            ("gp_gifts", self.env._("1.1 Manual gifts"), "line"),
            ("gp_sponsorship", self.env._("1.2 Corporate sponsorship"), "line"),
            (
                "gp_bequests",
                self.env._("1.3 Bequests, donations and life insurance"),
                "line",
            ),
            (
                "gp_other",
                self.env._("1.4 Other resources from public generosity"),
                "line",
            ),
            (
                "reversals",
                self.env._("2. Reversals of provisions and impairments"),
                "total",
            ),
            (
                "dedicated_used",
                self.env._("3. Use of earlier dedicated funds"),
                "total",
            ),
            (
                "deficit",
                self.env._("4. Deficit of public generosity for the year"),
                "total",
            ),
            ("resources_total", self.env._("Total resources"), "grand_total"),
        ]

    def _le97_use_layout(self):
        """``[(key, label, style)]`` of the uses by destination."""
        return [
            ("social", self.env._("1. Social missions"), "total"),
            ("fundraising", self.env._("2. Fund-raising costs"), "total"),
            ("running", self.env._("3. Running costs"), "total"),
            ("uses_subtotal", self.env._("Total uses of the year"), "subtotal"),
            ("provisions", self.env._("4. Provisions and impairments"), "total"),
            (
                "dedicated_new",
                self.env._("5. Transfers to dedicated funds of the year"),
                "total",
            ),
            (
                "surplus",
                self.env._("6. Surplus of public generosity for the year"),
                "total",
            ),
            ("uses_total", self.env._("Total uses"), "grand_total"),
        ]

    def _le97_fund_labels(self):
        return {
            "fund_194": self.env._("194 Dedicated funds from operating grants"),
            "fund_195": self.env._(
                "195 Dedicated funds from financial contributions of other bodies"
            ),
            "fund_196": self.env._("196 Dedicated funds from public generosity"),
            "fund_total": self.env._("Total dedicated funds"),
        }

    def _le97_destination_labels(self):
        return {
            "social": self.env._("Social missions"),
            "fundraising": self.env._("Fund-raising costs"),
            "running": self.env._("Running costs"),
        }

    def _le97_warnings(self, campaigns):
        self.ensure_one()
        warnings = []
        if not campaigns:
            warnings.append(
                self.env._(
                    "%(company)s has no public appeal campaign: nothing was "
                    "collected from the public.",
                    company=self.company_id.name,
                )
            )
        without_project = campaigns.filtered(lambda c: not c.le97_project_id)
        if without_project:
            warnings.append(
                self.env._(
                    "The public appeals %(campaigns)s have no project: only their "
                    "gifts are counted, none of their uses.",
                    campaigns=", ".join(without_project.mapped("display_name")),
                )
            )
        return warnings

    def _le97_get_cer_data(self):
        """Everything the PDF and the XLSX print."""
        self.ensure_one()
        self._le97_check_access()
        self._check_period()
        campaigns = self._le97_campaigns()
        currency = self.company_id.currency_id
        amounts, details = self._le97_figures(campaigns, self.date_from, self.date_to)
        earlier, _details = self._le97_figures(
            campaigns, None, self.date_from - timedelta(days=1)
        )
        # the period before (ANC 2018-06 prints N and N-1)
        prev_from, prev_to = self._le97_previous_period()
        previous, _details = self._le97_figures(campaigns, prev_from, prev_to)

        def lines(layout):
            return [
                {
                    "key": key,
                    "label": str(label),
                    "style": style,
                    "amount": currency.round(amounts[key]),
                    "previous": currency.round(previous[key]),
                }
                for key, label, style in layout
            ]

        carried_start = currency.round(earlier["result"])
        carried_result = currency.round(amounts["result"])
        # the previous period ends the day before this one: what was carried
        # at its start is what is carried now, but its own result
        previous_start = currency.round(earlier["result"] - previous["result"])
        previous_result = currency.round(previous["result"])
        destinations = self._le97_destination_labels()
        return {
            "company": self.company_id,
            "currency": currency,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "prev_from": prev_from,
            "prev_to": prev_to,
            "campaigns": campaigns,
            "projects": campaigns.le97_project_id,
            "resources": lines(self._le97_resource_layout()),
            "uses": lines(self._le97_use_layout()),
            "carried": [
                {
                    "key": "carried_start",
                    "label": self.env._(
                        "Resources carried forward at the start of the year "
                        "(dedicated funds excluded)"
                    ),
                    "style": "line",
                    "amount": carried_start,
                    "previous": previous_start,
                },
                {
                    "key": "carried_result",
                    "label": self.env._("(+) Surplus or (-) deficit of the year"),
                    "style": "line",
                    "amount": carried_result,
                    "previous": previous_result,
                },
                {
                    "key": "carried_end",
                    "label": self.env._(
                        "Resources carried forward at the end of the year "
                        "(dedicated funds excluded)"
                    ),
                    "style": "total",
                    "amount": currency.round(carried_start + carried_result),
                    "previous": currency.round(previous_start + previous_result),
                },
            ],
            "funds": [
                {
                    **row,
                    **{
                        column: currency.round(row[column])
                        for column in ("start", "credit", "debit", "end")
                    },
                }
                for row in self._le97_funds(campaigns.le97_project_id)
            ],
            "details": [
                {
                    "code": code,
                    "account": account.with_company(self.company_id).name,
                    "destination": destinations[destination],
                    "amount": currency.round(amount),
                }
                for code, account, destination, amount in details
            ],
            "warnings": self._le97_warnings(campaigns),
        }

    def _le97_previous_period(self):
        """The period before the wizard's, ending the day before it starts:
        the previous financial year when the period is one, else a period of
        the same length."""
        self.ensure_one()
        company = self.company_id
        prev_to = self.date_from - timedelta(days=1)
        year = company.compute_fiscalyear_dates(self.date_from)
        if (year["date_from"], year["date_to"]) == (self.date_from, self.date_to):
            return company.compute_fiscalyear_dates(prev_to)["date_from"], prev_to
        return prev_to - (self.date_to - self.date_from), prev_to

    def _le97_scope_label(self, data):
        """Which appeals and projects the account covers, in words."""
        return self.env._(
            "Public appeals: %(campaigns)s. Projects: %(projects)s.",
            campaigns=", ".join(data["campaigns"].mapped("display_name")) or "-",
            projects=", ".join(data["projects"].mapped("display_name")) or "-",
        )

    def _le97_period_label(self):
        self.ensure_one()
        return self.env._(
            "From %(start)s to %(end)s",
            start=format_date(self.env, self.date_from),
            end=format_date(self.env, self.date_to),
        )

    # -- outputs -----------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        self._le97_get_cer_data()  # refuses what cannot be printed, before wkhtmltopdf
        return self.env.ref(REPORT_XMLID).report_action(self)

    def _le97_get_xlsx_content(self):
        """The account as an XLSX workbook: the account, then the uses by
        account."""
        self.ensure_one()
        data = self._le97_get_cer_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})

        sheet = workbook.add_worksheet(self.env._("CER"))
        sheet.set_column(0, 0, 62)
        sheet.set_column(1, 4, 16)
        sheet.write(
            0, 0, self.env._("Account of the Resources Collected from the Public"), bold
        )
        sheet.write(1, 0, data["company"].name)
        sheet.write(2, 0, self._le97_period_label())
        sheet.write(3, 0, self._le97_scope_label(data))
        row = 5
        for title, lines in (
            (self.env._("Uses by destination"), data["uses"]),
            (self.env._("Resources by origin"), data["resources"]),
            (
                self.env._("Resources carried forward from public generosity"),
                data["carried"],
            ),
        ):
            sheet.write(row, 0, title, bold)
            sheet.write_row(row, 1, [data["date_to"].year, data["prev_to"].year], bold)
            row += 1
            for line in lines:
                is_line = line["style"] == "line"
                sheet.write(row, 0, line["label"], None if is_line else bold)
                for column, name in enumerate(("amount", "previous"), start=1):
                    sheet.write_number(
                        row, column, line[name], money if is_line else money_bold
                    )
                row += 1
            row += 1
        sheet.write(row, 0, self.env._("Dedicated funds of the projects"), bold)
        sheet.write_row(
            row,
            1,
            [
                self.env._("At the start"),
                self.env._("Transfers"),
                self.env._("Uses"),
                self.env._("At the end"),
            ],
            bold,
        )
        row += 1
        for line in data["funds"]:
            is_line = line["style"] == "line"
            sheet.write(row, 0, line["label"], None if is_line else bold)
            for column, name in enumerate(("start", "credit", "debit", "end"), start=1):
                sheet.write_number(
                    row, column, line[name], money if is_line else money_bold
                )
            row += 1
        for warning in data["warnings"]:
            row += 1
            sheet.write(row, 0, warning)

        detail = workbook.add_worksheet(self.env._("Uses by account"))
        detail.set_column(0, 0, 12)
        detail.set_column(1, 1, 50)
        detail.set_column(2, 3, 20)
        detail.write_row(
            0,
            0,
            [
                self.env._("Account"),
                self.env._("Name"),
                self.env._("Destination"),
                self.env._("Amount"),
            ],
            bold,
        )
        for index, line in enumerate(data["details"], start=1):
            detail.write(index, 0, line["code"])
            detail.write(index, 1, line["account"])
            detail.write(index, 2, line["destination"])
            detail.write_number(index, 3, line["amount"], money)
        workbook.close()
        return output.getvalue()

    def _le97_xlsx_filename(self):
        self.ensure_one()
        return self.env._(
            "CER %(start)s %(end)s.xlsx",
            start=self.date_from.isoformat(),
            end=self.date_to.isoformat(),
        )

    def action_export_xlsx(self):
        self.ensure_one()
        content = self._le97_get_xlsx_content()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._le97_xlsx_filename(),
                "datas": base64.b64encode(content),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
