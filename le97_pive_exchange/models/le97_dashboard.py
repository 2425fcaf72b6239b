# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import formatLang

from odoo.addons.le97_base.models.le97_dashboard import PIVOT_VIEWS, TREASURER_GROUP


class Le97Dashboard(models.AbstractModel):
    """The exchange office's note stock on the treasurer's dashboard."""

    _inherit = "le97.dashboard"

    @api.model
    def _le97_dashboard_cards(self, company):
        cards = super()._le97_dashboard_cards(company)
        if self._le97_dashboard_can_read("le97.pive.note.quant", TREASURER_GROUP):
            cards.append(self._le97_card_note_stock(company))
        return cards

    @api.model
    def _le97_dashboard_format_notes(self, amount, company):
        """Notes entrusted by the association, counted in its currency (whole
        notes: no cents)."""
        currency = company.mlcc_currency_id
        figure = formatLang(self.env, amount, digits=0)
        if not currency:
            return figure
        if currency.position == "before":
            return f"{currency.symbol}\N{NO-BREAK SPACE}{figure}"
        return f"{figure}\N{NO-BREAK SPACE}{currency.symbol}"

    @api.model
    def _le97_card_note_stock(self, company):
        """Notes in stock at the exchange office by denomination, every
        location (safe and counters) together."""
        domain = [("company_id", "=", company.id), ("quantity", "!=", 0)]
        groups = self.env["le97.pive.note.quant"]._read_group(
            domain, ["denomination_id"], ["quantity:sum", "amount:sum"]
        )
        name = self.env._("Notes in Stock at the Exchange Office")
        context = {
            "pivot_row_groupby": ["denomination_id"],
            "pivot_column_groupby": ["location_id"],
            "pivot_measures": ["quantity", "amount"],
            "graph_groupbys": ["denomination_id"],
            "graph_measure": "amount",
        }
        rows = self._le97_dashboard_rows(
            [
                (
                    denomination.display_name,
                    amount,
                    self.env._(
                        "%(notes)s notes · %(amount)s",
                        notes=quantity,
                        amount=self._le97_dashboard_format_notes(amount, company),
                    ),
                    [("denomination_id", "=", denomination.id)],
                )
                for denomination, quantity, amount in groups
            ],
            "le97.pive.note.quant",
            name,
            domain,
            context,
        )
        notes = sum(quantity for _denomination, quantity, _amount in groups)
        return self._le97_dashboard_card(
            "note_stock",
            "pive",
            30,
            self.env._("Note Stock at the Exchange Office"),
            self._le97_dashboard_format_notes(
                sum(amount for _denomination, _quantity, amount in groups), company
            ),
            self._le97_dashboard_action(
                "le97.pive.note.quant", name, domain, PIVOT_VIEWS, context
            ),
            caption=self.env._(
                "%(notes)s notes entrusted by %(association)s",
                notes=notes,
                association=company.mlcc_name or self.env._("the association"),
            ),
            rows=rows,
            chart="bars",
        )
