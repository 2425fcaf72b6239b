# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Make the existing charts usable for donations (see
    ``res.company._le97_donation_setup``)."""
    env["res.company"].search([("chart_template", "!=", False)])._le97_donation_setup()
