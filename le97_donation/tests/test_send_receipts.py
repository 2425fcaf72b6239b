# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import IrActionsReport

from .common import Le97DonationCommon


def _no_wkhtmltopdf(*args, **kwargs):
    raise AssertionError("wkhtmltopdf must not run in the sending")


@tagged("post_install", "-at_install")
class TestSendReceipts(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donor_no_mail = cls.donor.copy({"name": "Paul Sansmail", "email": False})
        for partner, amount, day in (
            (cls.donor, 50, date(2025, 3, 1)),
            (cls.donor, 70, date(2025, 9, 1)),
            (cls.donor_no_mail, 30, date(2025, 4, 1)),
        ):
            cls._validated_donation(
                partner, amount, donation_date=day, tax_receipt_option="annual"
            )
        wizard = (
            cls.env["donation.tax.receipt.yearly"]
            .with_user(cls.user_admin)
            .create({"year": 2025})
        )
        wizard.action_issue()
        cls.receipts = wizard.receipt_ids
        # A per-gift receipt of the same donor: still one e-mail for them.
        cls.receipt_each = cls._validated_donation(
            cls.donor, 20, donation_date=date(2025, 10, 1)
        ).tax_receipt_id
        cls.all_receipts = cls.receipts | cls.receipt_each

    def _send(self, receipts, user=None):
        action = self.env["donation.tax.receipt.send"]._action_open(receipts)
        wizard = (
            self.env["donation.tax.receipt.send"]
            .with_user(user or self.user_admin)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_send()
        return wizard

    def test_one_queued_email_per_donor_with_the_pdfs(self):
        self._le97_render_originals()
        wizard = self._send(self.all_receipts)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.queued_count, 1)
        mail = wizard.queued_mail_ids
        self.assertEqual(mail.state, "outgoing", "queued, not sent inline")
        self.assertEqual(mail.recipient_ids, self.donor)
        receipts_donor = self.all_receipts.filtered(
            lambda r: r.partner_id == self.donor
        )
        self.assertEqual(len(receipts_donor), 2)
        self.assertEqual(mail.attachment_ids, receipts_donor.le97_pdf_attachment_id)
        self.assertEqual(len(mail.attachment_ids), 2)
        for attachment in mail.attachment_ids:
            self.assertEqual(attachment.mimetype, "application/pdf")
            self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertTrue(all(receipts_donor.mapped("le97_pdf_sha256")))
        self.assertIn(receipts_donor.sorted("id")[-1].number, mail.subject)
        # The donor without e-mail is reported, not sent, and noted on the receipt.
        self.assertEqual(wizard.not_sent_partner_ids, self.donor_no_mail)
        self.assertEqual(wizard.not_sent_count, 1)
        receipt_no_mail = self.receipts.filtered(
            lambda r: r.partner_id == self.donor_no_mail
        )
        self.assertFalse(receipt_no_mail.le97_mailing_id, "nothing waits")
        self.assertEqual(wizard.waiting_count, 0)
        self.assertIn("no e-mail", receipt_no_mail.message_ids[:1].body)

    def test_cancelled_receipt_is_not_sent(self):
        receipt = self.receipt_each
        receipt.with_user(self.user_admin)._le97_cancel("Duplicate")
        mails = self.env["mail.mail"].search_count([])
        with self.assertRaises(UserError) as cm:
            self._send(self.all_receipts)
        self.assertIn(receipt.number, str(cm.exception))
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_only_receipt_admin_sends(self):
        mails = self.env["mail.mail"].search_count([])
        with self.assertRaises(AccessError):
            self._send(self.all_receipts, user=self.user_treasurer)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_emails_wait_for_their_originals(self):
        """Sent before the originals are ready: nothing is rendered in the
        request, the e-mails leave when the scheduled action has made them."""
        mails = self.env["mail.mail"].search_count([])
        action = self.env["donation.tax.receipt.send"]._action_open(self.all_receipts)
        wizard = (
            self.env["donation.tax.receipt.send"]
            .with_user(self.user_admin)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.pending_original_count, 3)
        with patch.object(IrActionsReport, "_run_wkhtmltopdf", _no_wkhtmltopdf):
            wizard.action_send()
        self.assertEqual(wizard.queued_count, 0)
        self.assertEqual(wizard.waiting_count, 1)
        self.assertEqual(wizard.not_sent_partner_ids, self.donor_no_mail)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        receipts_donor = self.all_receipts.filtered(
            lambda r: r.partner_id == self.donor
        )
        self.assertEqual(receipts_donor.le97_mailing_id, wizard.mailing_id)
        self.assertEqual(wizard.mailing_id.user_id, self.user_admin)
        self.assertFalse((self.all_receipts - receipts_donor).le97_mailing_id)
        # the scheduled action renders the originals, then queues the e-mail
        self._le97_render_originals()
        mail = self.env["mail.mail"].search([], order="id desc", limit=1)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails + 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.recipient_ids, self.donor)
        self.assertEqual(mail.author_id, self.user_admin.partner_id)
        self.assertEqual(mail.attachment_ids, receipts_donor.le97_pdf_attachment_id)
        self.assertEqual(len(mail.attachment_ids), 2)
        self.assertFalse(receipts_donor.le97_mailing_id)
        # once only
        self.assertEqual(self._le97_render_originals(), 0)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails + 1)

    def test_waiting_email_of_a_cancelled_receipt(self):
        """A receipt cancelled while its e-mail waited is not sent; the other
        receipts of the donor are."""
        self._send(self.all_receipts)
        mails = self.env["mail.mail"].search_count([])
        self.receipt_each.with_user(self.user_admin)._le97_cancel("Duplicate")
        self._le97_render_originals()
        self.assertEqual(self.env["mail.mail"].search_count([]), mails + 1)
        mail = self.env["mail.mail"].search([], order="id desc", limit=1)
        yearly = self.receipts.filtered(lambda r: r.partner_id == self.donor)
        self.assertEqual(mail.attachment_ids, yearly.le97_pdf_attachment_id)
        self.assertFalse(self.all_receipts.le97_mailing_id)
