# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCurrency(models.Model):
    _inherit = "res.currency"

    le97_fixed_parity = fields.Boolean(
        string="Fixed Parity",
        help="Local currency at a fixed parity with the euro: its rate is forced "
        "to the parity set on the company, whatever rate is written or "
        "downloaded.",
    )

    @api.constrains("le97_fixed_parity", "active")
    def _check_le97_fixed_parity(self):
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("mlcc_currency_id", "in", self.ids)])
        )
        for currency in self:
            users = companies.filtered(
                lambda c, cur=currency: c.mlcc_currency_id == cur
            )
            if users and not (currency.le97_fixed_parity and currency.active):
                raise ValidationError(
                    self.env._(
                        "The currency %(currency)s is the local currency of "
                        "%(companies)s: it must stay active and at a fixed parity.",
                        currency=currency.name,
                        companies=", ".join(users.mapped("name")),
                    )
                )

    @api.model
    def _le97_parity(self, company):
        """Value of one unit of the fixed-parity currency in the company currency."""
        company = company.sudo()
        for candidate in (company, company.root_id):
            if candidate.mlcc_currency_id and candidate.mlcc_parity:
                return candidate.mlcc_parity
        return 1.0

    def _le97_fixed_rate(self, company):
        """The technical rate a fixed-parity currency must have for ``company``.

        Rates are quoted against the currency of rate 1 (the company currency,
        the euro for a French company).
        """
        return 1.0 / self._le97_parity(company)

    def _le97_set_fixed_rate(self, company):
        """Record today's fixed rate, so that the currency screens show it."""
        self.ensure_one()
        Rate = self.env["res.currency.rate"].sudo()
        root = company.root_id
        rate = self._le97_fixed_rate(company)
        existing = Rate.search(
            [("currency_id", "=", self.id), ("company_id", "=", root.id)]
        )
        if existing:
            # writing triggers the enforcement of the parity on every rate
            existing.write({"rate": rate})
        else:
            Rate.create(
                {
                    "currency_id": self.id,
                    "company_id": root.id,
                    "rate": rate,
                    "name": fields.Date.context_today(self),
                }
            )

    def _get_rates(self, company, date):
        # Whatever is stored (a rate provider, an import, SQL), a fixed-parity
        # currency converts at its parity.
        fixed = self.filtered("le97_fixed_parity")
        if not fixed:
            return super()._get_rates(company, date)
        company_currency = company.currency_id
        rates = super(ResCurrency, self | company_currency)._get_rates(company, date)
        base = rates.get(company_currency.id) or 1.0
        for currency in fixed:
            rates[currency.id] = base * currency._le97_fixed_rate(company)
        return {key: val for key, val in rates.items() if key in self.ids}
