# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: le97_donation no longer depends on the local currency.

What it did for the Pive (a gift recorded at a counter becomes a donation, the
Pive means of payment, the setting for receipts of gifts in Pive) is the bridge
``le97_donation_pive``. Odoo installs a new auto-install addon only when one of
its dependencies is being installed, never on an upgrade: it is marked for
installation here when the local currency is installed, so that it comes in the
same run and takes over the fields, the gift product and the anonymous donor
(its install hooks adopt the records made at run time before).
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_module_module
           SET state = 'to install'
         WHERE name = 'le97_donation_pive'
           AND state = 'uninstalled'
           AND EXISTS (
               SELECT 1 FROM ir_module_module
                WHERE name = 'le97_pive'
                  AND state IN ('installed', 'to upgrade', 'to install')
           )
        """
    )
