# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Yearly statements of a French non-profit (ANC 2018-06 layout).

Amounts come from the posted journal items (``account.move.line`` read_group):
there is no second ledger. The layout is the list below: each line gathers the
accounts whose code starts with one of its prefixes; the most specific prefix
wins, so "754" lines are not counted again in "75".
"""

import base64
import io

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import xlsxwriter


class Le97StatementWizard(models.TransientModel):
    _name = "le97.statement.wizard"
    _description = "Yearly Statements of the Fund"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # by default the current financial year of the company (the calendar year
    # when it closes on 31 December)
    date_from = fields.Date(
        string="Start Date",
        required=True,
        default=lambda self: self._le97_default_period()["date_from"],
    )
    date_to = fields.Date(
        string="End Date",
        required=True,
        default=lambda self: self._le97_default_period()["date_to"],
    )
    compare = fields.Boolean(string="Compare with the previous year", default=True)
    by_project = fields.Boolean(
        string="Columns by Project",
        help="Print the income statement with one column per project of the fund, "
        "a column for what is not assigned to a project and the total.",
    )
    project_ids = fields.Many2many(
        "account.analytic.account",
        string="Projects",
        check_company=True,
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        help="The projects to print in their own column; leave empty for every "
        "project with amounts in the period. The other projects are then "
        "printed together in one column.",
    )
    warning_html = fields.Html(
        string="Warnings", compute="_compute_warning_html", sanitize=False
    )

    @api.model
    def _le97_default_period(self):
        return self.env.company.compute_fiscalyear_dates(
            fields.Date.context_today(self)
        )

    @api.depends("company_id", "date_to")
    def _compute_warning_html(self):
        for wizard in self:
            wizard.warning_html = wizard.company_id._le97_get_warnings_html(
                wizard.date_to
            )

    @api.constrains("project_ids")
    def _check_project_ids(self):
        Account = self.env["account.analytic.account"]
        for wizard in self:
            others = wizard.project_ids - wizard.project_ids.filtered_domain(
                Account._le97_project_domain()
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(accounts)s: only the projects of the fund can have a "
                        "column in the statement.",
                        accounts=", ".join(others.mapped("display_name")),
                    )
                )

    def _check_period(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(
                self.env._("The start of the period must be before its end.")
            )
        if (
            self.by_project
            and not self.env["account.analytic.account"]._le97_project_plan()
        ):
            raise UserError(
                self.env._(
                    "The analytic plan of the fund's projects is missing: update "
                    "the Le 97 - Base module to restore it."
                )
            )

    # -- layout (ANC 2018-06) ---------------------------------------------------
    # (key, label, prefixes, sign): prefixes None = section title, a string =
    # total of that section, a tuple = account code prefixes ("4+" / "4-":
    # class 4 accounts of the asset / liability side); sign 1 = credit - debit.
    def _get_income_layout(self):
        return [
            ("income", self.env._("Operating income"), None, None),
            ("756", self.env._("Membership fees"), ("756",), 1),
            ("70", self.env._("Sales of goods and services"), ("70",), 1),
            ("7541", self.env._("Individual gifts"), ("7541",), 1),
            ("7542", self.env._("Corporate sponsorship"), ("7542",), 1),
            (
                "7543",
                self.env._("Bequests, donations and life insurance"),
                ("7543",),
                1,
            ),
            ("754", self.env._("Other resources from public generosity"), ("754",), 1),
            ("74", self.env._("Operating grants"), ("74",), 1),
            ("789", self.env._("Use of dedicated funds"), ("789",), 1),
            ("78", self.env._("Reversals of depreciation and provisions"), ("78",), 1),
            ("75", self.env._("Other income"), ("71", "72", "73", "75"), 1),
            ("income_total", self.env._("Total operating income"), "income", None),
            ("expense", self.env._("Operating expenses"), None, None),
            ("60", self.env._("Purchases"), ("60",), -1),
            ("61", self.env._("External services"), ("61", "62"), -1),
            ("63", self.env._("Taxes"), ("63",), -1),
            ("64", self.env._("Salaries and social charges"), ("64",), -1),
            ("689", self.env._("Transfers to dedicated funds"), ("689",), -1),
            ("68", self.env._("Depreciation and provisions"), ("68",), -1),
            ("65", self.env._("Other expenses"), ("65",), -1),
            ("expense_total", self.env._("Total operating expenses"), "expense", None),
            ("financial", self.env._("Financial result"), ("76", "66"), 1),
            ("exceptional", self.env._("Exceptional result"), ("77", "67"), 1),
            ("69", self.env._("Income tax"), ("69",), -1),
            ("result", self.env._("Result of the period"), "result", None),
            ("cvn", self.env._("Voluntary contributions in kind"), None, None),
            ("87", self.env._("Resources in kind"), ("87",), 1),
            ("86", self.env._("Uses in kind"), ("86",), -1),
        ]

    def _get_balance_layout(self):
        return [
            ("assets", self.env._("Assets"), None, None),
            ("20", self.env._("Fixed assets (net)"), ("2",), -1),
            ("3", self.env._("Stocks"), ("3",), -1),
            ("4a", self.env._("Receivables"), ("4+",), -1),
            ("5", self.env._("Cash and bank"), ("5",), -1),
            ("assets_total", self.env._("Total assets"), "assets", None),
            ("liabilities", self.env._("Equity and liabilities"), None, None),
            ("1023", self.env._("Non-consumable endowments"), ("1023",), 1),
            ("108", self.env._("Consumable endowments"), ("108",), 1),
            # "1": the rest of class 1 (10, 13 investment grants, 14 regulated
            # provisions, 18), so that no balance is left out of the sheet
            ("10", self.env._("Other equity"), ("1",), 1),
            ("11", self.env._("Retained earnings"), ("11", "12"), 1),
            # 9: Odoo's unaffected earnings account (999999) holds results too
            ("result_bs", self.env._("Result not yet allocated"), ("6", "7", "9"), 1),
            ("19", self.env._("Deferred and dedicated funds"), ("19",), 1),
            ("15", self.env._("Provisions"), ("15",), 1),
            ("16", self.env._("Borrowings"), ("16", "17"), 1),
            ("4l", self.env._("Debts"), ("4-",), 1),
            (
                "liabilities_total",
                self.env._("Total equity and liabilities"),
                "liabilities",
                None,
            ),
        ]

    # -- data -------------------------------------------------------------------
    def _get_balances(self, date_from, date_to):
        """{account code: credit - debit} of the posted items of the period."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", date_to),
        ]
        if date_from:
            domain.append(("date", ">=", date_from))
        groups = (
            self.env["account.move.line"]
            .with_company(self.company_id)
            ._read_group(domain, groupby=["account_id"], aggregates=["balance:sum"])
        )
        return {account: -balance for account, balance in groups}

    @api.model
    def _match(self, account, prefixes):
        """Length of the longest prefix of ``prefixes`` matching ``account``."""
        best = 0
        for prefix in prefixes:
            bare = prefix.rstrip("+-")
            if not account.code.startswith(bare):
                continue
            if prefix.endswith("+") and account.internal_group != "asset":
                continue
            if prefix.endswith("-") and account.internal_group == "asset":
                continue
            best = max(best, len(bare))
        return best

    def _compute_layout(self, layout, balances, extra=None):
        """Amount of each line of ``layout`` (dict key -> amount)."""
        line_prefixes = [
            (key, prefixes, sign)
            for key, _label, prefixes, sign in layout
            if isinstance(prefixes, tuple)
        ]
        amounts = dict.fromkeys((key for key, _prefixes, _sign in line_prefixes), 0.0)
        for account, balance in balances.items():
            scored = [
                (self._match(account, prefixes), key, sign)
                for key, prefixes, sign in line_prefixes
            ]
            score, key, sign = max(scored, key=lambda s: s[0])
            if score:
                amounts[key] += sign * balance
        for key, amount in (extra or {}).items():
            amounts[key] = amounts.get(key, 0.0) + amount
        # totals of sections
        section, sections = None, {}
        for key, _label, prefixes, _sign in layout:
            if prefixes is None:
                section = key
            elif isinstance(prefixes, tuple):
                sections.setdefault(section, []).append(key)
        for key, _label, prefixes, _sign in layout:
            if isinstance(prefixes, str) and prefixes in sections:
                amounts[key] = sum(amounts[k] for k in sections[prefixes])
        if "income_total" in amounts:
            amounts["result"] = (
                amounts["income_total"]
                - amounts["expense_total"]
                + amounts["financial"]
                + amounts["exceptional"]
                - amounts["69"]
            )
        return amounts

    def _get_cvn_valuations(self, date_from, date_to):
        """The validated valuations of the financial years closing in the
        period (each valued on its last day, as its entry would be)."""
        self.ensure_one()
        valuations = self.env["le97.cvn.valuation"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("year", ">=", date_from.year),
                ("year", "<=", date_to.year),
            ]
        )
        return valuations.filtered(
            lambda valuation: date_from <= valuation._le97_period()[1] <= date_to
        )

    def _get_cvn_statement_amounts(self, date_from, date_to):
        """CVN kept off books: the validated valuations of the period."""
        self.ensure_one()
        if self.company_id.le97_cvn_mode != "statement":
            return {}
        valuations = self._get_cvn_valuations(date_from, date_to)
        total = sum(valuations.mapped("amount_total"))
        return {"87": total, "86": total}

    def _get_project_balance_domain(self, date_from, date_to):
        """Analytic lines of the fund's projects coming from the posted journal
        items of the period (those of a split distribution carry their share)."""
        self.ensure_one()
        Account = self.env["account.analytic.account"]
        column = Account._le97_project_column()
        return [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("move_line_id.parent_state", "=", "posted"),
            (column, "any", Account._le97_project_domain()),
        ]

    def _get_project_balances(self, date_from, date_to):
        """{project: {account: credit - debit}} of the period, from the
        analytic lines of the projects' plan (one read_group for all)."""
        self.ensure_one()
        column = self.env["account.analytic.account"]._le97_project_column()
        groups = (
            self.env["account.analytic.line"]
            .with_company(self.company_id)
            ._read_group(
                self._get_project_balance_domain(date_from, date_to),
                groupby=[column, "general_account_id"],
                aggregates=["amount:sum"],
            )
        )
        balances = {}
        for project, account, amount in groups:
            if account:
                project_balances = balances.setdefault(project, {})
                project_balances[account] = project_balances.get(account, 0.0) + amount
        return balances

    def _get_cvn_statement_project_amounts(self, date_from, date_to):
        """CVN kept off books, by project: {project: {"87": x, "86": x}} from
        the lines of the validated valuations of the period."""
        self.ensure_one()
        if self.company_id.le97_cvn_mode != "statement":
            return {}
        groups = self.env["le97.cvn.valuation.line"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                (
                    "valuation_id",
                    "in",
                    self._get_cvn_valuations(date_from, date_to).ids,
                ),
                ("le97_project_id", "!=", False),
            ],
            groupby=["le97_project_id"],
            aggregates=["amount:sum"],
        )
        return {project: {"87": amount, "86": amount} for project, amount in groups}

    def _get_project_columns(self, date_from, date_to, total):
        """Columns of the income statement by project: the projects chosen (or
        every project with amounts), the other projects together if any, and
        what is not assigned to a project, so that the columns add up to
        ``total`` (the income statement of the period, key -> amount)."""
        self.ensure_one()
        layout = self._get_income_layout()
        currency = self.company_id.currency_id
        balances = self._get_project_balances(date_from, date_to)
        cvn = self._get_cvn_statement_project_amounts(date_from, date_to)
        projects = self.env["account.analytic.account"].union(*balances, *cvn)
        amounts = {
            project: self._compute_layout(
                layout, balances.get(project, {}), cvn.get(project)
            )
            for project in projects
        }

        def has_amounts(project_amounts):
            return any(not currency.is_zero(a) for a in project_amounts.values())

        chosen = self.project_ids or projects.filtered(
            lambda p: has_amounts(amounts[p])
        )
        chosen = chosen.sorted(lambda p: (p.code or "", p.name or "", p.id))
        columns = [
            {
                "key": f"project_{project.id}",
                "label": project.name,
                "project": project,
                "amounts": amounts.get(project) or dict.fromkeys(total, 0.0),
            }
            for project in chosen
        ]
        others = projects - chosen
        other_amounts = {
            key: sum(amounts[project][key] for project in others) for key in total
        }
        if others and has_amounts(other_amounts):
            columns.append(
                {
                    "key": "other_projects",
                    "label": self.env._("Other projects"),
                    "project": others,
                    "amounts": other_amounts,
                }
            )
        columns.append(
            {
                "key": "not_assigned",
                "label": self.env._("Not assigned to a project"),
                "project": self.env["account.analytic.account"],
                "amounts": {
                    key: total[key] - sum(amounts[project][key] for project in projects)
                    for key in total
                },
            }
        )
        for column in columns:
            column["amounts"] = {
                key: currency.round(amount) for key, amount in column["amounts"].items()
            }
        return columns

    def _get_period_data(self, date_from, date_to):
        self.ensure_one()
        income = self._compute_layout(
            self._get_income_layout(),
            self._get_balances(date_from, date_to),
            self._get_cvn_statement_amounts(date_from, date_to),
        )
        balance = self._compute_layout(
            self._get_balance_layout(), self._get_balances(None, date_to)
        )
        return {"income": income, "balance": balance}

    def _get_report_data(self):
        """Everything the PDF and XLSX print: lines with current/previous amounts."""
        self.ensure_one()
        self._check_period()
        current = self._get_period_data(self.date_from, self.date_to)
        previous = None
        prev_from = self.date_from - relativedelta(years=1)
        prev_to = self.date_to - relativedelta(years=1)
        if self.compare:
            previous = self._get_period_data(prev_from, prev_to)
        result = {
            "company": self.company_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "prev_from": prev_from,
            "prev_to": prev_to,
            "compare": self.compare,
            "warnings": self.company_id._le97_get_warnings(self.date_to),
        }
        columns = []
        if self.by_project:
            columns = self._get_project_columns(
                self.date_from, self.date_to, current["income"]
            )
        result["project_columns"] = [
            {"key": column["key"], "label": str(column["label"])} for column in columns
        ]
        for statement, layout in (
            ("income", self._get_income_layout()),
            ("balance", self._get_balance_layout()),
        ):
            lines = []
            for key, label, prefixes, _sign in layout:
                if prefixes is None:
                    style = "section"
                elif isinstance(prefixes, str):
                    style = "total"
                else:
                    style = "line"
                lines.append(
                    {
                        "key": key,
                        "label": str(label),
                        "style": style,
                        "amount": current[statement].get(key),
                        "previous": previous and previous[statement].get(key),
                        "columns": [
                            column["amounts"].get(key)
                            for column in columns
                            if statement == "income"
                        ],
                    }
                )
            result[statement] = lines
        return result

    # -- outputs ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        self._check_period()
        report = "le97_base.action_report_le97_statement"
        if self.by_project and self._is_wide(self._get_report_data()):
            report = "le97_base.action_report_le97_statement_landscape"
        return self.env.ref(report).report_action(self)

    @api.model
    def _is_wide(self, data):
        """Whether the income statement has too many columns for a portrait page."""
        return len(data["project_columns"]) + 1 + int(data["compare"]) > 4

    def action_export_xlsx(self):
        self.ensure_one()
        data = self._get_report_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        header = workbook.add_format({"bold": True, "text_wrap": True})
        for statement, title in (
            ("income", self.env._("Income Statement")),
            ("balance", self.env._("Balance Sheet")),
        ):
            sheet = workbook.add_worksheet(title[:31])
            # by project (income statement only): the projects' columns first,
            # then the total of the year and the previous year
            columns = data["project_columns"] if statement == "income" else []
            first = 1 + len(columns)
            sheet.set_column(0, 0, 50)
            sheet.set_column(1, first + 1, 16)
            sheet.write(0, 0, f"{data['company'].name} - {title}", bold)
            sheet.write(1, 0, f"{data['date_from']} - {data['date_to']}")
            for col, column in enumerate(columns, start=1):
                sheet.write(2, col, column["label"], header)
            sheet.write(2, first, str(data["date_to"].year), bold)
            if data["compare"]:
                sheet.write(2, first + 1, str(data["prev_to"].year), bold)
            for row, line in enumerate(data[statement], start=3):
                is_line = line["style"] == "line"
                sheet.write(row, 0, line["label"], None if is_line else bold)
                if line["style"] == "section":
                    continue
                fmt = money if is_line else money_bold
                for col, amount in enumerate(line["columns"], start=1):
                    sheet.write_number(row, col, amount or 0.0, fmt)
                sheet.write_number(row, first, line["amount"] or 0.0, fmt)
                if data["compare"]:
                    sheet.write_number(row, first + 1, line["previous"] or 0.0, fmt)
        workbook.close()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Statements %(date_from)s %(date_to)s.xlsx",
                    date_from=self.date_from,
                    date_to=self.date_to,
                ),
                "datas": base64.b64encode(output.getvalue()),
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
