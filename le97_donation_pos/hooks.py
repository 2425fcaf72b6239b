# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """The gift product of the Point of Sale books on each fund's gift
    account (le97_donation's set-up, extended here)."""
    env["res.company"].search([])._le97_donation_setup()
