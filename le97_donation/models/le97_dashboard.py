# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.le97_base.models.le97_dashboard import (
    CHART_VIEWS,
    LIST_VIEWS,
    PIVOT_VIEWS,
    TREASURER_GROUP,
)

AMOUNT = "amount_total_company_currency"


class Le97Dashboard(models.AbstractModel):
    """The gifts and fiscal receipts on the treasurer's dashboard."""

    _inherit = "le97.dashboard"

    @api.model
    def _le97_dashboard_sections(self):
        sections = super()._le97_dashboard_sections()
        sections["gifts"] = {"title": self.env._("Gifts and Receipts"), "sequence": 10}
        return sections

    @api.model
    def _le97_dashboard_cards(self, company):
        cards = super()._le97_dashboard_cards(company)
        if self._le97_dashboard_can_read("donation.donation", TREASURER_GROUP):
            cards += [
                self._le97_card_gifts_by_month(company),
                self._le97_card_gifts_by_project(company),
                self._le97_card_gifts_by_means(company),
                self._le97_card_gifts_to_receipt(company),
            ]
        if self._le97_dashboard_can_read("donation.tax.receipt", TREASURER_GROUP):
            cards.append(self._le97_card_receipts_issued(company))
        return cards

    # -- domains ------------------------------------------------------------------
    @api.model
    def _le97_dashboard_gift_domain(self, company):
        """The validated gifts of the year of ``company``."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "done"),
            *self._le97_dashboard_date_domain("donation_date"),
        ]

    @api.model
    def _le97_dashboard_to_receipt_domain(self, company):
        """Validated gifts asking for a receipt (for each gift or yearly) that
        have none yet, whatever their year: the yearly receipts of last year
        are issued early in this one."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "done"),
            ("tax_receipt_option", "in", ("each", "annual")),
            ("tax_receipt_id", "=", False),
            ("tax_receipt_total", ">", 0),
        ]

    @api.model
    def _le97_dashboard_receipt_domain(self, company):
        """The receipts issued this year (and not cancelled)."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "issued"),
            *self._le97_dashboard_date_domain("date"),
        ]

    @api.model
    def _le97_dashboard_gift_context(self, **extra):
        return {
            "graph_measure": AMOUNT,
            "pivot_measures": [AMOUNT, "__count"],
            **extra,
        }

    # -- cards --------------------------------------------------------------------
    @api.model
    def _le97_card_gifts_by_month(self, company):
        domain = self._le97_dashboard_gift_domain(company)
        groups = dict(
            self.env["donation.donation"]._read_group(
                domain, ["donation_date:month"], [f"{AMOUNT}:sum"]
            )
        )
        start, _end = self._le97_dashboard_period()
        name = self.env._("Gifts of the Year")
        context = self._le97_dashboard_gift_context(
            graph_groupbys=["donation_date:month"],
            graph_mode="bar",
            pivot_row_groupby=["le97_project_id"],
            pivot_column_groupby=["donation_date:month"],
        )
        months = [start + relativedelta(months=n) for n in range(12)]
        rows = self._le97_dashboard_rows(
            [
                (
                    self._le97_dashboard_month_label(month),
                    groups.get(month, 0.0),
                    self._le97_dashboard_format_amount(
                        groups.get(month, 0.0), company.currency_id
                    ),
                    [
                        ("donation_date", ">=", month),
                        ("donation_date", "<", month + relativedelta(months=1)),
                    ],
                )
                for month in months
            ],
            "donation.donation",
            name,
            domain,
            context,
        )
        if not any(groups.values()):
            rows = []
        return self._le97_dashboard_card(
            "gifts_by_month",
            "gifts",
            10,
            self.env._("Gifts by Month"),
            self._le97_dashboard_format_amount(
                sum(groups.values()), company.currency_id
            ),
            self._le97_dashboard_action(
                "donation.donation", name, domain, CHART_VIEWS, context
            ),
            caption=self.env._("Validated gifts of %(year)s", year=start.year),
            rows=rows,
            chart="columns",
        )

    @api.model
    def _le97_card_gifts_by_project(self, company):
        domain = self._le97_dashboard_gift_domain(company)
        groups = self.env["donation.donation"]._read_group(
            domain,
            ["le97_project_id"],
            [f"{AMOUNT}:sum"],
            order=f"{AMOUNT}:sum desc",
        )
        name = self.env._("Gifts of the Year by Project")
        context = self._le97_dashboard_gift_context(
            graph_groupbys=["le97_project_id"],
            pivot_row_groupby=["le97_project_id"],
            pivot_column_groupby=["donation_date:month"],
        )
        rows = self._le97_dashboard_rows(
            [
                (
                    project.display_name or self.env._("Without project"),
                    amount,
                    self._le97_dashboard_format_amount(amount, company.currency_id),
                    [("le97_project_id", "=", project.id)],
                )
                for project, amount in groups
            ],
            "donation.donation",
            name,
            domain,
            context,
        )
        return self._le97_dashboard_card(
            "gifts_by_project",
            "gifts",
            20,
            self.env._("Gifts by Project"),
            self._le97_dashboard_format_amount(
                sum(amount for _project, amount in groups), company.currency_id
            ),
            self._le97_dashboard_action(
                "donation.donation", name, domain, PIVOT_VIEWS, context
            ),
            caption=self.env._("This year"),
            rows=rows,
            chart="bars",
        )

    @api.model
    def _le97_card_gifts_by_means(self, company):
        domain = self._le97_dashboard_gift_domain(company)
        groups = self.env["donation.donation"]._read_group(
            domain,
            ["payment_method_line_id"],
            [f"{AMOUNT}:sum", "__count"],
            order=f"{AMOUNT}:sum desc",
        )
        name = self.env._("Gifts of the Year by Means of Payment")
        context = self._le97_dashboard_gift_context(
            graph_groupbys=["payment_method_line_id"],
            graph_mode="pie",
            pivot_row_groupby=["payment_method_line_id"],
            pivot_column_groupby=["donation_date:month"],
        )
        rows = self._le97_dashboard_rows(
            [
                (
                    method.display_name or self.env._("No means of payment"),
                    amount,
                    self._le97_dashboard_format_amount(amount, company.currency_id),
                    [("payment_method_line_id", "=", method.id)],
                )
                for method, amount, _count in groups
            ],
            "donation.donation",
            name,
            domain,
            context,
        )
        count = sum(count for _method, _amount, count in groups)
        return self._le97_dashboard_card(
            "gifts_by_means",
            "gifts",
            30,
            self.env._("Gifts by Means of Payment"),
            self._le97_dashboard_format_amount(
                sum(amount for _method, amount, _count in groups),
                company.currency_id,
            ),
            self._le97_dashboard_action(
                "donation.donation", name, domain, PIVOT_VIEWS, context
            ),
            caption=self.env._("%(count)s gifts this year", count=count),
            rows=rows,
            chart="bars",
        )

    @api.model
    def _le97_card_receipts_issued(self, company):
        domain = self._le97_dashboard_receipt_domain(company)
        groups = self.env["donation.tax.receipt"]._read_group(
            domain, ["type"], ["amount:sum", "__count"], order="type"
        )
        name = self.env._("Receipts Issued this Year")
        labels = dict(
            self.env["donation.tax.receipt"]
            ._fields["type"]
            ._description_selection(self.env)
        )
        context = {"group_by": ["type"]}
        rows = self._le97_dashboard_rows(
            [
                (
                    labels.get(kind, kind),
                    count,
                    self.env._(
                        "%(count)s · %(amount)s",
                        count=count,
                        amount=self._le97_dashboard_format_amount(
                            amount, company.currency_id
                        ),
                    ),
                    [("type", "=", kind)],
                )
                for kind, amount, count in groups
            ],
            "donation.tax.receipt",
            name,
            domain,
        )
        count = sum(count for _kind, _amount, count in groups)
        return self._le97_dashboard_card(
            "receipts_issued",
            "gifts",
            40,
            self.env._("Receipts Issued"),
            str(count),
            self._le97_dashboard_action(
                "donation.tax.receipt", name, domain, LIST_VIEWS, context
            ),
            caption=self.env._(
                "For %(amount)s",
                amount=self._le97_dashboard_format_amount(
                    sum(amount for _kind, amount, _count in groups),
                    company.currency_id,
                ),
            ),
            rows=rows,
        )

    @api.model
    def _le97_card_gifts_to_receipt(self, company):
        domain = self._le97_dashboard_to_receipt_domain(company)
        Donation = self.env["donation.donation"]
        groups = Donation._read_group(
            domain,
            ["tax_receipt_option"],
            ["tax_receipt_total:sum", "__count"],
            order="tax_receipt_option",
        )
        name = self.env._("Gifts still to Receipt")
        labels = dict(
            Donation._fields["tax_receipt_option"]._description_selection(self.env)
        )
        context = {"group_by": ["tax_receipt_option", "commercial_partner_id"]}
        rows = self._le97_dashboard_rows(
            [
                (
                    labels.get(option, option),
                    count,
                    self.env._(
                        "%(count)s · %(amount)s",
                        count=count,
                        amount=self._le97_dashboard_format_amount(
                            amount, company.currency_id
                        ),
                    ),
                    [("tax_receipt_option", "=", option)],
                )
                for option, amount, count in groups
            ],
            "donation.donation",
            name,
            domain,
            {"group_by": ["commercial_partner_id"]},
        )
        count = sum(count for _option, _amount, count in groups)
        return self._le97_dashboard_card(
            "gifts_to_receipt",
            "gifts",
            50,
            self.env._("Gifts still to Receipt"),
            str(count),
            self._le97_dashboard_action(
                "donation.donation", name, domain, LIST_VIEWS, context
            ),
            caption=self.env._(
                "For %(amount)s eligible",
                amount=self._le97_dashboard_format_amount(
                    sum(amount for _option, amount, _count in groups),
                    company.currency_id,
                ),
            ),
            rows=rows,
        )
