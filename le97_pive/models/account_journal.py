# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression


class AccountJournal(models.Model):
    _inherit = "account.journal"

    le97_whole_units = fields.Boolean(
        string="Whole Units Only",
        help="Paper notes have no cents: amounts posted on the cash account of "
        "this journal must be whole units of its currency.",
    )

    @api.model
    def _le97_get_securable_journal_domain(self, company):
        # the notes and digital journals of the local currency are hash-secured
        journals = company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
        return expression.OR(
            [
                super()._le97_get_securable_journal_domain(company),
                [
                    *self._check_company_domain(company),
                    ("id", "in", journals.ids),
                ],
            ]
        )
