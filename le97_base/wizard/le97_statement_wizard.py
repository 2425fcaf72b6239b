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
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate
from odoo.tools.misc import xlsxwriter

_lt = LazyTranslate(__name__)

# (key, French-ready English label, prefixes, sign) sign 1: credit - debit
INCOME_LAYOUT = [
    ("income", _lt("Operating income"), None, None),
    ("756", _lt("Membership fees"), ("756",), 1),
    ("70", _lt("Sales of goods and services"), ("70",), 1),
    ("7541", _lt("Individual gifts"), ("7541",), 1),
    ("7542", _lt("Corporate sponsorship"), ("7542",), 1),
    ("7543", _lt("Bequests, donations and life insurance"), ("7543",), 1),
    ("754", _lt("Other resources from public generosity"), ("754",), 1),
    ("74", _lt("Operating grants"), ("74",), 1),
    ("789", _lt("Use of dedicated funds"), ("789",), 1),
    ("78", _lt("Reversals of depreciation and provisions"), ("78",), 1),
    ("75", _lt("Other income"), ("71", "72", "73", "75"), 1),
    ("income_total", _lt("Total operating income"), "income", None),
    ("expense", _lt("Operating expenses"), None, None),
    ("60", _lt("Purchases"), ("60",), -1),
    ("61", _lt("External services"), ("61", "62"), -1),
    ("63", _lt("Taxes"), ("63",), -1),
    ("64", _lt("Salaries and social charges"), ("64",), -1),
    ("689", _lt("Transfers to dedicated funds"), ("689",), -1),
    ("68", _lt("Depreciation and provisions"), ("68",), -1),
    ("65", _lt("Other expenses"), ("65",), -1),
    ("expense_total", _lt("Total operating expenses"), "expense", None),
    ("financial", _lt("Financial result"), ("76", "66"), 1),
    ("exceptional", _lt("Exceptional result"), ("77", "67"), 1),
    ("69", _lt("Income tax"), ("69",), -1),
    ("result", _lt("Result of the period"), "result", None),
    ("cvn", _lt("Voluntary contributions in kind"), None, None),
    ("87", _lt("Resources in kind"), ("87",), 1),
    ("86", _lt("Uses in kind"), ("86",), -1),
]

BALANCE_LAYOUT = [
    ("assets", _lt("Assets"), None, None),
    (
        "20",
        _lt("Fixed assets (net)"),
        ("20", "21", "22", "23", "26", "27", "28", "29"),
        -1,
    ),
    ("3", _lt("Stocks"), ("3",), -1),
    ("4a", _lt("Receivables"), ("4+",), -1),
    ("5", _lt("Cash and bank"), ("5",), -1),
    ("assets_total", _lt("Total assets"), "assets", None),
    ("liabilities", _lt("Equity and liabilities"), None, None),
    ("1023", _lt("Non-consumable endowments"), ("1023",), 1),
    ("108", _lt("Consumable endowments"), ("108",), 1),
    ("10", _lt("Other equity"), ("10",), 1),
    ("11", _lt("Retained earnings"), ("11", "12"), 1),
    ("result_bs", _lt("Result not yet allocated"), ("6", "7"), 1),
    ("19", _lt("Deferred and dedicated funds"), ("19",), 1),
    ("15", _lt("Provisions"), ("15",), 1),
    ("16", _lt("Borrowings"), ("16", "17"), 1),
    ("4l", _lt("Debts"), ("4-",), 1),
    ("liabilities_total", _lt("Total equity and liabilities"), "liabilities", None),
]


class Le97StatementWizard(models.TransientModel):
    _name = "le97.statement.wizard"
    _description = "Yearly Statements of the Fund"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    compare = fields.Boolean(string="Compare with the previous year", default=True)
    warning_html = fields.Html(compute="_compute_warning_html", sanitize=False)

    @api.depends("company_id", "date_to")
    def _compute_warning_html(self):
        for wizard in self:
            wizard.warning_html = wizard.company_id._le97_get_warnings_html(
                wizard.date_to
            )

    def _check_period(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(
                self.env._("The start of the period must be before its end.")
            )

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
        amounts = dict.fromkeys(
            (
                key
                for key, _label, prefixes, _sign in layout
                if isinstance(prefixes, tuple)
            ),
            0.0,
        )
        line_prefixes = [
            (key, prefixes, sign)
            for key, _label, prefixes, sign in layout
            if isinstance(prefixes, tuple)
        ]
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

    def _get_cvn_statement_amounts(self, date_from, date_to):
        """CVN kept off books: the validated valuations of the period."""
        self.ensure_one()
        if self.company_id.le97_cvn_mode != "statement":
            return {}
        valuations = self.env["le97.cvn.valuation"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("year", ">=", date_from.year),
                ("year", "<=", date_to.year),
            ]
        )
        total = sum(valuations.mapped("amount_total"))
        return {"87": total, "86": total}

    def _get_period_data(self, date_from, date_to):
        self.ensure_one()
        income = self._compute_layout(
            INCOME_LAYOUT,
            self._get_balances(date_from, date_to),
            self._get_cvn_statement_amounts(date_from, date_to),
        )
        balance = self._compute_layout(
            BALANCE_LAYOUT, self._get_balances(None, date_to)
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
        for statement, layout in (
            ("income", INCOME_LAYOUT),
            ("balance", BALANCE_LAYOUT),
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
                    }
                )
            result[statement] = lines
        return result

    # -- outputs ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        self._check_period()
        return self.env.ref("le97_base.action_report_le97_statement").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        data = self._get_report_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        for statement, title in (
            ("income", self.env._("Income Statement")),
            ("balance", self.env._("Balance Sheet")),
        ):
            sheet = workbook.add_worksheet(title[:31])
            sheet.set_column(0, 0, 50)
            sheet.set_column(1, 2, 16)
            sheet.write(0, 0, f"{data['company'].name} - {title}", bold)
            sheet.write(1, 0, f"{data['date_from']} - {data['date_to']}")
            sheet.write(2, 1, str(data["date_to"].year), bold)
            if data["compare"]:
                sheet.write(2, 2, str(data["prev_to"].year), bold)
            for row, line in enumerate(data[statement], start=3):
                is_line = line["style"] == "line"
                sheet.write(row, 0, line["label"], None if is_line else bold)
                if line["style"] == "section":
                    continue
                fmt = money if is_line else money_bold
                sheet.write_number(row, 1, line["amount"] or 0.0, fmt)
                if data["compare"]:
                    sheet.write_number(row, 2, line["previous"] or 0.0, fmt)
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

    @api.model
    def _le97_year_bounds(self, year):
        return date(year, 1, 1), date(year, 12, 31)
