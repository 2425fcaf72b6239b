# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.base.tests.common import BaseCommon


class Le97BooksCommon(BaseCommon):
    """A French company on the non-profit chart of accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a French fund: French is active (a database may have English only),
        # so that the chart's French names load with it
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.company = cls.env["res.company"].create(
            {
                "name": "Fonds de dotation comptable",
                "country_id": cls.env.ref("base.fr").id,
                "currency_id": cls.env.ref("base.EUR").id,
                "fund_siren": "732829320",
            }
        )
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)
        cls.env["account.chart.template"].try_loading(
            "fr_asso", cls.company, install_demo=False
        )
        cls.general_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "general")], limit=1
        )
        cls.bank_account = cls.account("512")

    @classmethod
    def account(cls, code):
        """The company's account whose code starts with ``code``."""
        return cls.env["account.account"].search(
            [("company_ids", "=", cls.company.id), ("code", "=like", f"{code}%")],
            order="code",
            limit=1,
        )

    @classmethod
    def post_entry(cls, date, debit_account, credit_account, amount):
        move = cls.env["account.move"].create(
            {
                "journal_id": cls.general_journal.id,
                "date": date,
                "line_ids": [
                    Command.create({"account_id": debit_account.id, "debit": amount}),
                    Command.create({"account_id": credit_account.id, "credit": amount}),
                ],
            }
        )
        move.action_post()
        return move
