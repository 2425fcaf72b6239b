# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class PiveCommon(BaseCommon):
    """The main company (French chart, local currency set up) and its users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company._le97_pive_setup()
        cls.pive = cls.company.mlcc_currency_id
        cls.eur = cls.env.ref("base.EUR")
        cls.paper_journal = cls.company.mlcc_paper_journal_id
        cls.digital_journal = cls.company.mlcc_digital_journal_id
        company_ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.user_merchant = new_test_user(
            cls.env,
            login="pive_merchant",
            groups="le97_base.group_pive_merchant",
            **company_ctx,
        )
        cls.user_merchant_2 = new_test_user(
            cls.env,
            login="pive_merchant_2",
            groups="le97_base.group_pive_merchant",
            **company_ctx,
        )
        cls.user_treasurer = new_test_user(
            cls.env,
            login="pive_treasurer",
            groups="le97_base.group_treasurer",
            **company_ctx,
        )

    def assertMoveLines(self, move, expected):
        """Compare a move's lines to ``[(account, debit, credit, amount_currency)]``."""
        got = sorted(
            (line.account_id.code, line.debit, line.credit, line.amount_currency)
            for line in move.line_ids
        )
        want = sorted(
            (account.code, debit, credit, amount_currency)
            for account, debit, credit, amount_currency in expected
        )
        self.assertEqual(got, want)

    @classmethod
    def _le97_payment(cls, amount, medium="paper", purpose="purpose_bar", **vals):
        return cls.env["le97.pive.payment"].create(
            {
                "amount": amount,
                "medium": medium,
                "purpose_id": cls.env.ref(f"le97_pive.{purpose}").id,
                **vals,
            }
        )

    def _move_count(self):
        return self.env["account.move"].sudo().search_count([])
