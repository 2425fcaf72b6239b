# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .books_common import Le97BooksCommon


@tagged("post_install", "-at_install")
class TestStatements(Le97BooksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        bank = cls.bank_account
        cls.post_entry("2025-02-01", bank, cls.account("754100"), 100.0)  # gift
        cls.post_entry("2025-03-01", bank, cls.account("754200"), 200.0)  # sponsor
        cls.post_entry("2025-04-01", bank, cls.account("706000"), 50.0)  # bar
        cls.post_entry("2025-05-01", cls.account("606"), bank, 30.0)  # expense
        cls.post_entry("2024-05-01", bank, cls.account("754100"), 10.0)  # last year
        activity = cls.env["le97.volunteer.activity"].create(
            {
                "name": "Accueil",
                "company_id": cls.company.id,
                "rate_ids": [Command.create({"year": 2025, "hourly_rate": 12.0})],
            }
        )
        cls.env["le97.volunteer.hour"].create(
            {
                "partner_id": cls.env.user.partner_id.id,
                "date": "2025-09-01",
                "hours": 20.0,
                "activity_id": activity.id,
                "company_id": cls.company.id,
            }
        )
        valuation = cls.env["le97.cvn.valuation"].create(
            {"year": 2025, "company_id": cls.company.id}
        )
        valuation.action_compute_hours()
        valuation.action_validate()

    def _wizard(self, **vals):
        return self.env["le97.statement.wizard"].create(
            {
                "company_id": self.company.id,
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
                **vals,
            }
        )

    def test_income_statement_totals(self):
        data = self._wizard()._get_report_data()
        income = {line["key"]: line for line in data["income"]}
        expected = {
            "7541": 100.0,
            "7542": 200.0,
            "70": 50.0,
            "756": 0.0,
            "income_total": 350.0,
            "60": 30.0,
            "expense_total": 30.0,
            "result": 320.0,
            "87": 240.0,
            "86": 240.0,
        }
        for key, amount in expected.items():
            self.assertAlmostEqual(income[key]["amount"], amount, msg=key)
        self.assertAlmostEqual(income["7541"]["previous"], 10.0)
        self.assertAlmostEqual(income["result"]["previous"], 10.0)
        # the CVN block comes after the result
        keys = [line["key"] for line in data["income"]]
        self.assertGreater(keys.index("87"), keys.index("result"))
        balance = {line["key"]: line for line in data["balance"]}
        self.assertAlmostEqual(balance["5"]["amount"], 330.0)
        self.assertAlmostEqual(balance["result_bs"]["amount"], 330.0)
        self.assertAlmostEqual(
            balance["assets_total"]["amount"], balance["liabilities_total"]["amount"]
        )

    def test_balance_sheet_keeps_every_class_1_account(self):
        # investment grants (13) and regulated provisions (14) are equity too
        self.post_entry("2025-06-01", self.bank_account, self.account("131"), 500.0)
        self.post_entry("2025-06-02", self.bank_account, self.account("145"), 70.0)
        balance = {
            line["key"]: line["amount"]
            for line in self._wizard()._get_report_data()["balance"]
        }
        self.assertAlmostEqual(balance["10"], 570.0)
        self.assertAlmostEqual(balance["5"], 900.0)
        self.assertAlmostEqual(balance["assets_total"], balance["liabilities_total"])

    def test_balance_sheet_keeps_unaffected_earnings(self):
        # an opening balance put on Odoo's unaffected earnings account (999999)
        unaffected = self.env["account.account"].search(
            [
                *self.env["account.account"]._check_company_domain(self.company),
                ("account_type", "=", "equity_unaffected"),
            ],
            limit=1,
        )
        self.assertEqual(unaffected.code, "999999")
        self.post_entry("2025-06-03", self.bank_account, unaffected, 40.0)
        balance = {
            line["key"]: line["amount"]
            for line in self._wizard()._get_report_data()["balance"]
        }
        self.assertAlmostEqual(balance["assets_total"], balance["liabilities_total"])

    def test_cvn_off_books_statement(self):
        valuation = self.env["le97.cvn.valuation"].search(
            [("company_id", "=", self.company.id), ("year", "=", 2025)]
        )
        valuation.action_reset_to_draft()
        self.company.le97_cvn_mode = "statement"
        valuation.action_validate()
        income = {
            line["key"]: line["amount"]
            for line in self._wizard()._get_report_data()["income"]
        }
        self.assertAlmostEqual(income["87"], 240.0)
        self.assertAlmostEqual(income["86"], 240.0)
        self.assertAlmostEqual(income["result"], 320.0)

    def test_outputs(self):
        wizard = self._wizard()
        action = wizard.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
        )
        self.assertIn(str(attachment.id), action["url"])
        content = base64.b64decode(attachment.datas)
        self.assertEqual(content[:2], b"PK")
        self.assertGreater(len(io.BytesIO(content).getvalue()), 1000)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("le97_base.report_le97_statement", wizard.ids)[0]
            .decode()
        )
        self.assertIn("Voluntary contributions in kind", html)
        self.assertIn("Corporate sponsorship", html)

    def test_bad_period(self):
        wizard = self._wizard(date_from="2026-01-01")
        with self.assertRaises(UserError):
            wizard.action_print_pdf()

    def test_thresholds(self):
        self.assertEqual(self.company._le97_get_warnings(date(2025, 6, 1)), [])
        self.post_entry(
            "2025-10-01", self.bank_account, self.account("754300"), 10000.0
        )
        warnings = self.company._le97_get_warnings(date(2025, 6, 1))
        self.assertEqual(len(warnings), 1)
        self.assertIn("auditor", warnings[0])
        self.company.fund_public_appeal_running = True
        self.assertEqual(len(self.company._le97_get_warnings(date(2025, 6, 1))), 2)
        self.company.fund_public_appeal_date = "2025-01-15"
        self.assertEqual(len(self.company._le97_get_warnings(date(2025, 6, 1))), 1)
        self.assertIn("auditor", self._wizard().warning_html)

    def test_auditor_threshold_on_financial_year(self):
        """A fund closing on 30 June reads the threshold on July-June, not on
        the calendar year: 10,500 EUR received in October 2025 count for the
        year 2025-2026 only."""
        self.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        self.post_entry(
            "2025-10-01", self.bank_account, self.account("754300"), 10500.0
        )
        self.assertEqual(self.company._le97_get_warnings(date(2025, 6, 1)), [])
        warnings = self.company._le97_get_warnings(date(2026, 3, 1))
        self.assertEqual(len(warnings), 1)
        self.assertIn(format_date(self.env, date(2025, 7, 1)), warnings[0])
        self.assertIn(format_date(self.env, date(2026, 6, 30)), warnings[0])
        self.assertEqual(self.company._le97_get_warnings(date(2026, 7, 1)), [])

    def test_fec_file_name_carries_siren(self):
        self.assertFalse(self.company.vat)
        wizard = (
            self.env["l10n_fr.fec.export.wizard"]
            .with_company(self.company)
            .create(
                {
                    "date_from": "2025-01-01",
                    "date_to": "2025-12-31",
                    "test_file": True,
                }
            )
        )
        result = wizard.generate_fec()
        self.assertEqual(result["file_name"], "732829320FEC20251231.csv")
        self.assertIn(b"754100", result["file_content"])
        # with a VAT number, Odoo's naming is kept
        self.company.vat = "FR44732829320"
        self.assertTrue(wizard.generate_fec()["file_name"].startswith("732829320FEC"))

    def test_default_period_is_the_financial_year(self):
        """The statements open on the current financial year: the calendar
        year, or July to June for a fund closing on 30 June."""
        Wizard = self.env["le97.statement.wizard"].with_company(self.company)
        with freeze_time("2026-03-15"):
            wizard = Wizard.create({})
            self.assertEqual(
                (wizard.date_from, wizard.date_to),
                (date(2026, 1, 1), date(2026, 12, 31)),
            )
            self.company.write(
                {"fiscalyear_last_month": "6", "fiscalyear_last_day": 30}
            )
            wizard = Wizard.create({})
            self.assertEqual(
                (wizard.date_from, wizard.date_to),
                (date(2025, 7, 1), date(2026, 6, 30)),
            )
