# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveCurrency(PiveCommon):
    def test_setup(self):
        company = self.company
        self.assertEqual(self.pive.name, "PIV")
        self.assertEqual(self.pive.symbol, "Pive")
        self.assertTrue(self.pive.le97_fixed_parity)
        self.assertEqual(self.paper_journal.type, "cash")
        self.assertEqual(self.paper_journal.currency_id, self.pive)
        self.assertTrue(self.paper_journal.le97_whole_units)
        self.assertEqual(self.digital_journal.type, "bank")
        self.assertEqual(self.digital_journal.currency_id, self.pive)
        self.assertEqual(
            self.paper_journal.default_account_id, company.mlcc_paper_account_id
        )
        self.assertEqual(
            self.digital_journal.default_account_id, company.mlcc_digital_account_id
        )
        expected = {
            "mlcc_paper_account_id": ("530500", "asset_cash"),
            "mlcc_digital_account_id": ("517500", "asset_cash"),
            "le97_account_gift_id": ("754100", "income"),
            "le97_account_membership_id": ("756000", "income"),
            "mlcc_service_account_id": ("706000", "income"),
            "mlcc_sale_account_id": ("707000", "income"),
            "mlcc_exchange_account_id": ("467100", "liability_current"),
            "mlcc_fee_account_id": ("627000", "expense"),
            "mlcc_cash_account_id": ("531000", "asset_cash"),
            "mlcc_cheque_account_id": ("511200", "asset_current"),
        }
        for field, (code, account_type) in expected.items():
            self.assertEqual(company[field].code, code, field)
            self.assertEqual(company[field].account_type, account_type, field)
        self.assertTrue(company.mlcc_bank_account_id.code.startswith("512"))
        self.assertEqual(company.mlcc_partner_id.name, "La Pive")
        # both journals take payments, and their entries are hash-chained
        for journal in self.paper_journal | self.digital_journal:
            self.assertTrue(journal.inbound_payment_method_line_ids)
            self.assertTrue(journal.restrict_mode_hash_table, journal.name)
            self.assertTrue(journal.le97_secured, journal.name)

    def test_setup_idempotent(self):
        accounts = self.env["account.account"].search_count([])
        journals = self.env["account.journal"].search_count([])
        currencies = self.env["res.currency"].with_context(active_test=False)
        count = currencies.search_count([])
        self.company._le97_pive_setup()
        self.assertEqual(self.env["account.account"].search_count([]), accounts)
        self.assertEqual(self.env["account.journal"].search_count([]), journals)
        self.assertEqual(currencies.search_count([]), count)

    def test_setup_new_company_other_mlcc(self):
        """Another MLCC is a matter of settings; the chart gets the set-up."""
        company = self.env["res.company"].create(
            {
                "name": "Gonette test",
                "country_id": self.env.ref("base.fr").id,
                "currency_id": self.eur.id,
                "mlcc_name": "La Gonette",
                "mlcc_currency_code": "GON",
                "mlcc_currency_symbol": "Gonette",
            }
        )
        self.env["account.chart.template"].try_loading(
            "fr", company, install_demo=False
        )
        self.assertEqual(company.mlcc_currency_id.name, "GON")
        self.assertEqual(company.mlcc_currency_id.symbol, "Gonette")
        self.assertEqual(company.mlcc_paper_journal_id.code, "GONB")
        self.assertEqual(company.mlcc_partner_id.name, "La Gonette")
        # account codes are per company
        gift_account = company.le97_account_gift_id.with_company(company)
        self.assertEqual(gift_account.code, "754100")
        self.assertEqual(company.mlcc_paper_journal_id.currency_id.name, "GON")
        # the journals created after le97_base's set-up are secured too
        journals = company.mlcc_paper_journal_id | company.mlcc_digital_journal_id
        self.assertEqual(len(journals), 2)
        for journal in journals:
            self.assertTrue(journal.restrict_mode_hash_table, journal.name)
        secured = self.env["account.journal"].search(
            self.env["account.journal"]._le97_get_securable_journal_domain(company)
        )
        self.assertLessEqual(journals, secured)

    def test_setup_nonprofit_chart_accounts(self):
        """On the association chart the Pive accounts are the chart's own."""
        company = self.env["res.company"].create(
            {
                "name": "Fonds associatif test",
                "country_id": self.env.ref("base.fr").id,
                "currency_id": self.eur.id,
            }
        )
        self.env.user.company_ids |= company
        Chart = self.env["account.chart.template"].with_company(company)
        Chart.try_loading("fr_asso", company, install_demo=False)
        accounts_before = self.env["account.account"].search_count([])
        expected = {
            "mlcc_paper_account_id": ("530500", "le97_pca_5305"),
            "mlcc_digital_account_id": ("517500", "le97_pca_5175"),
            "mlcc_exchange_account_id": ("467100", "le97_pca_4671"),
            "mlcc_cash_account_id": ("531000", "le97_pca_531"),
            "le97_account_gift_id": ("754100", "le97_pca_7541"),
            "le97_account_membership_id": ("756000", "le97_pca_756"),
        }
        for field, (code, xmlid) in expected.items():
            account = company[field].with_company(company)
            self.assertEqual(account.code, code, field)
            # the chart's account when it has one, never a second one
            chart_account = Chart.ref(xmlid, raise_if_not_found=False)
            if chart_account:
                self.assertEqual(account, chart_account, field)
            self.assertEqual(
                self.env["account.account"]
                .with_company(company)
                .search_count([("company_ids", "in", company.id), ("code", "=", code)]),
                1,
                field,
            )
        for journal in company.mlcc_paper_journal_id | company.mlcc_digital_journal_id:
            self.assertTrue(journal.restrict_mode_hash_table, journal.name)
        # a later set-up finds everything: nothing is created twice
        company._le97_pive_setup()
        self.assertEqual(self.env["account.account"].search_count([]), accounts_before)

    def test_setup_secures_journals_set_by_hand(self):
        """A journal chosen in the settings, or left unsecured, is secured."""
        journal = self.env["account.journal"].create(
            {
                "name": "Autre caisse Pive",
                "code": "PIVX",
                "type": "cash",
                "currency_id": self.pive.id,
                "company_id": self.company.id,
            }
        )
        self.assertFalse(journal.restrict_mode_hash_table)
        self.company.mlcc_paper_journal_id = journal
        self.assertTrue(journal.restrict_mode_hash_table)
        self.company.mlcc_paper_journal_id = self.paper_journal
        self.digital_journal.sudo().restrict_mode_hash_table = False
        self.company._le97_pive_setup()
        self.assertTrue(self.digital_journal.restrict_mode_hash_table)

    def test_rate_write_keeps_parity(self):
        rate = self.env["res.currency.rate"].search(
            [("currency_id", "=", self.pive.id)], limit=1
        )
        self.assertTrue(rate)
        # the rate against the company currency, as the currency screen shows
        self.assertAlmostEqual(rate.company_rate, 1.0)
        stored = rate.rate
        rate.write({"rate": 1.25})
        self.assertEqual(rate.rate, stored)
        rate.write({"company_rate": 0.8})
        self.assertEqual(rate.rate, stored)
        rate.write({"inverse_company_rate": 3.0})
        self.assertEqual(rate.rate, stored)
        self.assertAlmostEqual(rate.inverse_company_rate, 1.0)
        self.assertEqual(self.eur._convert(100.0, self.pive, self.company), 100.0)

    def test_rate_provider_update_keeps_parity(self):
        """A provider creating tomorrow's rate gets the parity, not its rate."""
        # the day after the last rate, whatever the time zones
        last = max([fields.Date.today(), *self.pive.rate_ids.mapped("name")])
        tomorrow = fields.Date.add(last, days=1)
        rate = self.env["res.currency.rate"].create(
            {
                "currency_id": self.pive.id,
                "company_id": self.company.id,
                "name": tomorrow,
                "rate": 0.5,
            }
        )
        self.assertAlmostEqual(rate.company_rate, 1.0)
        self.assertEqual(
            self.pive._convert(42.0, self.eur, self.company, tomorrow), 42.0
        )

    def test_euro_rate_other_than_one(self):
        """Rates quoted against another currency (Odoo's demo data quote the
        euro at 1.2834 against the dollar): 1 Pive is still 1 euro, on the
        currency screen as in every conversion."""
        Rate = self.env["res.currency.rate"]
        today = fields.Date.context_today(self.pive)
        euro_rate = Rate.search(
            [
                ("currency_id", "=", self.eur.id),
                ("company_id", "=", self.company.root_id.id),
                ("name", "=", today),
            ]
        )
        if euro_rate:
            euro_rate.rate = 1.2834
        else:
            Rate.create(
                {
                    "currency_id": self.eur.id,
                    "company_id": self.company.root_id.id,
                    "name": today,
                    "rate": 1.2834,
                }
            )
        self.pive.invalidate_recordset()
        pive_rate = Rate.search(
            [
                ("currency_id", "=", self.pive.id),
                ("company_id", "=", self.company.root_id.id),
            ],
            order="name desc",
            limit=1,
        )
        self.assertAlmostEqual(pive_rate.company_rate, 1.0)
        self.assertAlmostEqual(pive_rate.inverse_company_rate, 1.0)
        self.assertAlmostEqual(self.pive.with_company(self.company).inverse_rate, 1.0)
        self.assertEqual(self.pive._convert(17.0, self.eur, self.company), 17.0)
        self.assertEqual(self.eur._convert(17.0, self.pive, self.company), 17.0)
        payment = self._le97_payment(17)
        payment._le97_post()
        self.assertMoveLines(
            payment.move_id,
            [
                (self.company.mlcc_paper_account_id, 17.0, 0.0, 17.0),
                (self.company.mlcc_sale_account_id, 0.0, 17.0, -17.0),
            ],
        )

    def test_stored_rate_cannot_break_conversion(self):
        """Even a rate written behind the ORM's back converts at par."""
        rate = self.env["res.currency.rate"].search(
            [("currency_id", "=", self.pive.id)], limit=1
        )
        self.env.cr.execute(
            "UPDATE res_currency_rate SET rate = 3 WHERE id = %s", [rate.id]
        )
        self.env.invalidate_all()
        self.assertEqual(self.pive._convert(17.0, self.eur, self.company), 17.0)
        self.assertEqual(self.eur._convert(17.0, self.pive, self.company), 17.0)

    def test_currency_keeps_fixed_parity(self):
        with self.assertRaises(ValidationError):
            self.pive.le97_fixed_parity = False
        with self.assertRaises(ValidationError):
            self.pive.active = False
        self.assertTrue(self.pive.le97_fixed_parity)

    def test_conversion_one_to_one(self):
        move = self.env["account.move"].create(
            {
                "journal_id": self.digital_journal.id,
                "line_ids": [
                    fields.Command.create(
                        {
                            "account_id": self.company.mlcc_digital_account_id.id,
                            "currency_id": self.pive.id,
                            "amount_currency": 12.34,
                        }
                    ),
                    fields.Command.create(
                        {
                            "account_id": self.company.mlcc_sale_account_id.id,
                            "currency_id": self.pive.id,
                            "amount_currency": -12.34,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        self.assertEqual(sorted(move.line_ids.mapped("balance")), [-12.34, 12.34])

    def test_notes_journal_refuses_cents(self):
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "amount": 10.5,
                "currency_id": self.pive.id,
                "journal_id": self.paper_journal.id,
            }
        )
        with self.assertRaises(UserError) as cm:
            payment.action_post()
        self.assertIn("whole notes", str(cm.exception))
        self.assertEqual(payment.state, "draft")
        self.assertFalse(payment.move_id.filtered(lambda m: m.state == "posted"))
