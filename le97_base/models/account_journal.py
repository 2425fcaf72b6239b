# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    le97_secured = fields.Boolean(
        string="Secured by Le 97",
        readonly=True,
        copy=False,
        help="Posted entries of this journal are hash-chained and can never be "
        "deleted (donations, local currency, contributions in kind).",
    )

    @api.model
    def _le97_secure_journal(self, journals):
        """Hash-chain the posted entries of ``journals`` and forbid their deletion.

        Called by the Le 97 addons on the journals of donations, of the local
        currency and of the contributions in kind.
        """
        journals = journals.sudo().filtered(
            lambda j: not (j.le97_secured and j.restrict_mode_hash_table)
        )
        if journals:
            journals.write({"restrict_mode_hash_table": True, "le97_secured": True})
        return True

    @api.model
    def _le97_get_securable_journal_domain(self, company):
        """Journals Le 97 secures on ``company``: the contributions in kind
        journal here; the other addons add theirs (local currency, gifts)."""
        return [
            *self._check_company_domain(company),
            ("id", "=", company.le97_cvn_journal_id.id),
        ]

    @api.model
    def _le97_secure_known_journals(self, companies):
        for company in companies:
            self._le97_secure_journal(
                self.search(self._le97_get_securable_journal_domain(company))
            )
        return True
