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
        """Value of one unit of the fixed-parity currency in euros."""
        company = company.sudo()
        for candidate in (company, company.root_id):
            if candidate.mlcc_currency_id and candidate.mlcc_parity:
                return candidate.mlcc_parity
        return 1.0

    @api.model
    def _le97_anchor_currency(self):
        """The currency a fixed parity is quoted against: the euro.

        Not the company currency: rates are quoted against the currency of
        rate 1, which is not the euro on every database (Odoo's demo data
        quote the euro at 1.2834 against the dollar).
        """
        return self.env.ref("base.EUR")

    def _le97_fixed_rate(self, company, date=None):
        """The rate a fixed-parity currency must have for ``company`` on
        ``date``: the euro's rate divided by the parity, so that one unit is
        worth the parity in euros whatever the euro's own rate."""
        anchor = self._le97_anchor_currency()
        date = date or fields.Date.context_today(self)
        anchor_rate = anchor._get_rates(company.sudo(), date).get(anchor.id) or 1.0
        return anchor_rate / self._le97_parity(company)

    def _le97_set_fixed_rate(self, company):
        """Record the fixed rate, so that the currency screens show the parity."""
        self.ensure_one()
        Rate = self.env["res.currency.rate"].sudo()
        root = company.root_id
        existing = Rate.search(
            [("currency_id", "=", self.id), ("company_id", "=", root.id)]
        )
        if existing:
            # writing forces every rate to the parity of its date
            existing.write({"rate": 1.0})
        else:
            Rate.create(
                {
                    "currency_id": self.id,
                    "company_id": root.id,
                    "rate": 1.0,
                    "name": fields.Date.context_today(self),
                }
            )

    def _get_rates(self, company, date):
        # Whatever is stored (a rate provider, an import, SQL), a fixed-parity
        # currency converts at its parity with the euro.
        fixed = self.filtered("le97_fixed_parity")
        if not fixed:
            return super()._get_rates(company, date)
        anchor = self._le97_anchor_currency()
        rates = super(ResCurrency, (self - fixed) | anchor)._get_rates(company, date)
        anchor_rate = rates.get(anchor.id) or 1.0
        for currency in fixed:
            rates[currency.id] = anchor_rate / currency._le97_parity(company)
        return {key: val for key, val in rates.items() if key in self.ids}
