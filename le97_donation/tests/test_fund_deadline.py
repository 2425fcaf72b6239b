# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.le97_base.tests.common import add_test_users

D = datetime.date


@tagged("post_install", "-at_install")
class TestFundDeadline222bis(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        fr = cls.env.ref("base.fr")
        cls.june = cls.env["res.company"].create(
            {
                "name": "Fonds clos au 30 juin",
                "country_id": fr.id,
                "fiscalyear_last_month": "6",
                "fiscalyear_last_day": 30,
            }
        )
        cls.calendar = cls.env["res.company"].create(
            {"name": "Fonds à l'année civile", "country_id": fr.id}
        )
        add_test_users(
            cls,
            cls.june,
            user_treasurer=("fd222_treasurer", "le97_base.group_treasurer"),
            user_receipt_admin=("fd222_admin", "le97_base.group_receipt_admin"),
        )
        cls.Deadline = cls.env["le97.fund.deadline"]

    def declaration_deadline(self, company):
        return self.Deadline.search(
            [("company_id", "=", company.id), ("kind", "=", "declaration_222bis")]
        )

    def test_deadlines(self):
        with freeze_time("2026-07-15"):
            self.Deadline._cron_le97_create_deadlines()
        june = self.declaration_deadline(self.june)
        # 3 months after a 30 June closing
        self.assertEqual(
            (june.fiscal_year, june.date_closing, june.date_due),
            (2026, D(2026, 6, 30), D(2026, 9, 30)),
        )
        # the same date as the declaration itself
        Declaration = self.env["donation.tax.receipt.declaration"]
        self.assertEqual(june.date_due, Declaration._get_deadline(D(2026, 6, 30)))
        # 31 December 2025 closing: the 2nd working day after Friday 1 May 2026
        calendar = self.declaration_deadline(self.calendar)
        self.assertEqual(
            (calendar.fiscal_year, calendar.date_due), (2025, D(2026, 5, 5))
        )

    def test_receipts_administrators(self):
        with freeze_time("2026-07-15"):
            self.Deadline._cron_le97_create_deadlines()
        deadline = self.declaration_deadline(self.june)
        self.assertEqual(
            deadline.group_id, self.env.ref("le97_base.group_receipt_admin")
        )
        users = deadline.activity_ids.user_id
        self.assertIn(self.user_receipt_admin, users)
        self.assertNotIn(self.user_treasurer, users)
        # a treasurer who is not a receipts administrator cannot mark it done
        with self.assertRaises(AccessError):
            deadline.with_user(self.user_treasurer).action_done()
        self.assertEqual(deadline.state, "due")
        self.assertIn(self.user_receipt_admin, deadline.activity_ids.user_id)
        deadline.with_user(self.user_receipt_admin).action_done()
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.done_uid, self.user_receipt_admin)

    def test_filing_the_declaration_meets_the_deadline(self):
        with freeze_time("2026-07-15"):
            self.Deadline._cron_le97_create_deadlines()
            deadline = self.declaration_deadline(self.june)
            declaration = (
                self.env["donation.tax.receipt.declaration"]
                .with_user(self.user_receipt_admin)
                .with_company(self.june)
                .create({"year": 2026, "company_id": self.june.id})
            )
            declaration.action_compute()
            # a treasurer may not file: nothing is done
            with self.assertRaises(AccessError):
                declaration.with_user(self.user_treasurer).action_file()
            self.assertEqual(deadline.state, "due")
            declaration.action_file()
        self.assertEqual(declaration.state, "filed")
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.done_uid, self.user_receipt_admin)
        self.assertEqual(deadline.done_date, D(2026, 7, 15))
        self.assertFalse(deadline.activity_ids)
