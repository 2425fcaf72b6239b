# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """The payment methods of the local currency for every company whose
    local currency is set up, added to its points of sale without an open
    session (the other companies get them when le97_pive sets them up)."""
    companies = env["res.company"].search([("mlcc_paper_journal_id", "!=", False)])
    configs = env["pos.config"].search(
        [("company_id", "in", companies.ids)], order="id"
    )
    companies._le97_pive_pos_setup(configs=configs)
