# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestDeclaration(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        day = date(2025, 6, 1)
        cls.receipt_a = cls._validated_donation(
            cls.donor, 120, donation_date=day
        ).tax_receipt_id
        cls.receipt_b = cls._validated_donation(
            cls.donor, 80, donation_date=day
        ).tax_receipt_id
        cls.receipt_company = cls._validated_donation(
            cls.company_donor, 500, donation_date=day
        ).tax_receipt_id
        cls.receipt_cancelled = cls._validated_donation(
            cls.donor, 1000, donation_date=day
        ).tax_receipt_id
        cls.receipt_cancelled.with_user(cls.user_admin)._le97_cancel("Wrong donor")
        # Another year: not in the 2025 declaration.
        cls._validated_donation(cls.donor, 45, donation_date=date(2024, 6, 1))

    def _declaration(self, year=2025):
        declaration = (
            self.env["donation.tax.receipt.declaration"]
            .with_user(self.user_treasurer)
            .create({"year": year})
        )
        declaration.action_compute()
        return declaration

    def test_totals_by_article_without_cancelled_receipts(self):
        self.assertEqual(self.receipt_cancelled.state, "cancelled")
        declaration = self._declaration()
        lines = {line.article: line for line in declaration.line_ids}
        self.assertEqual(set(lines), {"200", "238bis", "978"})
        self.assertEqual((lines["200"].receipt_count, lines["200"].amount), (2, 200))
        self.assertEqual(
            (lines["238bis"].receipt_count, lines["238bis"].amount), (1, 500)
        )
        self.assertEqual((lines["978"].receipt_count, lines["978"].amount), (0, 0))
        self.assertEqual(declaration.receipt_count, 3)
        self.assertEqual(declaration.amount_total, 700)
        self.assertEqual(declaration.closing_date, date(2025, 12, 31))
        # 1 May 2026 is a Friday: Monday 4 then Tuesday 5 May.
        self.assertEqual(declaration.deadline, date(2026, 5, 5))

    def test_deadline_rules(self):
        model = self.env["donation.tax.receipt.declaration"]
        # 1 May 2027 is a Saturday: Monday 3, Tuesday 4.
        self.assertEqual(model._get_deadline(date(2026, 12, 31)), date(2027, 5, 4))
        # 1 May 2029 is a Tuesday: 2 and 3 May (8 May is a holiday, not reached).
        self.assertEqual(model._get_deadline(date(2028, 12, 31)), date(2029, 5, 3))
        # A non-calendar financial year: 3 months after the closing.
        self.assertEqual(model._get_deadline(date(2025, 6, 30)), date(2025, 9, 30))
        self.company.write({"fiscalyear_last_month": "6", "fiscalyear_last_day": 30})
        declaration = self._declaration()
        self.assertEqual(declaration.closing_date, date(2025, 6, 30))
        self.assertEqual(declaration.deadline, date(2025, 9, 30))

    def test_csv_export(self):
        declaration = self._declaration()
        action = declaration.action_export_csv()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        rows = list(
            csv.reader(
                io.StringIO(base64.b64decode(attachment.datas).decode()), delimiter=";"
            )
        )
        self.assertEqual(len(rows), 5)
        self.assertEqual(rows[1][:2], ["2025", "200"])
        self.assertEqual(rows[1][3:], ["2", "200.00", "2026-05-05"])
        self.assertEqual(rows[2][1], "238bis")
        self.assertEqual(rows[2][3:5], ["1", "500.00"])
        self.assertEqual(rows[4][3:5], ["3", "700.00"])

    def test_bad_year_and_access(self):
        declaration = self.env["donation.tax.receipt.declaration"].create({"year": 25})
        with self.assertRaises(UserError):
            declaration.action_compute()
        self.assertFalse(declaration.line_ids)
        with self.assertRaises(AccessError):
            self.env["donation.tax.receipt.declaration"].with_user(
                self.user_volunteer
            ).create({"year": 2025})
