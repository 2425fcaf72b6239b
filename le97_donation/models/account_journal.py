# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

GIFT_JOURNAL_TYPES = ("bank", "cash")


class AccountJournal(models.Model):
    _inherit = "account.journal"

    @api.model
    def _le97_get_gift_journal_domain(self):
        """Bank and cash journals that receive gifts: a payment method of
        theirs is offered on donations."""
        return [
            ("type", "in", GIFT_JOURNAL_TYPES),
            ("inbound_payment_method_line_ids.donation", "=", True),
        ]

    @api.model
    def _le97_get_securable_journal_domain(self, company):
        # the journals that receive gifts are hash-secured
        return expression.OR(
            [
                super()._le97_get_securable_journal_domain(company),
                [
                    *self._check_company_domain(company),
                    *self._le97_get_gift_journal_domain(),
                ],
                [("id", "=", company.le97_volunteer_expense_journal_id.id)],
            ]
        )

    @api.model
    def _le97_secure_gift_journals(self):
        """Hash-secure every journal that receives gifts (at install and
        update, idempotent)."""
        return self._le97_secure_journal(
            self.sudo()
            .with_context(active_test=False)
            .search(self._le97_get_gift_journal_domain())
        )

    def _le97_donation_method_line(self, preferred=None):
        """The inbound payment method of the journal that takes gifts: the one
        marked for donations (among ``preferred`` first, such as a payment
        provider's own methods), else the first one, marked then (a journal
        made by hand or by another app after the set-up), the journal then
        hash-secured like every journal that receives gifts. Used by the
        bridges that turn money received elsewhere into donations."""
        self.ensure_one()
        journal = self.sudo()
        lines = journal.inbound_payment_method_line_ids
        preferred = (preferred or lines.browse()).sudo() & lines
        line = (preferred.filtered("donation") or lines.filtered("donation"))[:1]
        if not line and lines:
            line = (preferred or lines)[:1]
            line.donation = True
            self._le97_secure_journal(journal)
        return line
