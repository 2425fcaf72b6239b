# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Drop the contact rules of 18.0.1.2.0.

le97_pive now owns the merchants' contact rule (le97_donation only narrows its
domain to hide donors) and the treasurers' one. The old merchant rule would add
up with the new one (group rules are OR'ed) and let merchants read every
non-donor contact again.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in (
        "le97_donation.res_partner_rule_pive_merchant_no_donor",
        "le97_donation.res_partner_rule_treasurer_all",
    ):
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.unlink()
