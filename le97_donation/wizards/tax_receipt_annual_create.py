# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError


class TaxReceiptAnnualCreate(models.TransientModel):
    """The OCA annual wizard stays for comparison (bench/) but, like the Le 97
    yearly batch that replaces it in the menu, only a receipts administrator
    runs it."""

    _inherit = "tax.receipt.annual.create"

    def generate_annual_receipts(self):
        if not (
            self.env.su or self.env.user.has_group("le97_base.group_receipt_admin")
        ):
            raise AccessError(
                self.env._("Only a receipts administrator issues the yearly receipts.")
            )
        return super().generate_annual_receipts()
