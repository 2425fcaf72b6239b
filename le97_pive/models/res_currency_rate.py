# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

RATE_FIELDS = ("rate", "company_rate", "inverse_company_rate")


class ResCurrencyRate(models.Model):
    _inherit = "res.currency.rate"

    def _le97_target_rate(self, currency, company, date):
        company = company or self.env.company.root_id
        return currency._le97_fixed_rate(company, date)

    def _le97_force_vals(self, vals, currency, company, date):
        """Replace any rate in ``vals`` by the fixed parity of ``currency``."""
        vals = {key: val for key, val in vals.items() if key not in RATE_FIELDS}
        vals["rate"] = self._le97_target_rate(currency, company, date)
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
                date = vals.get("name") or fields.Date.context_today(self)
                vals = self._le97_force_vals(vals, currency.sudo(), company, date)
            new_vals_list.append(vals)
        rates = super().create(new_vals_list)
        rates._le97_sync_fixed_rates()
        return rates

    def write(self, vals):
        fixed = self.filtered(lambda r: r.currency_id.sudo().le97_fixed_parity)
        if not fixed or not (
            set(vals) & set(RATE_FIELDS)
            or {"currency_id", "company_id", "name"} & set(vals)
        ):
            res = super().write(vals)
            self._le97_sync_fixed_rates()
            return res
        res = super(ResCurrencyRate, self - fixed).write(vals) if self - fixed else True
        # one write per currency, company and day: they decide the forced rate
        groups = fixed.grouped(
            lambda r: (
                vals.get("currency_id", r.currency_id.id),
                vals.get("company_id", r.company_id.id),
                fields.Date.to_date(vals.get("name", r.name)),
            )
        )
        for (currency_id, company_id, date), rates in groups.items():
            currency = self.env["res.currency"].browse(currency_id)
            company = self.env["res.company"].browse(company_id)
            super(ResCurrencyRate, rates).write(
                self._le97_force_vals(vals, currency.sudo(), company, date)
            )
        (self - fixed)._le97_sync_fixed_rates()
        return res

    def unlink(self):
        anchor = self.env["res.currency"]._le97_anchor_currency()
        companies = self.filtered(lambda r: r.currency_id == anchor).company_id
        res = super().unlink()
        self._le97_sync_fixed_rates(companies)
        return res

    def _le97_sync_fixed_rates(self, companies=None):
        """A new, changed or deleted euro rate moves the stored rates of the
        fixed-parity currencies of the same companies, so that their screens
        keep showing the parity (conversions never depend on them)."""
        if companies is None:
            anchor = self.env["res.currency"]._le97_anchor_currency()
            changed = self.filtered(lambda r: r.currency_id == anchor)
            if not changed:
                return
            companies = changed.company_id
        fixed_rates = (
            self.env["res.currency.rate"]
            .sudo()
            .search(
                [
                    ("currency_id.le97_fixed_parity", "=", True),
                    ("company_id", "in", [False, *companies.root_id.ids]),
                ]
            )
        )
        # a write with a rate field forces each rate to the target of its day
        fixed_rates.write({"rate": 1.0})

    @api.constrains("rate", "currency_id", "company_id", "name")
    def _check_le97_fixed_parity(self):
        for rate in self:
            currency = rate.currency_id.sudo()
            if not currency.le97_fixed_parity:
                continue
            expected = self._le97_target_rate(currency, rate.company_id, rate.name)
            if float_compare(rate.rate, expected, precision_digits=6):
                raise ValidationError(
                    self.env._(
                        "%(currency)s is at a fixed parity: its rate cannot be "
                        "changed.",
                        currency=currency.name,
                    )
                )
