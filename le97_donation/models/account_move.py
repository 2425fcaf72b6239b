# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_gift_entry(self):
        """The entry of a gift is kept with it (LPF L. 102 E): cancelling the
        gift reverses it."""
        donations = (
            self.env["donation.donation"].sudo().search([("move_id", "in", self.ids)])
        )
        if donations:
            raise UserError(
                self.env._(
                    "The journal entries %(entries)s are those of the donations "
                    "%(donations)s: they are kept with them (LPF L. 102 E). "
                    "Cancelling a donation reverses its entry.",
                    entries=", ".join(donations.move_id.mapped("name")),
                    donations=", ".join(donations.mapped("display_name")),
                )
            )
