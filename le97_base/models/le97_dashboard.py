# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_amount, format_date, formatLang

TREASURER_GROUP = "le97_base.group_treasurer"
# the views a card opens its records in, the first one shown
CHART_VIEWS = ("graph", "pivot", "list", "form")
PIVOT_VIEWS = ("pivot", "graph", "list", "form")
LIST_VIEWS = ("list", "pivot", "form")
# a row of a card opens its records first
RECORD_VIEWS = ("list", "pivot", "graph", "form")


class Le97Dashboard(models.AbstractModel):
    """The treasurer's dashboard: figures of the year, each opening its records.

    Each addon adds the cards of what it owns by extending
    ``_le97_dashboard_cards`` (and ``_le97_dashboard_sections`` for a new
    section). A card is only given to a user who may read its records. Every
    figure comes from one grouped query (``_read_group``) on the current
    company, amounts in the company's currency.

    A card is a dict: ``key``, ``section``, ``sequence``, ``title``, ``figure``
    (the main figure, formatted), ``caption``, ``chart`` (``"columns"``,
    ``"bars"`` or ``False``), ``rows`` (``label``, ``value``, ``display``,
    ``ratio`` of the largest row, ``action``) and ``action`` (the records
    behind the card, an ``ir.actions.act_window`` dict).
    """

    _name = "le97.dashboard"
    _description = "Treasurer's Dashboard"

    @api.model
    def get_dashboard_data(self, company_id=None):
        """The sections of the dashboard of the current (or given allowed)
        company, each with the cards the user may read.

        :raise AccessError: for a user who may read none of the cards (a Pive
            merchant, an employee), or for a company the user cannot work in.
        """
        company = self._le97_dashboard_company(company_id)
        dashboard = self.with_company(company)
        cards = dashboard._le97_dashboard_cards(company)
        if not cards:
            raise AccessError(
                self.env._(
                    "The dashboard shows the fund's money and volunteering: it is "
                    "for treasurers and volunteers."
                )
            )
        sections = dashboard._le97_dashboard_sections()
        result = []
        for key, section in sorted(sections.items(), key=lambda s: s[1]["sequence"]):
            section_cards = sorted(
                (card for card in cards if card["section"] == key),
                key=lambda card: card["sequence"],
            )
            if section_cards:
                result.append(
                    {"key": key, "title": section["title"], "cards": section_cards}
                )
        start, _end = dashboard._le97_dashboard_period()
        return {
            "company": company.name,
            "year": start.year,
            "sections": result,
        }

    # -- what each addon extends ------------------------------------------------
    @api.model
    def _le97_dashboard_sections(self):
        """``{key: {"title", "sequence"}}``: the sections of the dashboard."""
        return {
            "volunteering": {"title": self.env._("Volunteering"), "sequence": 90},
        }

    @api.model
    def _le97_dashboard_cards(self, company):
        """The cards of ``company`` the user may read."""
        cards = []
        if self._le97_dashboard_can_read("le97.volunteer.hour"):
            cards.append(self._le97_card_volunteer_hours(company))
        return cards

    # -- the cards of le97_base ---------------------------------------------------
    @api.model
    def _le97_card_volunteer_hours(self, company):
        """Volunteer time of the year by project (a volunteer sees their own)."""
        Hour = self.env["le97.volunteer.hour"]
        domain = [
            ("company_id", "=", company.id),
            *self._le97_dashboard_date_domain("date"),
        ]
        groups = Hour._read_group(
            domain, ["le97_project_id"], ["hours:sum"], order="hours:sum desc"
        )
        name = self.env._("Volunteer Time of the Year")
        context = {
            "pivot_row_groupby": ["le97_project_id"],
            "pivot_column_groupby": ["date:month"],
            "pivot_measures": ["hours"],
            "graph_groupbys": ["le97_project_id"],
            "graph_measure": "hours",
        }
        rows = self._le97_dashboard_rows(
            [
                (
                    project.display_name or self.env._("Without project"),
                    hours,
                    self._le97_dashboard_format_hours(hours),
                    [("le97_project_id", "=", project.id)],
                )
                for project, hours in groups
            ],
            "le97.volunteer.hour",
            name,
            domain,
            context,
        )
        total = sum(hours for _project, hours in groups)
        return self._le97_dashboard_card(
            "volunteer_hours",
            "volunteering",
            10,
            self.env._("Volunteer Hours by Project"),
            self._le97_dashboard_format_hours(total),
            self._le97_dashboard_action(
                "le97.volunteer.hour", name, domain, PIVOT_VIEWS, context
            ),
            caption=self.env._("Given this year"),
            rows=rows,
            chart="bars",
        )

    # -- helpers for the cards of every addon -------------------------------------
    @api.model
    def _le97_dashboard_company(self, company_id=None):
        if not company_id:
            return self.env.company
        company = self.env["res.company"].browse(company_id).exists()
        if not company or company not in self.env.user.company_ids:
            raise AccessError(
                self.env._("You cannot see the dashboard of this company.")
            )
        return company

    @api.model
    def _le97_dashboard_can_read(self, model, group=None):
        """Whether the user may read ``model`` (and is in ``group``)."""
        if group and not self.env.user.has_group(group):
            return False
        return self.env[model].has_access("read")

    @api.model
    def _le97_dashboard_period(self):
        """First and last days of the current calendar year (the year of
        fiscal receipts and of the declaration of gifts)."""
        today = fields.Date.context_today(self)
        return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)

    @api.model
    def _le97_dashboard_date_domain(self, field_name):
        start, end = self._le97_dashboard_period()
        return [(field_name, ">=", start), (field_name, "<=", end)]

    @api.model
    def _le97_dashboard_action(
        self, model, name, domain, views=CHART_VIEWS, context=None
    ):
        """The records behind a figure, in Odoo's own views."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [[False, view] for view in views],
            "domain": domain,
            "context": dict(context or {}),
            "target": "current",
        }

    @api.model
    def _le97_dashboard_rows(self, items, model, name, domain, context=None):
        """Rows of a card from ``(label, value, display, extra domain)``, each
        opening its records (a list first); ``ratio`` is the value against the
        largest one."""
        largest = max((abs(value) for _label, value, *_rest in items), default=0)
        return [
            {
                "label": label,
                "value": value,
                "display": display,
                "ratio": round(abs(value) / largest, 4) if largest else 0,
                "action": self._le97_dashboard_action(
                    model,
                    self.env._("%(name)s: %(label)s", name=name, label=label),
                    [*domain, *extra_domain],
                    RECORD_VIEWS,
                    context,
                ),
            }
            for label, value, display, extra_domain in items
        ]

    @api.model
    def _le97_dashboard_card(
        self,
        key,
        section,
        sequence,
        title,
        figure,
        action,
        caption="",
        rows=None,
        chart=False,
    ):
        return {
            "key": key,
            "section": section,
            "sequence": sequence,
            "title": title,
            "figure": figure,
            "caption": caption,
            "rows": rows or [],
            "chart": chart,
            "action": action,
        }

    @api.model
    def _le97_dashboard_format_amount(self, amount, currency):
        return format_amount(self.env, amount, currency)

    @api.model
    def _le97_dashboard_format_hours(self, hours):
        return self.env._("%(hours)s h", hours=formatLang(self.env, hours, digits=1))

    @api.model
    def _le97_dashboard_month_label(self, month):
        return format_date(self.env, month, date_format="MMM")
