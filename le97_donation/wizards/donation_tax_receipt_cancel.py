# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class DonationTaxReceiptCancel(models.TransientModel):
    _name = "donation.tax.receipt.cancel"
    _description = "Cancel Fiscal Receipts"

    receipt_ids = fields.Many2many(
        "donation.tax.receipt", string="Receipts", required=True
    )
    reason = fields.Text(required=True)
    replace = fields.Boolean(
        string="Issue a Replacement",
        help="Issue a new receipt, with a new number, from the current data of "
        "the donor and of the donations; it points back to the cancelled one.",
    )

    def action_confirm(self):
        self.ensure_one()
        receipts = self.receipt_ids
        if receipts.filtered(lambda r: r.state != "issued"):
            raise UserError(self.env._("Only issued receipts can be cancelled."))
        receipts._le97_cancel(self.reason)
        if not self.replace:
            return {"type": "ir.actions.act_window_close"}
        replacements = receipts._le97_replace()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Replacement Receipts"),
            "res_model": "donation.tax.receipt",
            "view_mode": "list,form",
            "domain": [("id", "in", replacements.ids)],
        }
        if len(replacements) == 1:
            action.update(view_mode="form", res_id=replacements.id)
        return action
