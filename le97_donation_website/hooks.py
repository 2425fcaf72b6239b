# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """The online gifts' product gets the gift account of each company."""
    env["res.company"].search([("chart_template", "!=", False)])._le97_donation_setup()
