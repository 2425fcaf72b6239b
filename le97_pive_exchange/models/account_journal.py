# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class AccountJournal(models.Model):
    _inherit = "account.journal"

    @api.model
    def _le97_get_securable_journal_domain(self, company):
        # the entries of the exchange office (notes sold, euros remitted) are
        # hash-secured like the other journals of the local currency
        return expression.OR(
            [
                super()._le97_get_securable_journal_domain(company),
                [
                    *self._check_company_domain(company),
                    ("id", "=", company.mlcc_exchange_journal_id.id),
                ],
            ]
        )
