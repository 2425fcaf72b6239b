# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class Le97ExpenseClaimRefuse(models.TransientModel):
    _name = "le97.expense.claim.refuse"
    _description = "Refuse an Expense Claim"

    claim_ids = fields.Many2many("le97.expense.claim", string="Expense Claims")
    reason = fields.Text(required=True)

    def action_refuse(self):
        self.ensure_one()
        self.claim_ids.action_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
