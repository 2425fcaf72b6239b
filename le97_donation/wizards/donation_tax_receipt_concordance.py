# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concordance of the fiscal receipts with the money received (LPF L. 14 A).

The tax office may check on site that the receipts issued match the gifts
actually received (LPF L. 14 A; CGI 1740 A fines the difference). For a period
this report sets every receipt beside its gifts, their entries on the gift
accounts (754x) and the bank, cash or Pive lines that paid them, gives the
totals and lists every discrepancy with its reason.

Every read is set-based: the number of SQL queries does not depend on the
number of receipts, gifts or entries (see ``_le97_collect``).
"""

import base64
import datetime
import io
from collections import defaultdict

import xlsxwriter

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang

PERIOD_TYPES = [
    ("calendar", "Calendar year"),
    ("fiscal", "Financial year"),
]
ISSUE_KINDS = [
    ("receipt_without_money", "Receipt without money"),
    ("money_without_receipt", "Money without receipt"),
    ("amount_mismatch", "Amounts that differ"),
    ("cancelled_gift", "Cancelled gift with an active receipt"),
    ("entry_outside_gift", "Gift entry outside a gift"),
]
# Fields of res.company naming the fund's gift accounts (le97_base).
GIFT_ACCOUNT_FIELDS = (
    "le97_account_gift_id",
    "le97_account_company_gift_id",
    "le97_account_bequest_id",
    "le97_account_waived_expense_id",
)
# Prefix of the accounts of the gifts in the non-profit chart (ANC 2018-06):
# 754 "ressources liées à la générosité du public".
GIFT_ACCOUNT_PREFIX = "754"
# Fields written by the computation only (the report given to the inspector
# must be what the books say, not what a caller wrote).
RESULT_FIELDS = {
    "state",
    "line_ids",
    "issue_ids",
    "receipt_count",
    "receipt_amount",
    "cancelled_receipt_count",
    "gift_amount",
    "book_amount",
    "book_outside_amount",
    "issue_count",
}
ALLOWED_GROUPS = ("le97_base.group_treasurer", "le97_base.group_receipt_admin")
REPORT_XMLID = "le97_donation.donation_tax_receipt_concordance_report"


class DonationTaxReceiptConcordance(models.TransientModel):
    _name = "donation.tax.receipt.concordance"
    _description = "Concordance of Receipts and Gifts (LPF L. 14 A)"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_type = fields.Selection(
        PERIOD_TYPES,
        string="Period",
        required=True,
        default="calendar",
        help="A calendar year, or the financial year of the company (from its "
        "closing date in the accounting settings) that closes in the year given.",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
        help="Year of the period; for a financial year, the year of its closing.",
    )
    date_from = fields.Date(string="From", compute="_compute_dates")
    date_to = fields.Date(string="To", compute="_compute_dates")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Computed")], default="draft", readonly=True
    )
    line_ids = fields.One2many(
        "donation.tax.receipt.concordance.line",
        "concordance_id",
        string="Receipts and Gifts",
        readonly=True,
    )
    issue_ids = fields.One2many(
        "donation.tax.receipt.concordance.issue",
        "concordance_id",
        string="Discrepancies",
        readonly=True,
    )
    receipt_count = fields.Integer(string="Receipts Issued", readonly=True)
    receipt_amount = fields.Monetary(string="Amount of the Receipts", readonly=True)
    cancelled_receipt_count = fields.Integer(string="Cancelled Receipts", readonly=True)
    gift_amount = fields.Monetary(
        string="Gifts Receipted",
        readonly=True,
        help="Eligible amount of the gifts covered by the issued receipts.",
    )
    book_amount = fields.Monetary(
        string="754x Credits in the Books",
        readonly=True,
        help="Net credit of the posted journal items of the period on the gift "
        "accounts.",
    )
    book_outside_amount = fields.Monetary(
        string="754x Credits Outside Gifts",
        readonly=True,
        help="Part of the 754x credits of the period whose entry is no donation's.",
    )
    issue_count = fields.Integer(string="Number of Discrepancies", readonly=True)

    # ------------------------------------------------------------------
    # Period
    # ------------------------------------------------------------------
    @api.depends("company_id", "period_type", "year")
    def _compute_dates(self):
        for concordance in self:
            company = concordance.company_id or self.env.company
            if 1900 < concordance.year < 3000:
                concordance.date_from, concordance.date_to = self._le97_get_period(
                    company, concordance.period_type, concordance.year
                )
            else:
                concordance.date_from = concordance.date_to = False

    @api.model
    def _le97_get_period(self, company, period_type, year):
        """``(first day, last day)`` of the period: the calendar year ``year``,
        or the financial year of ``company`` that closes in ``year``."""
        if period_type == "fiscal":
            # the same financial year as the 222 bis declaration's (Odoo's
            # fiscal years, else the company's closing date)
            return self.env["donation.tax.receipt.declaration"]._get_period(
                company, year
            )
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def _le97_check_access(self):
        """A treasurer or a receipts administrator of the company only."""
        user = self.env.user
        if not (self.env.su or any(user.has_group(g) for g in ALLOWED_GROUPS)):
            raise AccessError(
                self.env._(
                    "Only a treasurer or a receipts administrator may run the "
                    "concordance of receipts and gifts."
                )
            )
        for concordance in self:
            if not self.env.su and concordance.company_id not in user.company_ids:
                raise AccessError(
                    self.env._(
                        "You have no access to the company %(company)s.",
                        company=concordance.company_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the results are written by the computation only
    # ------------------------------------------------------------------
    def _le97_check_result_fields(self, vals_list):
        if self.env.su:
            return
        written = RESULT_FIELDS & {key for vals in vals_list for key in vals}
        if written:
            raise AccessError(
                self.env._(
                    "The results of the concordance (%(fields)s) are computed "
                    "from the books, never written.",
                    fields=", ".join(sorted(written)),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._le97_check_result_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._le97_check_result_fields([vals])
        if self.filtered(lambda c: c.state == "done") and not self.env.su:
            # a new period is a new concordance: the figures stay with theirs
            if {"company_id", "period_type", "year"} & set(vals):
                raise UserError(
                    self.env._(
                        "This concordance is computed: open a new one for "
                        "another period."
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Reads: a fixed number of queries
    # ------------------------------------------------------------------
    def _le97_gift_accounts(self):
        """Accounts of the gifts of the company: the fund's gift accounts
        (res.company), the income accounts of its gift products and, when
        the chart numbers gifts 754 (the non-profit chart), every 754x
        account. A commercial chart's 754 (cooperative rebates) is not taken
        unless a gift account of the company is numbered 754."""
        self.ensure_one()
        company = self.company_id
        Account = self.env["account.account"].with_company(company)
        accounts = Account.browse()
        for fname in GIFT_ACCOUNT_FIELDS:
            if fname in company._fields:
                accounts |= company[fname]
        for product, account in company._le97_gift_product_accounts().items():
            accounts |= account
            income = product.with_company(company)._get_product_accounts()["income"]
            accounts |= income or Account
        if company.chart_template == "fr_asso" or any(
            (code or "").startswith(GIFT_ACCOUNT_PREFIX)
            for code in accounts.mapped("code")
        ):
            accounts |= Account.search(
                [
                    *Account._check_company_domain(company),
                    ("code", "=like", f"{GIFT_ACCOUNT_PREFIX}%"),
                ]
            )
        return accounts

    def _le97_collect(self):
        """Everything the report needs, read set-wise (about twenty queries
        whatever the number of receipts): returns a dict of recordsets and
        per-id maps."""
        self.ensure_one()
        company = self.company_id
        date_from, date_to = self.date_from, self.date_to
        env = self.with_company(company).env
        Receipt = env["donation.tax.receipt"]
        Donation = env["donation.donation"]
        Line = env["account.move.line"]
        receipts = Receipt.search_fetch(
            [
                ("company_id", "=", company.id),
                ("donation_date", ">=", date_from),
                ("donation_date", "<=", date_to),
            ],
            [
                "number",
                "date",
                "donation_date",
                "partner_id",
                "amount",
                "state",
                "type",
                "le97_donation_ids",
                "donation_ids",
            ],
            order="number, id",
        )
        receipt_gift_ids = {
            receipt.id: (receipt.le97_donation_ids | receipt.donation_ids).ids
            for receipt in receipts
        }
        all_receipt_gift_ids = list(
            {gid for ids in receipt_gift_ids.values() for gid in ids}
        )
        gifts = Donation.search_fetch(
            [
                ("company_id", "=", company.id),
                "|",
                ("id", "in", all_receipt_gift_ids),
                "&",
                "&",
                ("state", "in", ("done", "cancel")),
                ("donation_date", ">=", date_from),
                ("donation_date", "<=", date_to),
            ],
            [
                "number",
                "donation_date",
                "commercial_partner_id",
                "amount_total_company_currency",
                "tax_receipt_total",
                "tax_receipt_option",
                "state",
                "move_id",
            ],
            order="donation_date, number, id",
        )
        # money per gift from its lines: eligible or not, in kind or not
        money = defaultdict(float)
        eligible_money = defaultdict(float)
        for donation, in_kind, eligible, amount in env["donation.line"]._read_group(
            [("donation_id", "in", gifts.ids)],
            groupby=["donation_id", "in_kind", "tax_receipt_ok"],
            aggregates=["amount_company_currency:sum"],
        ):
            if not in_kind:
                money[donation.id] += amount
                if eligible:
                    eligible_money[donation.id] += amount
        accounts = self._le97_gift_accounts()
        gift_moves = gifts.move_id
        book_lines = Line.search_fetch(
            [
                ("company_id", "=", company.id),
                ("account_id", "in", accounts.ids),
                ("parent_state", "=", "posted"),
                "|",
                "|",
                ("move_id", "in", gift_moves.ids),
                ("move_id.reversed_entry_id", "in", gift_moves.ids),
                "&",
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["move_id", "account_id", "date", "balance", "product_id", "name"],
            order="date, move_id, id",
        )
        pay_lines = Line.search_fetch(
            [
                ("move_id", "in", gift_moves.ids),
                ("account_id", "not in", accounts.ids),
            ],
            ["move_id", "account_id", "journal_id", "balance"],
            order="id",
        )
        moves = (gift_moves | book_lines.move_id).with_env(env)
        moves.fetch(["name", "state", "date", "journal_id", "reversed_entry_id"])
        # the donation behind each entry, for every donation of the database
        # (a gift of another period may own an entry dated in this one)
        owned = moves | moves.reversed_entry_id
        owners = Donation.search_fetch([("move_id", "in", owned.ids)], ["move_id"])
        owner_by_move = {donation.move_id.id: donation for donation in owners}
        (book_lines.product_id).fetch(["tax_receipt_ok"])
        (book_lines.account_id | pay_lines.account_id).fetch(["code", "name"])
        pay_lines.journal_id.fetch(["name", "type"])
        covering = Receipt.search_fetch(
            [
                ("state", "=", "issued"),
                "|",
                ("le97_donation_ids", "in", gifts.ids),
                ("donation_ids", "in", gifts.ids),
            ],
            ["number", "le97_donation_ids", "donation_ids"],
        )
        covered_by = {}
        for receipt in covering:
            for gift_id in (receipt.le97_donation_ids | receipt.donation_ids).ids:
                covered_by.setdefault(gift_id, receipt)
        (receipts.partner_id | gifts.commercial_partner_id).mapped("display_name")
        return {
            "receipts": receipts,
            "receipt_gift_ids": receipt_gift_ids,
            "gifts": gifts,
            "money": money,
            "eligible_money": eligible_money,
            "accounts": accounts,
            "book_lines": book_lines,
            "pay_lines": pay_lines,
            "owner_by_move": owner_by_move,
            "covered_by": covered_by,
        }

    # ------------------------------------------------------------------
    # Concordance and discrepancies
    # ------------------------------------------------------------------
    def _le97_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.company_id.currency_id)

    def _le97_build(self, data):
        """``(line values, issue values, totals)`` from ``_le97_collect``."""
        self.ensure_one()
        currency = self.company_id.currency_id
        date_from, date_to = self.date_from, self.date_to
        receipts, gifts = data["receipts"], data["gifts"]
        gift_by_id = {gift.id: gift for gift in gifts}
        owner_by_move = data["owner_by_move"]
        # 754x lines per owning gift, and the lines that belong to no gift
        credit = defaultdict(float)
        eligible_credit = defaultdict(float)
        gift_accounts = defaultdict(set)
        outside = []
        book_amount = book_outside = 0.0
        for line in data["book_lines"]:
            move = line.move_id
            owner = owner_by_move.get(move.id) or owner_by_move.get(
                move.reversed_entry_id.id
            )
            in_period = date_from <= line.date <= date_to
            if in_period:
                book_amount -= line.balance
            if not owner:
                if in_period:
                    book_outside -= line.balance
                    outside.append(line)
                continue
            credit[owner.id] -= line.balance
            if not line.product_id or line.product_id.tax_receipt_ok:
                eligible_credit[owner.id] -= line.balance
            gift_accounts[owner.id].add(line.account_id.code or "")
        payments = defaultdict(list)
        for line in data["pay_lines"]:
            payments[line.move_id.id].append(
                "{journal} {code} {amount}".format(
                    journal=line.journal_id.name or "",
                    code=line.account_id.code or "",
                    amount=self._le97_amount(line.balance),
                )
            )

        issues = []
        issued = receipts.filtered(lambda r: r.state == "issued")
        unbooked_gift_ids = set()
        for receipt in issued:
            receipt_gifts = [
                gift_by_id[gid]
                for gid in data["receipt_gift_ids"][receipt.id]
                if gid in gift_by_id
            ]
            issues += self._le97_receipt_issues(
                receipt, receipt_gifts, data, credit, unbooked_gift_ids
            )
        for gift in gifts.filtered(lambda g: g.state == "done"):
            issues += self._le97_gift_issues(
                gift, data, eligible_credit, unbooked_gift_ids
            )
        for line in outside:
            issues.append(
                {
                    "kind": "entry_outside_gift",
                    "move_id": line.move_id.id,
                    "move_line_id": line.id,
                    "amount": currency.round(-line.balance),
                    "reason": self.env._(
                        "The entry %(entry)s of %(date)s books %(amount)s on the "
                        "gift account %(account)s but is no donation's entry: "
                        "money booked as a gift with no gift, hence no receipt, "
                        "behind it. Record the gift as a donation, or move the "
                        "amount to the right account.",
                        entry=line.move_id.name,
                        date=line.date,
                        amount=self._le97_amount(-line.balance),
                        account=line.account_id.code,
                    ),
                }
            )

        issue_receipts = {i["receipt_id"] for i in issues if i.get("receipt_id")}
        issue_gifts = {i["donation_id"] for i in issues if i.get("donation_id")}
        issue_lines = {i["move_line_id"] for i in issues if i.get("move_line_id")}

        def gift_vals(gift):
            return {
                "donation_id": gift.id,
                "donation_date": gift.donation_date,
                "donation_partner_id": gift.commercial_partner_id.id,
                "donation_amount": gift.amount_total_company_currency,
                "donation_eligible": gift.tax_receipt_total,
                "donation_state": gift.state,
                "move_id": gift.move_id.id,
                "gift_credit": currency.round(credit.get(gift.id, 0.0)),
                "gift_accounts": ", ".join(sorted(gift_accounts.get(gift.id, ()))),
                "payment_text": "\n".join(payments.get(gift.move_id.id, [])),
            }

        lines = []
        shown_gifts = set()
        for receipt in receipts:
            receipt_vals = {
                "receipt_id": receipt.id,
                "receipt_date": receipt.date,
                "receipt_state": receipt.state,
                "partner_id": receipt.partner_id.id,
            }
            receipt_gifts = [
                gift_by_id[gid]
                for gid in data["receipt_gift_ids"][receipt.id]
                if gid in gift_by_id
            ]
            first = True
            for gift in receipt_gifts or [None]:
                vals = dict(receipt_vals, receipt_amount=receipt.amount if first else 0)
                first = False
                if gift:
                    vals.update(gift_vals(gift))
                    shown_gifts.add(gift.id)
                vals["has_issue"] = receipt.id in issue_receipts or (
                    gift is not None and gift.id in issue_gifts
                )
                lines.append(vals)
        for gift in gifts:
            if gift.id in shown_gifts:
                continue
            vals = gift_vals(gift)
            covering = data["covered_by"].get(gift.id)
            if covering:
                vals["receipt_id"] = covering.id
            vals["partner_id"] = gift.commercial_partner_id.id
            vals["has_issue"] = gift.id in issue_gifts
            lines.append(vals)
        for line in outside:
            lines.append(
                {
                    "move_id": line.move_id.id,
                    "move_line_id": line.id,
                    "gift_credit": currency.round(-line.balance),
                    "gift_accounts": line.account_id.code or "",
                    "has_issue": line.id in issue_lines,
                }
            )
        for sequence, vals in enumerate(lines, start=1):
            vals["sequence"] = sequence
        for sequence, vals in enumerate(issues, start=1):
            vals["sequence"] = sequence

        receipted_gift_ids = {
            gid
            for receipt in issued
            for gid in data["receipt_gift_ids"][receipt.id]
            if gid in gift_by_id
        }
        totals = {
            "receipt_count": len(issued),
            "receipt_amount": currency.round(sum(issued.mapped("amount"))),
            "cancelled_receipt_count": len(receipts) - len(issued),
            "gift_amount": currency.round(
                sum(gift_by_id[gid].tax_receipt_total for gid in receipted_gift_ids)
            ),
            "book_amount": currency.round(book_amount),
            "book_outside_amount": currency.round(book_outside),
            "issue_count": len(issues),
        }
        return lines, issues, totals

    def _le97_receipt_issues(self, receipt, receipt_gifts, data, credit, unbooked):
        """Discrepancies of one issued receipt (data already read)."""
        currency = self.company_id.currency_id
        number = receipt.number
        issues = []
        if not receipt_gifts:
            return [
                {
                    "kind": "receipt_without_money",
                    "receipt_id": receipt.id,
                    "amount": receipt.amount,
                    "reason": self.env._(
                        "The receipt %(receipt)s of %(amount)s is issued with no "
                        "gift behind it.",
                        receipt=number,
                        amount=self._le97_amount(receipt.amount),
                    ),
                }
            ]
        for gift in receipt_gifts:
            if gift.state != "done":
                state = dict(
                    gift._fields["state"]._description_selection(self.env)
                ).get(gift.state, gift.state)
                issues.append(
                    {
                        "kind": "cancelled_gift",
                        "receipt_id": receipt.id,
                        "donation_id": gift.id,
                        "amount": gift.tax_receipt_total,
                        "reason": self.env._(
                            "The gift %(gift)s is %(state)s but the receipt "
                            "%(receipt)s that covers it is still issued: a "
                            "receipts administrator must cancel the receipt.",
                            gift=gift.number,
                            state=state,
                            receipt=number,
                        ),
                    }
                )
        not_booked = [
            gift
            for gift in receipt_gifts
            if gift.state == "done"
            and not currency.is_zero(data["money"].get(gift.id, 0.0))
            and currency.is_zero(credit.get(gift.id, 0.0))
        ]
        if not_booked:
            unbooked.update(gift.id for gift in not_booked)
            issues.append(
                {
                    "kind": "receipt_without_money",
                    "receipt_id": receipt.id,
                    "donation_id": not_booked[0].id if len(not_booked) == 1 else False,
                    "amount": currency.round(
                        sum(gift.tax_receipt_total for gift in not_booked)
                    ),
                    "reason": self.env._(
                        "The receipt %(receipt)s covers gifts with no posted entry "
                        "on the gift accounts: %(gifts)s.",
                        receipt=number,
                        gifts=", ".join(gift.number or "" for gift in not_booked),
                    ),
                }
            )
        gifts_total = currency.round(sum(g.tax_receipt_total for g in receipt_gifts))
        if currency.compare_amounts(receipt.amount, gifts_total):
            issues.append(
                {
                    "kind": "amount_mismatch",
                    "receipt_id": receipt.id,
                    "amount": currency.round(receipt.amount - gifts_total),
                    "reason": self.env._(
                        "The receipt %(receipt)s is for %(amount)s, its gifts "
                        "(%(gifts)s) are eligible for %(total)s.",
                        receipt=number,
                        amount=self._le97_amount(receipt.amount),
                        gifts=", ".join(g.number or "" for g in receipt_gifts),
                        total=self._le97_amount(gifts_total),
                    ),
                }
            )
        return issues

    def _le97_gift_issues(self, gift, data, eligible_credit, unbooked):
        """Discrepancies of one validated gift (data already read)."""
        currency = self.company_id.currency_id
        issues = []
        expected = currency.round(data["eligible_money"].get(gift.id, 0.0))
        booked = currency.round(eligible_credit.get(gift.id, 0.0))
        if gift.id not in unbooked and currency.compare_amounts(expected, booked):
            issues.append(
                {
                    "kind": "amount_mismatch",
                    "donation_id": gift.id,
                    "receipt_id": data["covered_by"].get(gift.id, False)
                    and data["covered_by"][gift.id].id,
                    "move_id": gift.move_id.id,
                    "amount": currency.round(expected - booked),
                    "reason": self.env._(
                        "The gift %(gift)s is eligible for %(expected)s paid in "
                        "money, its entry credits %(booked)s on the gift accounts.",
                        gift=gift.number,
                        expected=self._le97_amount(expected),
                        booked=self._le97_amount(booked),
                    ),
                }
            )
        in_period = bool(
            gift.donation_date and self.date_from <= gift.donation_date <= self.date_to
        )
        if (
            in_period
            and gift.tax_receipt_option in ("each", "annual")
            and currency.compare_amounts(gift.tax_receipt_total, 0) > 0
            and gift.id not in data["covered_by"]
        ):
            if gift.tax_receipt_option == "annual":
                reason = self.env._(
                    "The gift %(gift)s of %(amount)s asks for a yearly receipt "
                    "and no issued receipt covers it: run the yearly receipts.",
                    gift=gift.number,
                    amount=self._le97_amount(gift.tax_receipt_total),
                )
            else:
                reason = self.env._(
                    "The gift %(gift)s of %(amount)s asks for a receipt for each "
                    "gift and no issued receipt covers it.",
                    gift=gift.number,
                    amount=self._le97_amount(gift.tax_receipt_total),
                )
            issues.append(
                {
                    "kind": "money_without_receipt",
                    "donation_id": gift.id,
                    "move_id": gift.move_id.id,
                    "amount": gift.tax_receipt_total,
                    "reason": reason,
                }
            )
        return issues

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _le97_check_year(self):
        for concordance in self:
            if not 1900 < concordance.year < 3000:
                raise UserError(
                    self.env._("The year %(year)s is not valid.", year=concordance.year)
                )

    def _le97_compute(self):
        """Read, compare and write the lines, the discrepancies and the
        totals of the concordance (``self`` is one record)."""
        self.ensure_one()
        self._le97_check_access()
        self._le97_check_year()
        lines, issues, totals = self._le97_build(self._le97_collect())
        # in sudo after the role check: the results are not writable by users
        self.sudo().write(
            {
                "state": "done",
                "line_ids": [Command.clear()] + [Command.create(v) for v in lines],
                "issue_ids": [Command.clear()] + [Command.create(v) for v in issues],
                **totals,
            }
        )

    def action_compute(self):
        self.ensure_one()
        self._le97_compute()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Concordance of Receipts and Gifts"),
        }

    def _le97_ensure_computed(self):
        self.ensure_one()
        self._le97_check_access()
        if self.state != "done":
            self._le97_compute()

    def action_open_issues(self):
        self._le97_ensure_computed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Discrepancies"),
            "res_model": "donation.tax.receipt.concordance.issue",
            "view_mode": "list",
            "domain": [("concordance_id", "=", self.id)],
            "context": {"search_default_group_kind": 1, "create": False},
        }

    def action_open_lines(self):
        self._le97_ensure_computed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receipts and Gifts"),
            "res_model": "donation.tax.receipt.concordance.line",
            "view_mode": "list",
            "domain": [("concordance_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_print_pdf(self):
        self._le97_ensure_computed()
        return self.env.ref(REPORT_XMLID).report_action(self)

    def _le97_period_label(self):
        self.ensure_one()
        if self.period_type == "fiscal":
            return self.env._(
                "Financial year from %(start)s to %(end)s",
                start=self.date_from.strftime("%d/%m/%Y"),
                end=self.date_to.strftime("%d/%m/%Y"),
            )
        return self.env._("Calendar year %(year)s", year=self.year)

    def _le97_selection_labels(self, model, fname):
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    def _le97_get_xlsx_content(self):
        """The concordance as an XLSX workbook: a summary, the receipts beside
        their gifts and entries, and the discrepancies."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        day = workbook.add_format({"num_format": "dd/mm/yyyy"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

        summary = workbook.add_worksheet(self.env._("Summary"))
        summary.set_column(0, 0, 40)
        summary.set_column(1, 1, 20)
        summary.write(
            0, 0, self.env._("Concordance of Receipts and Gifts (LPF L. 14 A)"), bold
        )
        summary.write(1, 0, self.company_id.name)
        summary.write(2, 0, self._le97_period_label())
        rows = [
            (self.env._("Receipts Issued"), self.receipt_count, None),
            (self.env._("Amount of the Receipts"), self.receipt_amount, money),
            (self.env._("Cancelled Receipts"), self.cancelled_receipt_count, None),
            (self.env._("Gifts Receipted"), self.gift_amount, money),
            (self.env._("754x Credits in the Books"), self.book_amount, money),
            (self.env._("754x Credits Outside Gifts"), self.book_outside_amount, money),
            (self.env._("Number of Discrepancies"), self.issue_count, None),
        ]
        for index, (label, value, style) in enumerate(rows, start=4):
            summary.write(index, 0, label)
            summary.write_number(index, 1, value, style)

        receipt_states = self._le97_selection_labels("donation.tax.receipt", "state")
        gift_states = self._le97_selection_labels("donation.donation", "state")
        sheet = workbook.add_worksheet(self.env._("Receipts and Gifts"))
        headers = [
            self.env._("Receipt"),
            self.env._("Receipt Date"),
            self.env._("Donor"),
            self.env._("Receipt Amount"),
            self.env._("Receipt State"),
            self.env._("Gift"),
            self.env._("Gift Date"),
            self.env._("Gift Amount"),
            self.env._("Eligible Amount"),
            self.env._("Gift State"),
            self.env._("Journal Entry"),
            self.env._("Gift Accounts"),
            self.env._("754x Credit"),
            self.env._("Paid by"),
        ]
        sheet.write_row(0, 0, headers, bold)
        sheet.set_column(0, len(headers) - 1, 16)
        sheet.set_column(len(headers) - 1, len(headers) - 1, 45)
        for row, line in enumerate(self.line_ids, start=1):
            sheet.write(row, 0, line.receipt_id.number or "")
            if line.receipt_date:
                sheet.write_datetime(row, 1, line.receipt_date, day)
            sheet.write(row, 2, line.partner_id.display_name or "")
            if line.receipt_id and line.receipt_amount:
                sheet.write_number(row, 3, line.receipt_amount, money)
            sheet.write(row, 4, receipt_states.get(line.receipt_state, ""))
            sheet.write(row, 5, line.donation_id.number or "")
            if line.donation_date:
                sheet.write_datetime(row, 6, line.donation_date, day)
            if line.donation_id:
                sheet.write_number(row, 7, line.donation_amount, money)
                sheet.write_number(row, 8, line.donation_eligible, money)
            sheet.write(row, 9, gift_states.get(line.donation_state, ""))
            sheet.write(row, 10, line.move_id.name or "")
            sheet.write(row, 11, line.gift_accounts or "")
            sheet.write_number(row, 12, line.gift_credit, money)
            sheet.write(row, 13, line.payment_text or "", wrap)

        kinds = self._le97_selection_labels(
            "donation.tax.receipt.concordance.issue", "kind"
        )
        sheet = workbook.add_worksheet(self.env._("Discrepancies"))
        headers = [
            self.env._("Kind"),
            self.env._("Receipt"),
            self.env._("Gift"),
            self.env._("Journal Entry"),
            self.env._("Amount"),
            self.env._("Reason"),
        ]
        sheet.write_row(0, 0, headers, bold)
        sheet.set_column(0, 4, 18)
        sheet.set_column(5, 5, 90)
        for row, issue in enumerate(self.issue_ids, start=1):
            sheet.write(row, 0, kinds.get(issue.kind, issue.kind))
            sheet.write(row, 1, issue.receipt_id.number or "")
            sheet.write(row, 2, issue.donation_id.number or "")
            sheet.write(row, 3, issue.move_id.name or "")
            sheet.write_number(row, 4, issue.amount, money)
            sheet.write(row, 5, issue.reason or "", wrap)
        workbook.close()
        return output.getvalue()

    def _le97_xlsx_filename(self):
        self.ensure_one()
        return self.env._(
            "concordance-receipts-%(start)s-%(end)s.xlsx",
            start=self.date_from.isoformat(),
            end=self.date_to.isoformat(),
        )

    def action_export_xlsx(self):
        self._le97_ensure_computed()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._le97_xlsx_filename(),
                "datas": base64.b64encode(self._le97_get_xlsx_content()),
                "mimetype": "application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
