# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import calendar
import csv
import datetime
import io

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

ARTICLES = [
    ("200", "Article 200 (individuals, income tax)"),
    ("238bis", "Article 238 bis (companies)"),
    ("978", "Article 978 (individuals, IFI)"),
]


class DonationTaxReceiptDeclaration(models.TransientModel):
    """Yearly declaration of the gifts receipted (CGI art. 222 bis): total
    amount and number of receipts per article, cancelled receipts excluded."""

    _name = "donation.tax.receipt.declaration"
    _description = "Yearly Declaration of Receipted Gifts (CGI 222 bis)"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year - 1
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many(
        "donation.tax.receipt.declaration.line",
        "declaration_id",
        string="Lines",
        readonly=True,
    )
    receipt_count = fields.Integer(
        string="Number of Receipts", compute="_compute_totals"
    )
    amount_total = fields.Monetary(string="Total Amount", compute="_compute_totals")
    closing_date = fields.Date(readonly=True)
    deadline = fields.Date(
        readonly=True,
        help="3 months after the closing date, or the 2nd working day after "
        "1 May for a 31 December closing.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Computed")], default="draft", readonly=True
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

    @api.model
    def _get_closing_date(self, company, year):
        month = int(company.fiscalyear_last_month or 12)
        day = min(
            int(company.fiscalyear_last_day or 31), calendar.monthrange(year, month)[1]
        )
        return datetime.date(year, month, day)

    @api.model
    def _get_deadline(self, closing_date):
        """2nd working day after 1 May following a 31 December closing, else 3
        months after the closing date. Working days: Monday to Friday except the
        French public holidays of early May (1 and 8 May)."""
        if (closing_date.month, closing_date.day) != (12, 31):
            return closing_date + relativedelta(months=3)
        holidays = {
            datetime.date(closing_date.year + 1, 5, 1),
            datetime.date(closing_date.year + 1, 5, 8),
        }
        day = datetime.date(closing_date.year + 1, 5, 1)
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
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "issued"),
            ("donation_date", ">=", datetime.date(self.year, 1, 1)),
            ("donation_date", "<=", datetime.date(self.year, 12, 31)),
        ]

    def _compute_figures(self):
        """{article: (count, amount)} in one grouped query."""
        self.ensure_one()
        figures = {code: [0, 0.0] for code, _label in ARTICLES}
        groups = self.env["donation.tax.receipt"]._read_group(
            self._get_receipt_domain(),
            groupby=["le97_donor_type"],
            aggregates=["__count", "amount:sum"],
        )
        for donor_type, count, amount in groups:
            code = self._get_article(donor_type, self.company_id)
            figures[code][0] += count
            figures[code][1] += amount
        return figures

    def action_compute(self):
        self.ensure_one()
        if not 1900 < self.year < 3000:
            raise UserError(
                self.env._("The year %(year)s is not valid.", year=self.year)
            )
        figures = self._compute_figures()
        closing = self._get_closing_date(self.company_id, self.year)
        currency = self.company_id.currency_id
        self.write(
            {
                "state": "done",
                "closing_date": closing,
                "deadline": self._get_deadline(closing),
                "line_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "article": code,
                            "receipt_count": figures[code][0],
                            "amount": currency.round(figures[code][1]),
                        }
                    )
                    for code, _label in ARTICLES
                ],
            }
        )
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Yearly Declaration of Gifts"),
        }

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
            ]
        )
        for line in self.line_ids:
            writer.writerow(
                [
                    self.year,
                    line.article,
                    labels[line.article],
                    line.receipt_count,
                    f"{line.amount:.2f}",
                    self.deadline.isoformat(),
                ]
            )
        writer.writerow(
            [
                self.year,
                self.env._("Total"),
                "",
                self.receipt_count,
                f"{self.amount_total:.2f}",
                self.deadline.isoformat(),
            ]
        )
        return buffer.getvalue().encode("utf-8")

    def action_export_csv(self):
        self.ensure_one()
        if self.state != "done":
            self.action_compute()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("declaration-dons-%(year)s.csv", year=self.year),
                "datas": base64.b64encode(self._get_csv_content()),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
