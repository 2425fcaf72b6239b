# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Set up the exchange office of every company where the local currency is.

    ``le97_pive`` set the local currency up when it was installed; companies
    that get the French chart later are set up by ``_le97_pive_setup``.
    """
    companies = env["res.company"].search([])
    companies.filtered(lambda c: c._le97_pive_is_applicable())._le97_exchange_setup()
