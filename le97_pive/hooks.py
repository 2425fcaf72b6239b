# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Set up the local currency of every French company with a chart."""
    companies = env["res.company"].search([])
    companies.filtered(lambda c: c._le97_pive_is_applicable())._le97_pive_setup()
