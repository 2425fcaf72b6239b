# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DonationTaxReceiptOptionSwitch(models.TransientModel):
    _inherit = "donation.tax.receipt.option.switch"

    # declared again for its French (see donation.donation)
    new_tax_receipt_option = fields.Selection(
        selection=[("each", "For Each Donation"), ("annual", "Annual Tax Receipt")],
        string="Tax Receipt Option",
    )
