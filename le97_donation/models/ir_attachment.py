# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_receipt_original(self):
        receipts = (
            self.env["donation.tax.receipt"]
            .sudo()
            .search([("le97_pdf_attachment_id", "in", self.ids)])
        )
        if receipts:
            raise UserError(
                self.env._(
                    "The original PDF of the fiscal receipts %(numbers)s is kept "
                    "with them and cannot be deleted.",
                    numbers=", ".join(receipts.mapped("number")),
                )
            )
