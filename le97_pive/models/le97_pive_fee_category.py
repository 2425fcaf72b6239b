# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class Le97PiveFeeCategory(models.Model):
    _name = "le97.pive.fee.category"
    _description = "Reconversion Fee Category of Merchants"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee_rate = fields.Float(
        string="Fee (%)",
        digits=(5, 2),
        help="Percentage of the reconverted amount kept by the association.",
    )
    fee_fixed = fields.Monetary(
        string="Fixed Fee",
        currency_field="currency_id",
        help="Fixed amount kept on each reconversion.",
    )

    @api.constrains("fee_rate", "fee_fixed")
    def _check_fee(self):
        for category in self:
            if not 0 <= category.fee_rate <= 100 or category.fee_fixed < 0:
                raise ValidationError(
                    self.env._(
                        "The fee of category %(category)s must be a rate between "
                        "0 and 100 %% and a positive fixed amount.",
                        category=category.name,
                    )
                )

    @api.model
    def _le97_fee(self, amount, rate, fixed, currency):
        """Fee of ``rate`` % plus ``fixed`` on ``amount``, never more than it."""
        fee = amount * rate / 100.0 + fixed
        return currency.round(min(fee, amount))

    def _compute_fee(self, amount):
        """Fee of this category on ``amount`` (never more than the amount)."""
        self.ensure_one()
        return self._le97_fee(amount, self.fee_rate, self.fee_fixed, self.currency_id)
