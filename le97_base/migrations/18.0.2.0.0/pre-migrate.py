# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: le97_base keeps the fund, its groups, chart and volunteers.

What it held for the local currency now belongs to ``le97_pive``: the Pive
merchant group (its users keep it), the merchants' screen and the demo
merchant and association. Their
xml ids change owner here, before this module's data is loaded, so that
nothing is deleted and recreated.
"""

MOVED_TO_PIVE = (
    "group_pive_merchant",
    "res_partner_demo_merchant",
    "res_partner_demo_la_pive",
    "res_partner_merchant_action",
    "res_partner_merchant_menu",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET module = 'le97_pive'
         WHERE module = 'le97_base'
           AND name IN %s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data d
                WHERE d.module = 'le97_pive' AND d.name = ir_model_data.name
           )
        """,
        (MOVED_TO_PIVE,),
    )
