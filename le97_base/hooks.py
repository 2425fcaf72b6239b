# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Give the fund's French companies the non-profit chart of accounts.

    Companies already on Odoo's French chart are upgraded in place: missing
    accounts and the contributions in kind journal are added, existing accounts
    and posted entries are kept.
    """
    companies = env["res.company"].search(
        [("chart_template", "=", "fr"), ("fund_legal_form", "!=", False)]
    )
    chart = env["account.chart.template"]
    for company in companies:
        chart._le97_install_nonprofit_chart(company)
