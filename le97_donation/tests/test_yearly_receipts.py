# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestYearlyReceipts(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donor_b = cls.donor.copy({"name": "Paul Martin", "email": False})
        cls.gifts_a = cls._yearly_gift(cls.donor, 50, date(2025, 3, 1)) | (
            cls._yearly_gift(cls.donor, 70, date(2025, 9, 15))
        )
        cls.gift_company = cls._yearly_gift(cls.company_donor, 500, date(2025, 6, 2))
        cls.gift_b = cls._yearly_gift(cls.donor_b, 30, date(2025, 12, 31))
        # Not eligible: another year, a per-gift receipt, a draft.
        cls.gift_2024 = cls._yearly_gift(cls.donor, 40, date(2024, 12, 31))
        cls.gift_each = cls._validated_donation(
            cls.donor_b, 15, donation_date=date(2025, 5, 5)
        )
        cls.gift_draft = cls.env["donation.donation"].create(
            cls._donation_vals(
                cls.donor,
                99,
                donation_date=date(2025, 5, 5),
                tax_receipt_option="annual",
            )
        )

    @classmethod
    def _yearly_gift(cls, partner, amount, day):
        return cls._validated_donation(
            partner, amount, donation_date=day, tax_receipt_option="annual"
        )

    def _run(self, year=2025, user=None):
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(user or self.user_admin)
            .create({"year": year})
        )
        wizard.action_issue()
        return wizard

    def test_one_receipt_per_donor_listing_each_gift(self):
        wizard = self._run()
        receipts = wizard.receipt_ids
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.receipt_count, 3)
        self.assertEqual(
            receipts.partner_id, self.donor | self.company_donor | self.donor_b
        )
        receipt_a = receipts.filtered(lambda r: r.partner_id == self.donor)
        self.assertEqual(receipt_a.type, "annual")
        self.assertEqual(receipt_a.state, "issued")
        self.assertEqual(receipt_a.amount, 120)
        self.assertEqual(receipt_a.le97_donation_ids, self.gifts_a)
        self.assertEqual(receipt_a.donation_ids, self.gifts_a)
        self.assertEqual(self.gifts_a.tax_receipt_id, receipt_a)
        self.assertEqual(receipt_a.donation_date, date(2025, 12, 31))
        self.assertEqual(wizard.amount_total, 650)
        # Not eligible gifts are left alone.
        self.assertFalse(self.gift_2024.tax_receipt_id)
        self.assertFalse(self.gift_draft.tax_receipt_id)
        self.assertNotIn(self.gift_each.tax_receipt_id, receipts)
        # Gapless consecutive numbers, reserved together.
        year = receipts[0].date.year
        numbers = sorted(receipts.mapped("number"))
        first = int(numbers[0].split("-")[1])
        self.assertEqual(numbers, [f"{year}-{n:05d}" for n in range(first, first + 3)])
        # Traced in the chatter.
        self.assertIn(receipt_a.number, receipt_a.message_ids[:1].body)
        # The originals are left to the scheduled action.
        self.assertFalse(receipts.le97_pdf_attachment_id)
        self.assertEqual(wizard.pending_original_count, 3)

    def test_donor_already_done_is_skipped_and_listed(self):
        first = self._run()
        receipt_a = first.receipt_ids.filtered(lambda r: r.partner_id == self.donor)
        late_gift = self._yearly_gift(self.donor, 10, date(2025, 12, 30))
        newcomer = self.donor.copy({"name": "Louise Petit"})
        gift_new = self._yearly_gift(newcomer, 25, date(2025, 4, 4))
        second = self._run()
        self.assertEqual(second.receipt_ids.partner_id, newcomer)
        self.assertEqual(second.receipt_ids.le97_donation_ids, gift_new)
        self.assertEqual(second.skipped_partner_ids, self.donor)
        self.assertEqual(second.skipped_count, 1)
        self.assertFalse(late_gift.tax_receipt_id)
        self.assertEqual(receipt_a.amount, 120, "the issued receipt is untouched")
        # A third run has nothing to issue and says so without error.
        third = self._run()
        self.assertFalse(third.receipt_ids)
        self.assertEqual(third.skipped_partner_ids, self.donor)

    def test_cancelled_yearly_receipt_frees_the_donor(self):
        first = self._run()
        receipt_b = first.receipt_ids.filtered(lambda r: r.partner_id == self.donor_b)
        receipt_b.with_user(self.user_admin)._le97_cancel("Wrong amount")
        second = self._run()
        self.assertEqual(second.receipt_ids.partner_id, self.donor_b)
        self.assertEqual(second.receipt_ids.le97_donation_ids, self.gift_b)
        self.assertNotEqual(second.receipt_ids.number, receipt_b.number)

    def test_blocking_check_aborts_the_whole_run(self):
        self.donor_b.write({"street": False})
        count = self._receipt_count()
        with self.assertRaises(UserError) as cm:
            self._run()
        self.assertIn("Paul Martin", str(cm.exception))
        self.assertEqual(self._receipt_count(), count)
        self.assertFalse(self.gifts_a.tax_receipt_id)
        self.assertFalse(self.gift_b.tax_receipt_id)

    def test_only_receipt_admin_runs_it(self):
        count = self._receipt_count()
        with self.assertRaises(AccessError):
            self._run(user=self.user_treasurer)
        oca = (
            self.env["tax.receipt.annual.create"]
            .with_user(self.user_treasurer)
            .create({"start_date": date(2025, 1, 1), "end_date": date(2025, 12, 31)})
        )
        with self.assertRaises(AccessError):
            oca.generate_annual_receipts()
        self.assertEqual(self._receipt_count(), count)
        self.assertFalse(self.gifts_a.tax_receipt_id)

    def test_bad_year_is_refused(self):
        with self.assertRaises(UserError):
            self._run(year=20255)

    def test_query_count_does_not_grow_with_donors(self):
        def queries_for(year, donors):
            for index in range(donors):
                partner = self.donor.copy({"name": f"Donor {year} {index}"})
                self._yearly_gift(partner, 10, date(year, 2, 1))
                self._yearly_gift(partner, 20, date(year, 3, 1))
            wizard = self.env["donation.tax.receipt.yearly"].create({"year": year})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            receipts, _skipped = wizard._issue_yearly_receipts()
            self.env.flush_all()
            self.assertEqual(len(receipts), donors)
            return self.env.cr.sql_log_count - before

        small = queries_for(2022, 2)
        large = queries_for(2023, 12)
        self.assertLessEqual(large, small)
