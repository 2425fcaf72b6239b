# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import float_is_zero


class PosPayment(models.Model):
    _inherit = "pos.payment"

    @api.constrains("amount", "payment_method_id")
    def _check_le97_whole_notes(self):
        """Pive notes have no cents: the cents and the change are in euros."""
        for payment in self:
            if payment.payment_method_id.le97_pive_medium != "paper":
                continue
            if not float_is_zero(
                payment.amount - round(payment.amount), precision_digits=6
            ):
                raise ValidationError(
                    self.env._(
                        "%(method)s takes whole notes only: %(amount)s cannot be "
                        "paid in notes (there are no cents). Pay the cents in "
                        "euros; the change is given in euros.",
                        method=payment.payment_method_id.name,
                        amount=payment.amount,
                    )
                )
