# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class DonationTaxReceiptOptionSwitch(models.TransientModel):
    _inherit = "donation.tax.receipt.option.switch"

    # declared again for its French (see donation.donation)
    new_tax_receipt_option = fields.Selection(
        selection=[("each", "For Each Donation"), ("annual", "Annual Tax Receipt")],
        string="Tax Receipt Option",
    )

    def switch(self):
        """A plain income (a donation of non-gifts) never switches to a
        receipt: refused with the lines that are not gifts."""
        self.ensure_one()
        problems = self.donation_id._le97_non_gift_option_problems()
        if problems:
            raise UserError(
                self.env._(
                    "The donation cannot ask for a fiscal receipt:\n%(errors)s",
                    errors="\n".join(f"- {problem}" for problem in problems),
                )
            )
        return super().switch()
