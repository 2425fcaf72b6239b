# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TaxReceiptAnnualCreate(models.TransientModel):
    """The OCA annual wizard stays for comparison (bench/) but, like the Le 97
    yearly batch that replaces it in the menu, only a receipts administrator
    runs it. Its receipts are dated the day they are issued, and each
    covers the gifts of one calendar year."""

    _inherit = "tax.receipt.annual.create"

    def generate_annual_receipts(self):
        self.env["donation.tax.receipt"]._le97_check_receipt_admin(
            self.env._("Only a receipts administrator issues the yearly receipts.")
        )
        # OCA creates each receipt itself: as superuser, once the role is
        # checked, like every issuing path (donation.tax.receipt._le97_issue)
        return super(TaxReceiptAnnualCreate, self.sudo()).generate_annual_receipts()
