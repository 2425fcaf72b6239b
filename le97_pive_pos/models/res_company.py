# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _le97_pive_setup(self):
        res = super()._le97_pive_setup()
        self._le97_pive_pos_setup()
        return res

    def _le97_pive_pos_method_names(self):
        self.ensure_one()
        symbol = self.mlcc_currency_symbol or self.mlcc_currency_code or "Pive"
        return {
            "paper": self.env._("%(symbol)s notes", symbol=symbol),
            "digital": self.env._("Digital %(symbol)s", symbol=symbol),
        }

    def _prepare_le97_pive_pos_method_vals(self, medium):
        """Values of the POS payment method of the local currency ``medium``:
        its journal, and the Pive cash account of the journal as outstanding
        account (the closing debits it directly, no bank reconciliation)."""
        self.ensure_one()
        journal = self._le97_pive_journal(medium)
        return {
            "name": self._le97_pive_pos_method_names()[medium],
            "company_id": self.id,
            "journal_id": journal.id,
            "le97_pive_medium": medium,
            "outstanding_account_id": journal.default_account_id.id,
        }

    def _le97_pive_pos_setup(self, configs=None):
        """The two POS payment methods of the local currency (idempotent):
        found by their medium, or created. Added to ``configs`` (the points of
        sale of the company without an open session, when the addon is
        installed; the notes to the first of them only). Returns the
        methods."""
        Method = self.env["pos.payment.method"].sudo()
        methods = Method
        for company in self.sudo():
            if not (company.mlcc_paper_journal_id and company.mlcc_digital_journal_id):
                continue
            lang = company.partner_id.lang
            if lang and self.env["res.lang"]._lang_get(lang):
                company = company.with_context(lang=lang)
            existing = Method.with_context(active_test=False).search(
                [("company_id", "=", company.id), ("le97_pive_medium", "!=", False)]
            )
            missing = [
                medium
                for medium in ("paper", "digital")
                if medium not in existing.mapped("le97_pive_medium")
            ]
            created = Method.with_company(company).create(
                [company._prepare_le97_pive_pos_method_vals(m) for m in missing]
            )
            methods |= existing | created
            if configs is None:
                continue
            company_methods = existing | created
            for config in configs.filtered(lambda c, co=company: c.company_id == co):
                if (
                    config.current_session_id
                    or config.currency_id != company.currency_id
                ):
                    continue
                # Odoo takes a method of a cash journal (the Pive notes') in
                # one point of sale only: the first one gets it
                taken = (
                    self.env["pos.config"]
                    .search(
                        [
                            ("id", "!=", config.id),
                            ("payment_method_ids", "in", company_methods.ids),
                        ]
                    )
                    .payment_method_ids
                )
                to_link = company_methods.filtered(
                    lambda m, t=taken: m.journal_id.type != "cash" or m not in t
                )
                config.payment_method_ids = [Command.link(m.id) for m in to_link]
        return methods
