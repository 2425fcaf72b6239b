# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.le97_base.models.le97_dashboard import (
    LIST_VIEWS,
    PIVOT_VIEWS,
    TREASURER_GROUP,
)


class Le97Dashboard(models.AbstractModel):
    """The local currency on the treasurer's dashboard: the Pives the fund
    holds and the euros it owes to the local currency association."""

    _inherit = "le97.dashboard"

    @api.model
    def _le97_dashboard_sections(self):
        sections = super()._le97_dashboard_sections()
        sections["pive"] = {"title": self.env._("Local Currency"), "sequence": 20}
        return sections

    @api.model
    def _le97_dashboard_cards(self, company):
        cards = super()._le97_dashboard_cards(company)
        if self._le97_dashboard_can_read("le97.pive.balance.report", TREASURER_GROUP):
            cards.append(self._le97_card_pive_held(company))
        if self._le97_dashboard_can_read("account.move.line", TREASURER_GROUP):
            cards.append(self._le97_card_pive_owed(company))
        return cards

    @api.model
    def _le97_dashboard_pive_owed_domain(self, company):
        """The posted items of the exchange office's third-party account
        (4671): euros collected for the association, less those remitted."""
        return [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("account_id", "=", company.mlcc_exchange_account_id.id),
        ]

    @api.model
    def _le97_card_pive_held(self, company):
        """Notes in the cash box (5305) and digital Pives in the wallet (5175)
        at today, valued in the company's currency."""
        Report = self.env["le97.pive.balance.report"]
        domain = [
            ("company_id", "=", company.id),
            ("kind", "in", ("paper", "digital")),
        ]
        groups = Report._read_group(
            domain, ["kind"], ["balance:sum"], order="kind desc"
        )
        labels = dict(Report._fields["kind"]._description_selection(self.env))
        name = self.env._("Local Currency Held")
        context = {
            "pivot_row_groupby": ["kind"],
            "pivot_column_groupby": ["date:month"],
            "pivot_measures": ["balance"],
            "graph_groupbys": ["date:month", "kind"],
            "graph_measure": "balance",
            "graph_mode": "line",
            "graph_cumulated": True,
        }
        rows = self._le97_dashboard_rows(
            [
                (
                    labels.get(kind, kind),
                    balance,
                    self._le97_dashboard_format_amount(balance, company.currency_id),
                    [("kind", "=", kind)],
                )
                for kind, balance in groups
            ],
            "le97.pive.balance.report",
            name,
            domain,
            context,
        )
        return self._le97_dashboard_card(
            "pive_held",
            "pive",
            10,
            self.env._("Local Currency Held"),
            self._le97_dashboard_format_amount(
                sum(balance for _kind, balance in groups), company.currency_id
            ),
            self._le97_dashboard_action(
                "le97.pive.balance.report", name, domain, PIVOT_VIEWS, context
            ),
            caption=self.env._(
                "%(currency)s in notes and digital, today",
                currency=company.mlcc_name or self.env._("Local currency"),
            ),
            rows=rows,
            chart="bars",
        )

    @api.model
    def _le97_card_pive_owed(self, company):
        domain = self._le97_dashboard_pive_owed_domain(company)
        [(balance, debit, credit)] = self.env["account.move.line"]._read_group(
            domain, [], ["balance:sum", "debit:sum", "credit:sum"]
        )
        name = self.env._("Euros Owed to the Local Currency Association")
        rows = self._le97_dashboard_rows(
            [
                (
                    self.env._("Collected at the exchange office"),
                    credit or 0.0,
                    self._le97_dashboard_format_amount(
                        credit or 0.0, company.currency_id
                    ),
                    [("credit", ">", 0)],
                ),
                (
                    self.env._("Remitted"),
                    debit or 0.0,
                    self._le97_dashboard_format_amount(
                        debit or 0.0, company.currency_id
                    ),
                    [("debit", ">", 0)],
                ),
            ],
            "account.move.line",
            name,
            domain,
        )
        if not credit and not debit:
            rows = []
        return self._le97_dashboard_card(
            "pive_owed",
            "pive",
            20,
            self.env._("Euros Owed to %(association)s", association=company.mlcc_name)
            if company.mlcc_name
            else name,
            self._le97_dashboard_format_amount(-(balance or 0.0), company.currency_id),
            self._le97_dashboard_action("account.move.line", name, domain, LIST_VIEWS),
            caption=self.env._(
                "Balance of %(account)s",
                account=company.mlcc_exchange_account_id.display_name
                or self.env._("the exchange office account"),
            ),
            rows=rows,
            chart="bars",
        )
