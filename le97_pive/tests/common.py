# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.le97_base.tests.common import add_test_users


class PiveCommon(BaseCommon):
    """The main company (French chart, local currency set up) and its users."""

    @classmethod
    def setup_main_company(cls, currency_code="EUR"):
        # BaseCommon turns the main company to dollars; a French fund keeps
        # its euros (with demo data, the euro is not the currency of rate 1)
        return super().setup_main_company(currency_code=currency_code)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company._le97_pive_setup()
        cls.pive = cls.company.mlcc_currency_id
        cls.eur = cls.env.ref("base.EUR")
        cls.paper_journal = cls.company.mlcc_paper_journal_id
        cls.digital_journal = cls.company.mlcc_digital_journal_id
        add_test_users(
            cls,
            cls.company,
            user_merchant=("pive_merchant", "le97_pive.group_pive_merchant"),
            user_merchant_2=("pive_merchant_2", "le97_pive.group_pive_merchant"),
            user_treasurer=("pive_treasurer", "le97_base.group_treasurer"),
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
