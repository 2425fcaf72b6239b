# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A bulk sending of receipts: its e-mails queued in the background, in
batches, its progress and its summary; a crash in the middle loses nothing
and sends nothing twice."""

from collections import Counter

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.donation_tax_receipt import DonationTaxReceipt
from ..wizards import donation_tax_receipt_send
from .common import Le97DonationCommon


def fake_originals(batch):
    return [b"%PDF-1.4 original of " + r.number.encode() for r in batch]


@tagged("post_install", "-at_install")
class TestReceiptMailing(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donors = cls.env["res.partner"].create(
            [
                {
                    "name": f"Donateur {index}",
                    "street": f"{index} rue Battant",
                    "zip": "25000",
                    "city": "Besançon",
                    "country_id": cls.fr.id,
                    "email": f"donateur{index}@example.com" if index < 5 else False,
                    "lang": "fr_FR",
                }
                for index in range(1, 6)
            ]
        )
        cls.receipts = cls.env["donation.tax.receipt"]
        # two receipts for the first donor: still one e-mail
        for donor, amount in zip(
            cls.donors[:1] + cls.donors, (5, 10, 20, 30, 40, 50), strict=True
        ):
            cls.receipts |= cls._validated_donation(donor, amount).tax_receipt_id
        cls.receipts = cls.receipts.sorted("id")
        cls.sender = cls.env["donation.tax.receipt.send"]

    def setUp(self):
        super().setUp()
        # no wkhtmltopdf here: the batch rendering has its own tests
        self.patch(DonationTaxReceipt, "_le97_render_original_pdfs", fake_originals)
        # a "large" sending from 3 donors, e-mails queued 2 donors per batch
        self.patch(donation_tax_receipt_send, "SEND_NOW_LIMIT", 3)
        self.patch(donation_tax_receipt_send, "MAILS_BATCH_SIZE", 2)

    def _send(self, receipts, user=None):
        action = self.sender._action_open(receipts)
        wizard = (
            self.sender.with_user(user or self.user_admin)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_send()
        return wizard

    def _mails_by_donor(self, mailing):
        return Counter(mailing.sudo().mail_ids.mapped("recipient_ids.id"))

    def test_large_sending_queued_in_batches_with_progress(self):
        wizard = self._send(self.receipts)
        mailing = wizard.mailing_id.with_user(self.user_admin)
        self.assertEqual(wizard.queued_count, 0, "nothing queued in the request")
        self.assertEqual(wizard.waiting_count, 4)
        self.assertEqual(
            (mailing.receipt_count, mailing.donor_count, mailing.no_email_count),
            (6, 5, 1),
        )
        self.assertEqual(mailing.no_email_partner_ids, self.donors[4])
        self.assertEqual(
            (mailing.original_done_count, mailing.original_pending_count), (0, 6)
        )
        self.assertEqual(mailing.state, "rendering")
        self.assertEqual(mailing.rendering_progress, 0.0)
        # one batch of the scheduled action: all originals, two donors' e-mails
        mails = self.sender._le97_send_waiting_emails()
        self.assertFalse(mails, "no original yet: nothing to send")
        self.env["donation.tax.receipt"]._le97_render_originals(batch_size=100)
        mails = self.sender._le97_send_waiting_emails()
        self.assertEqual(len(mails), 2)
        mailing.invalidate_recordset()
        self.assertEqual(mailing.state, "sending")
        self.assertEqual(mailing.rendering_progress, 100.0)
        self.assertEqual((mailing.queued_count, mailing.waiting_donor_count), (2, 2))
        self.assertEqual(mailing.sending_progress, 0.0)
        # the rest: the scheduled action goes on until nothing waits
        self.env["donation.tax.receipt"]._le97_cron_render_originals()
        mailing.invalidate_recordset()
        self.assertEqual((mailing.queued_count, mailing.waiting_donor_count), (4, 0))
        self.assertEqual(
            self._mails_by_donor(mailing), dict.fromkeys(self.donors[:4].ids, 1)
        )
        first = mailing.sudo().mail_ids.filtered(
            lambda m: m.recipient_ids == self.donors[0]
        )
        self.assertEqual(len(first.attachment_ids), 2, "both receipts, one e-mail")
        self.assertEqual(first.author_id, self.user_admin.partner_id)
        self.assertEqual(set(mailing.sudo().mail_ids.mapped("state")), {"outgoing"})
        self.assertFalse(self.receipts.le97_mailing_id)
        # the mail queue sends them; one is refused by the donor's server
        sent, failed = mailing.sudo().mail_ids[:3], mailing.sudo().mail_ids[3:]
        sent.write({"state": "sent"})
        failed.write(
            {
                "state": "exception",
                "failure_reason": "550 5.1.1 mailbox unavailable",
            }
        )
        mailing.invalidate_recordset()
        self.assertEqual(mailing.state, "done")
        self.assertEqual((mailing.sent_count, mailing.failed_count), (3, 1))
        self.assertEqual(mailing.sending_progress, 100.0)
        self.assertIn("550 5.1.1 mailbox unavailable", mailing.failure_summary)
        self.assertIn(failed.recipient_ids.name, mailing.failure_summary)
        # the summary is listed and opens
        action = wizard.action_open_mailing()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (mailing._name, mailing.id)
        )
        self.assertIn(
            mailing,
            self.env["le97.receipt.mailing"].with_user(self.user_admin).search([]),
        )

    def test_small_sending_queues_at_once(self):
        self.env["donation.tax.receipt"]._le97_render_originals(batch_size=100)
        receipts = self.receipts.filtered(lambda r: r.partner_id in self.donors[1:3])
        wizard = self._send(receipts)
        self.assertEqual(wizard.queued_count, 2)
        mailing = wizard.mailing_id
        self.assertEqual(mailing.sudo().mail_ids, wizard.queued_mail_ids)
        self.assertEqual((mailing.queued_count, mailing.waiting_donor_count), (2, 0))
        self.assertEqual(mailing.state, "sending")

    def test_crash_in_the_middle_resumes_one_original_and_one_mail_each(self):
        """The scheduled action is killed in its second batch; the next run
        finishes: every receipt has exactly one original, every donor with an
        e-mail exactly one e-mail."""
        self.env["ir.config_parameter"].set_param(
            "le97_donation.originals_batch_size", "2"
        )
        wizard = self._send(self.receipts)
        calls = Counter()

        def crashing(batch):
            calls["batches"] += 1
            if calls["batches"] == 2:
                raise RuntimeError("cron worker killed")
            return fake_originals(batch)

        savepoint = [self.env.cr.savepoint()]

        def commit():
            savepoint[0].close(rollback=False)
            savepoint[0] = self.env.cr.savepoint()

        self.patch(self.env.cr, "commit", commit)
        self.patch(DonationTaxReceipt, "_le97_render_original_pdfs", crashing)
        receipt_model = self.env["donation.tax.receipt"]
        with self.assertRaisesRegex(RuntimeError, "killed"):
            receipt_model._le97_cron_render_originals(auto_commit=True)
        savepoint[0].close(rollback=True)
        self.env.invalidate_all()
        savepoint[0] = self.env.cr.savepoint()
        # the first batch (two receipts of the first donor) and its e-mail kept
        done = self.receipts.filtered("le97_pdf_attachment_id")
        self.assertEqual(done, self.receipts[:2])
        self.assertEqual(
            self._mails_by_donor(wizard.mailing_id), {self.donors[0].id: 1}
        )
        self.assertEqual(calls["batches"], 2)
        # a restart: the rest, and only the rest
        receipt_model._le97_cron_render_originals(auto_commit=True)
        savepoint[0].close(rollback=False)
        self.env.invalidate_all()
        attachments = self.env["ir.attachment"].search(
            [
                ("res_model", "=", receipt_model._name),
                ("res_id", "in", self.receipts.ids),
            ]
        )
        self.assertEqual(
            Counter(attachments.mapped("res_id")), dict.fromkeys(self.receipts.ids, 1)
        )
        for receipt in self.receipts:
            self.assertEqual(
                receipt.le97_pdf_attachment_id.raw,
                b"%PDF-1.4 original of " + receipt.number.encode(),
            )
        self.assertEqual(
            self._mails_by_donor(wizard.mailing_id),
            dict.fromkeys(self.donors[:4].ids, 1),
        )
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [
                    ("model", "=", receipt_model._name),
                    ("res_id", "in", self.receipts.ids),
                ]
            ),
            4,
        )
        self.assertFalse(self.receipts.le97_mailing_id)

    def test_only_the_system_writes_a_sending(self):
        wizard = self._send(self.receipts)
        mailing = wizard.mailing_id
        for user in (self.user_admin, self.user_treasurer, self.user_volunteer):
            model = self.env["le97.receipt.mailing"].with_user(user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                model.create({})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mailing.with_user(user).write({"user_id": user.id})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mailing.with_user(user).unlink()
        for user in (self.user_treasurer, self.user_volunteer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mailing.with_user(user).read(["receipt_count"])
        self.assertEqual(mailing.user_id, self.user_admin)
        self.assertTrue(mailing.exists())
        self.assertEqual(
            mailing.with_user(self.user_admin).read(["receipt_count"])[0][
                "receipt_count"
            ],
            6,
        )
        # the e-mails themselves stay the system's
        with self.assertRaises(AccessError):
            mailing.with_user(self.user_admin).read(["mail_ids"])
