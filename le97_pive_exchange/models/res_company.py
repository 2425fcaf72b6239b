# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mlcc_exchange_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Exchange Office Journal",
        help="Journal of the entries of the exchange office: notes sold for "
        "euros and euros remitted to the local currency association.",
    )
    mlcc_exchange_buyback = fields.Boolean(
        string="Buy-backs at the Exchange Office",
        help="The local currency association allows this exchange office to buy "
        "notes back from members for euros.",
    )

    def _le97_exchange_setup(self):
        """Journal (hash-secured), safe and invariant checks of the exchange
        office (idempotent), named in the language of each company."""
        for company in self.sudo():
            lang = company.partner_id.lang
            if lang and self.env["res.lang"]._lang_get(lang):
                company = company.with_context(lang=lang)
            company._le97_exchange_setup_company()
        return True

    def _le97_exchange_setup_company(self):
        self.ensure_one()
        env = self.env
        Journal = env["account.journal"]
        Location = env["le97.pive.note.location"]
        if not self.mlcc_exchange_journal_id:
            journal = Journal.search(
                [*Journal._check_company_domain(self), ("code", "=", "CHG")],
                limit=1,
            )
            if not journal:
                journal = Journal.with_company(self).create(
                    {
                        "name": env._("Exchange Office"),
                        "code": "CHG",
                        "type": "general",
                        "company_id": self.id,
                    }
                )
            self.mlcc_exchange_journal_id = journal
        Journal._le97_secure_journal(self.mlcc_exchange_journal_id)
        if not Location.search_count(
            [("company_id", "=", self.id), ("location_type", "=", "safe")]
        ):
            Location.create(
                {
                    "name": env._("Safe"),
                    "location_type": "safe",
                    "company_id": self.id,
                }
            )
        env["le97.pive.exchange.check"]._ensure_checks(self)

    def _le97_pive_setup(self):
        res = super()._le97_pive_setup()
        self._le97_exchange_setup()
        return res
