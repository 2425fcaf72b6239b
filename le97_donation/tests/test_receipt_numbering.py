# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import threading

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import file_open

FUND_VALUES = {
    "fund_siren": "732829320",
    "fund_object": "Soutenir le tiers-lieu Le 97.",
    "fund_signatory_name": "Camille Martin",
    "fund_signatory_title": "Présidente",
    "street": "97 rue Battant",
    "zip": "25000",
    "city": "Besançon",
    "fund_signature": base64.b64encode(
        file_open("le97_base/static/description/demo_signature.png", "rb").read()
    ),
}


@tagged("post_install", "-at_install")
class TestReceiptNumbering(TransactionCase):
    """Gapless numbering with real, concurrent transactions.

    The data these tests need is committed from separate cursors (the test
    transaction must not hold locks on it) and removed afterwards.
    """

    def setUp(self):
        super().setUp()
        # Numbers only: these receipts have no gift (committing validated gifts
        # and entries from the threads would test the books, not the numbers);
        # the gift checks are tested in test_receipt_checks and test_evidence.
        self.patch(
            type(self.env["donation.tax.receipt"]),
            "_le97_receipt_gift_link_problems",
            lambda receipt: [],
        )
        registry = self.env.registry
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            self.company_id = company.id
            self.saved_fund = {
                name: company[name] for name in FUND_VALUES if company[name]
            }
            company.write(FUND_VALUES)
            donor = env["res.partner"].create(
                {
                    "name": "Concurrent Donor",
                    "street": "1 rue Battant",
                    "zip": "25000",
                    "city": "Besançon",
                    "country_id": env.ref("base.fr").id,
                }
            )
            self.donor_id = donor.id
            self.year = env["donation.tax.receipt"].default_get(["date"])["date"].year
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM donation_tax_receipt WHERE partner_id = %s",
                (self.donor_id,),
            )
            ids = [row[0] for row in cr.fetchall()]
            if ids:
                cr.execute(
                    "DELETE FROM mail_message WHERE model = 'donation.tax.receipt' "
                    "AND res_id = ANY(%s)",
                    (ids,),
                )
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = "
                    "'donation.tax.receipt' AND res_id = ANY(%s)",
                    (ids,),
                )
                cr.execute(
                    "DELETE FROM donation_tax_receipt WHERE id = ANY(%s)", (ids,)
                )
            cr.execute(
                "DELETE FROM le97_receipt_counter WHERE company_id = %s AND year = %s",
                (self.company_id, self.year),
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.partner"].browse(self.donor_id).unlink()
            company = env["res.company"].browse(self.company_id)
            company.write(
                {name: self.saved_fund.get(name, False) for name in FUND_VALUES}
            )

    def _issue(self, cr, count):
        if cr.transaction is None:
            # the registry is given: the main thread holds the registry lock
            # while tests run, a worker thread must not ask for it
            cr.transaction = api.Transaction(self.env.registry)
        env = api.Environment(cr, SUPERUSER_ID, {})
        receipts = env["donation.tax.receipt"]._le97_issue(
            [
                {
                    "partner_id": self.donor_id,
                    "amount": 10.0 + i,
                    "type": "each",
                    "company_id": self.company_id,
                }
                for i in range(count)
            ]
        )
        return receipts.mapped("number")

    def _all_numbers(self):
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT number FROM donation_tax_receipt WHERE partner_id = %s",
                (self.donor_id,),
            )
            return sorted(row[0] for row in cr.fetchall())

    def _expected(self, count):
        return [f"{self.year}-{n:05d}" for n in range(1, count + 1)]

    def test_two_cursors_wait_and_rollback_gives_no_gap(self):
        registry = self.env.registry
        cr1 = registry.cursor()
        cr2 = registry.cursor()
        try:
            first = self._issue(cr1, 3)
            self.assertEqual(first, self._expected(3))
            # the second issuer waits for the first: here it gives up after
            # 300 ms instead of waiting for the commit
            cr2.execute("SET LOCAL lock_timeout = '300ms'")
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(pg_errors.LockNotAvailable),
            ):
                self._issue(cr2, 2)
            cr2.rollback()
            cr1.commit()
            # retried after the first committed: it continues the sequence
            self.assertEqual(self._issue(cr2, 2), self._expected(5)[3:])
            cr2.commit()
            # a rolled back issue gives its numbers back
            self._issue(cr1, 1)
            cr1.rollback()
            self.assertEqual(self._issue(cr1, 1), [self._expected(6)[5]])
            cr1.commit()
        finally:
            cr1.close()
            cr2.close()
        self.assertEqual(self._all_numbers(), self._expected(6))

    def test_parallel_threads_no_gap_no_duplicate(self):
        """Two threads issue receipts at the same time, retrying when the
        database reports the concurrent update (as Odoo does for requests)."""
        registry = self.env.registry
        failures = []
        retries = []

        def worker():
            try:
                for _round in range(3):
                    while True:
                        with registry.cursor() as cr:
                            try:
                                self._issue(cr, 2)
                                # a separate cursor of this test, not the
                                # test transaction
                                cr.commit()  # pylint: disable=invalid-commit
                                break
                            except (
                                pg_errors.SerializationFailure,
                                pg_errors.LockNotAvailable,
                            ):
                                retries.append(1)
                                cr.rollback()
            except Exception as exc:  # reported to the main thread
                failures.append(exc)

        threads = [threading.Thread(target=worker) for _i in range(2)]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        self.assertFalse(failures, failures)
        self.assertEqual(self._all_numbers(), self._expected(12))
