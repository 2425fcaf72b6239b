# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_secured(self):
        secured = self.filtered(
            lambda m: m.journal_id.le97_secured
            and (m.state == "posted" or m.posted_before or m.inalterable_hash)
        )
        if secured:
            raise UserError(
                self.env._(
                    "Entries posted in the secured journal %(journal)s cannot be "
                    "deleted: reverse them instead (%(entries)s).",
                    journal=", ".join(secured.journal_id.mapped("name")),
                    entries=", ".join(secured.mapped("name")),
                )
            )
