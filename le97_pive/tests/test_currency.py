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
            "mlcc_gift_account_id": ("754100", "income"),
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
        # both journals take payments
        for journal in self.paper_journal | self.digital_journal:
            self.assertTrue(journal.inbound_payment_method_line_ids)

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
        gift_account = company.mlcc_gift_account_id.with_company(company)
        self.assertEqual(gift_account.code, "754100")
        self.assertEqual(company.mlcc_paper_journal_id.currency_id.name, "GON")

    def test_rate_write_keeps_parity(self):
        rate = self.env["res.currency.rate"].search(
            [("currency_id", "=", self.pive.id)], limit=1
        )
        self.assertTrue(rate)
        rate.write({"rate": 1.25})
        self.assertEqual(rate.rate, 1.0)
        rate.write({"company_rate": 0.8})
        self.assertEqual(rate.rate, 1.0)
        rate.write({"inverse_company_rate": 3.0})
        self.assertEqual(rate.rate, 1.0)
        self.assertEqual(self.eur._convert(100.0, self.pive, self.company), 100.0)

    def test_rate_provider_update_keeps_parity(self):
        """A provider creating tomorrow's rate gets the parity, not its rate."""
        tomorrow = fields.Date.add(fields.Date.today(), days=1)
        rate = self.env["res.currency.rate"].create(
            {
                "currency_id": self.pive.id,
                "company_id": self.company.id,
                "name": tomorrow,
                "rate": 0.5,
            }
        )
        self.assertEqual(rate.rate, 1.0)
        self.assertEqual(
            self.pive._convert(42.0, self.eur, self.company, tomorrow), 42.0
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
