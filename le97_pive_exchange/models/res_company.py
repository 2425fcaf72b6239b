# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# pylint: disable=consider-merging-classes-inherited
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
        """Journal, safe and invariant checks of the exchange office."""
        Journal = self.env["account.journal"]
        Location = self.env["le97.pive.note.location"]
        Check = self.env["le97.pive.exchange.check"]
        for company in self:
            if not company.mlcc_exchange_journal_id:
                journal = Journal.search(
                    [*Journal._check_company_domain(company), ("code", "=", "CHG")],
                    limit=1,
                )
                if not journal:
                    journal = Journal.with_company(company).create(
                        {
                            "name": self.env._("Exchange Office"),
                            "code": "CHG",
                            "type": "general",
                            "company_id": company.id,
                        }
                    )
                company.mlcc_exchange_journal_id = journal
            if not Location.search_count(
                [("company_id", "=", company.id), ("location_type", "=", "safe")]
            ):
                Location.create(
                    {
                        "name": self.env._("Safe"),
                        "location_type": "safe",
                        "company_id": company.id,
                    }
                )
            Check._ensure_checks(company)

    def _le97_pive_setup(self):
        res = super()._le97_pive_setup()
        for company in self.sudo():
            lang = company.partner_id.lang
            if lang and self.env["res.lang"]._lang_get(lang):
                company = company.with_context(lang=lang)
            company._le97_exchange_setup()
        return res
