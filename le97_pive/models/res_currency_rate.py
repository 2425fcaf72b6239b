# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

RATE_FIELDS = ("rate", "company_rate", "inverse_company_rate")


class ResCurrencyRate(models.Model):
    _inherit = "res.currency.rate"

    def _le97_target_rate(self, currency, company):
        company = company or self.env.company
        return currency._le97_fixed_rate(company)

    def _le97_force_vals(self, vals, currency, company):
        """Replace any rate in ``vals`` by the fixed parity of ``currency``."""
        vals = {key: val for key, val in vals.items() if key not in RATE_FIELDS}
        vals["rate"] = self._le97_target_rate(currency, company)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        Currency = self.env["res.currency"]
        Company = self.env["res.company"]
        new_vals_list = []
        for vals in vals_list:
            currency = Currency.browse(
                vals.get("currency_id") or self.env.context.get("default_currency_id")
            )
            if currency.exists() and currency.sudo().le97_fixed_parity:
                company = Company.browse(vals.get("company_id")) or (
                    self.env.company.root_id
                )
                vals = self._le97_force_vals(vals, currency.sudo(), company)
            new_vals_list.append(vals)
        return super().create(new_vals_list)

    def write(self, vals):
        fixed = self.filtered(lambda r: r.currency_id.sudo().le97_fixed_parity)
        if not fixed or not (
            set(vals) & set(RATE_FIELDS) or {"currency_id", "company_id"} & set(vals)
        ):
            return super().write(vals)
        res = super(ResCurrencyRate, self - fixed).write(vals) if self - fixed else True
        # one write per currency and company: they decide the forced rate
        groups = fixed.grouped(
            lambda r: (
                vals.get("currency_id", r.currency_id.id),
                vals.get("company_id", r.company_id.id),
            )
        )
        for (currency_id, company_id), rates in groups.items():
            currency = self.env["res.currency"].browse(currency_id)
            company = self.env["res.company"].browse(company_id)
            super(ResCurrencyRate, rates).write(
                self._le97_force_vals(vals, currency.sudo(), company)
            )
        return res

    @api.constrains("rate", "currency_id", "company_id")
    def _check_le97_fixed_parity(self):
        for rate in self:
            currency = rate.currency_id.sudo()
            if not currency.le97_fixed_parity:
                continue
            expected = self._le97_target_rate(currency, rate.company_id)
            if float_compare(rate.rate, expected, precision_digits=6):
                raise ValidationError(
                    self.env._(
                        "%(currency)s is at a fixed parity: its rate cannot be "
                        "changed.",
                        currency=currency.name,
                    )
                )
