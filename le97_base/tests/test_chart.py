# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .books_common import Le97BooksCommon

EXPECTED_ACCOUNTS = {
    "102300": "equity",
    "108000": "equity",
    "108100": "equity",
    "194000": "liability_non_current",
    "195000": "liability_non_current",
    "196000": "liability_non_current",
    "468100": "liability_current",
    "511200": "asset_current",
    "531000": "asset_cash",
    "689600": "expense",
    "789600": "income",
    "706000": "income",
    "707000": "income",
    "754000": "income",
    "754100": "income",
    "754110": "income",
    "754120": "income",
    "754130": "income",
    "754200": "income",
    "754300": "income",
    "756000": "income",
    "756100": "income",
    "756200": "income",
    "860000": "off_balance",
    "861000": "off_balance",
    "862000": "off_balance",
    "864000": "off_balance",
    "870000": "off_balance",
    "871000": "off_balance",
    "875000": "off_balance",
}


def accounts_by_code(env, company):
    accounts = env["account.account"].search([("company_ids", "=", company.id)])
    return {account.code: account for account in accounts}


@tagged("post_install", "-at_install")
class TestNonProfitChart(Le97BooksCommon):
    def test_fresh_company_accounts_and_types(self):
        self.assertEqual(self.company.chart_template, "fr_asso")
        accounts = accounts_by_code(self.env, self.company)
        for code, account_type in EXPECTED_ACCOUNTS.items():
            self.assertIn(code, accounts, f"account {code} missing")
            self.assertEqual(accounts[code].account_type, account_type, code)
        self.assertEqual(
            accounts["754100"].with_context(lang="fr_FR").name, "Dons manuels"
        )
        self.assertEqual(
            accounts["754000"].with_context(lang="en_US").name,
            "Resources from public generosity",
        )
        # the commercial French chart is still there
        self.assertIn("401100", accounts)
        self.assertIn("627800", accounts)

    def test_defaults(self):
        company = self.company
        expected = {
            "le97_account_gift_id": "754100",
            "le97_account_company_gift_id": "754200",
            "le97_account_bequest_id": "754300",
            "le97_account_waived_expense_id": "754120",
            "le97_account_volunteer_expense_id": "468100",
            "le97_account_membership_id": "756000",
            "le97_account_cvn_volunteer_expense_id": "864000",
            "le97_account_cvn_volunteer_income_id": "875000",
        }
        for field, code in expected.items():
            self.assertEqual(company[field].code, code, field)
        journal = company.le97_cvn_journal_id
        self.assertEqual(journal.code, "CVN")
        self.assertTrue(journal.restrict_mode_hash_table)
        self.assertTrue(journal.le97_secured)
        # stable xml ids for the other addons
        chart = self.env["account.chart.template"].with_company(company)
        self.assertEqual(chart.ref("le97_pca_7541"), company.le97_account_gift_id)
        self.assertEqual(
            chart.ref("le97_pca_7542"), company.le97_account_company_gift_id
        )
        # products still default to the French sales account
        category = (
            self.env["product.category"].with_company(company).create({"name": "Bar"})
        )
        self.assertEqual(category.property_account_income_categ_id.code, "707000")

    def test_template_selectable(self):
        selection = dict(
            self.env["account.chart.template"]._select_chart_template(
                self.env.ref("base.fr")
            )
        )
        self.assertIn("fr_asso", selection)
        self.assertIn("ANC 2018-06", selection["fr_asso"])
        self.assertEqual(
            self.env["account.chart.template"]._guess_chart_template(
                self.env.ref("base.fr")
            ),
            "fr_asso",
        )

    def test_secured_journal_refuses_deletion(self):
        journal = self.general_journal
        self.env["account.journal"]._le97_secure_journal(journal)
        self.assertTrue(journal.restrict_mode_hash_table)
        move = self.post_entry(
            "2025-03-01", self.bank_account, self.account("754100"), 10.0
        )
        self.assertTrue(move.inalterable_hash)
        with self.assertRaises(UserError):
            move.with_context(force_delete=True).unlink()
        self.assertTrue(move.exists())
        # a draft that was never posted may still go
        draft = move.copy({"date": "2025-03-02"})
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_secured_entry_keeps_its_state(self):
        """A hashed entry's state is not written directly (over RPC): Odoo's
        own reset to draft refuses it too; it is reversed instead."""
        journal = self.general_journal
        self.env["account.journal"]._le97_secure_journal(journal)
        move = self.post_entry(
            "2025-03-01", self.bank_account, self.account("754100"), 10.0
        )
        treasurer = new_test_user(
            self.env,
            login="le97_hash_treasurer",
            groups="le97_base.group_treasurer",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        for state in ("draft", "cancel"):
            with self.subTest(state=state), self.assertRaises(UserError) as refusal:
                move.with_user(treasurer).write({"state": state})
            # the state's refusal, not an access right's
            self.assertIs(type(refusal.exception), UserError)
        with self.assertRaises(UserError):
            move.with_user(treasurer).button_draft()
        self.assertEqual(move.state, "posted")
        self.assertTrue(move.inalterable_hash)

    def test_refuses_foreign_chart(self):
        other = self.env["res.company"].create({"name": "Autre pays"})
        other.chart_template = "generic_coa"
        with self.assertRaises(UserError) as cm:
            self.env["account.chart.template"]._le97_install_nonprofit_chart(other)
        self.assertIn("only extends the French chart", str(cm.exception))
        self.assertFalse(
            self.env["account.account"].search_count(
                [("company_ids", "=", other.id), ("code", "=", "754100")]
            )
        )


@tagged("post_install", "-at_install")
class TestUpgradeFromFr(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {
                "name": "Fonds sur le plan commercial",
                "country_id": cls.env.ref("base.fr").id,
            }
        )
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)
        cls.env["account.chart.template"].try_loading(
            "fr", cls.company, install_demo=False
        )

    def test_upgrade_keeps_posted_entries(self):
        company = self.company
        self.assertEqual(company.chart_template, "fr")
        before = accounts_by_code(self.env, company)
        # non-profit accounts the commercial chart lacks (the other Le 97
        # addons, when installed, add their own few accounts on any chart)
        for code in ("102300", "754110", "754120", "875000"):
            self.assertNotIn(code, before)
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        move = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": "2025-06-30",
                "line_ids": [
                    Command.create({"account_id": before["512100"].id, "debit": 75.0}),
                    Command.create({"account_id": before["754000"].id, "credit": 75.0}),
                ],
            }
        )
        move.action_post()
        snapshot = move.line_ids.mapped(
            lambda ln: (ln.account_id.id, ln.debit, ln.credit)
        )
        name = move.name
        moves_before = self.env["account.move"].search_count(
            [("company_id", "=", company.id)]
        )

        self.env["account.chart.template"]._le97_install_nonprofit_chart(company)

        self.assertEqual(company.chart_template, "fr_asso")
        after = accounts_by_code(self.env, company)
        for code, account_type in EXPECTED_ACCOUNTS.items():
            self.assertIn(code, after, f"account {code} missing after upgrade")
            self.assertEqual(after[code].account_type, account_type, code)
        # nothing lost, nothing duplicated
        self.assertTrue(set(before) <= set(after))
        for code, account in before.items():
            self.assertEqual(after[code], account, code)
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.name, name)
        self.assertEqual(
            move.line_ids.mapped(lambda ln: (ln.account_id.id, ln.debit, ln.credit)),
            snapshot,
        )
        self.assertEqual(
            self.env["account.move"].search_count([("company_id", "=", company.id)]),
            moves_before,
        )
        # renamed in the non-profit meaning, same account
        self.assertEqual(
            after["754000"].with_context(lang="en_US").name,
            "Resources from public generosity",
        )
        self.assertEqual(company.le97_account_gift_id, after["754100"])
        self.assertEqual(company.le97_cvn_journal_id.code, "CVN")
        # a second run changes nothing
        self.env["account.chart.template"]._le97_install_nonprofit_chart(company)
        self.assertEqual(accounts_by_code(self.env, company).keys(), after.keys())
        self.assertEqual(
            self.env["account.journal"].search_count(
                [("company_id", "=", company.id), ("code", "=", "CVN")]
            ),
            1,
        )
