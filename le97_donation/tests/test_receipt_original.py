# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The original PDF of a receipt is rendered by a scheduled action, never in
the request that issues, prints, sends or downloads it."""

import hashlib
import io
from collections import Counter
from unittest.mock import patch

from PyPDF2 import PdfReader

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import IrActionsReport

from ..models.donation_tax_receipt import (
    ORIGINALS_CRON_XMLID,
    RENDER_ORIGINAL,
    DonationTaxReceipt,
)
from .common import Le97DonationCommon

REPORT = "donation_base.report_donation_tax_receipt"


def _no_wkhtmltopdf(*args, **kwargs):
    raise AssertionError("wkhtmltopdf must not run here")


@tagged("post_install", "-at_install")
class TestReceiptOriginal(Le97DonationCommon):
    def _no_render(self):
        """Any wkhtmltopdf run fails the test."""
        return patch.object(IrActionsReport, "_run_wkhtmltopdf", _no_wkhtmltopdf)

    def _attachments(self, receipt):
        return self.env["ir.attachment"].search(
            [("res_model", "=", receipt._name), ("res_id", "=", receipt.id)]
        )

    def _triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.env.ref(ORIGINALS_CRON_XMLID).id)]
        )

    def _pending_receipt(self, amount=120.0):
        receipt = self._validated_donation(amount=amount).tax_receipt_id
        self.assertFalse(receipt.le97_pdf_attachment_id)
        return receipt

    # ------------------------------------------------------------------
    # (a) validating never renders; the cron stores one original, once
    # ------------------------------------------------------------------
    def test_validation_never_renders_cron_stores_one_original(self):
        triggers = self._triggers()
        env = self.env(user=self.user_treasurer)
        with self._no_render():
            donations = env["donation.donation"].create(
                [self._donation_vals(amount=a) for a in (40.0, 60.0)]
            )
            donations.validate()
        receipts = donations.tax_receipt_id
        self.assertEqual(len(receipts), 2)
        self.assertEqual(set(receipts.mapped("state")), {"issued"})
        self.assertTrue(all(receipts.mapped("number")))
        self.assertFalse(receipts.sudo().le97_pdf_attachment_id)
        self.assertFalse(any(self._attachments(r) for r in receipts))
        # the scheduled action is asked to run, once per issue
        self.assertGreater(self._triggers(), triggers)
        # the scheduled action (its real record) stores one original each
        self.env.ref(ORIGINALS_CRON_XMLID).method_direct_trigger()
        receipts.invalidate_recordset()
        for receipt in receipts:
            attachments = self._attachments(receipt)
            self.assertEqual(attachments, receipt.le97_pdf_attachment_id)
            self.assertEqual(attachments.mimetype, "application/pdf")
            self.assertTrue(attachments.raw.startswith(b"%PDF"))
            self.assertEqual(
                receipt.le97_pdf_sha256, hashlib.sha256(attachments.raw).hexdigest()
            )
        before = [(r.le97_pdf_attachment_id, r.le97_pdf_sha256) for r in receipts]
        # again: nothing to render, nothing changes
        with self._no_render():
            self.assertEqual(self._le97_render_originals(), 0)
            # a direct call of the storing method does not replace it either
            self.assertFalse(receipts._le97_store_original_pdf())
        receipts.invalidate_recordset()
        self.assertEqual(
            [(r.le97_pdf_attachment_id, r.le97_pdf_sha256) for r in receipts], before
        )
        self.assertEqual(sum(len(self._attachments(r)) for r in receipts), 2)

    def test_yearly_batch_issues_without_rendering(self):
        for amount in (50.0, 70.0):
            self._validated_donation(
                amount=amount,
                donation_date=self.today.replace(year=self.today.year - 1),
                tax_receipt_option="annual",
            )
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.user_admin)
            .create({"year": self.today.year - 1})
        )
        with self._no_render():
            wizard.action_issue()
        self.assertEqual(wizard.receipt_count, 1)
        self.assertEqual(wizard.pending_original_count, 1)
        self._le97_render_originals()
        wizard.invalidate_recordset()
        self.assertEqual(wizard.pending_original_count, 0)

    # ------------------------------------------------------------------
    # (b) resumable: a crash in a batch loses only that batch
    # ------------------------------------------------------------------
    def test_crash_in_a_batch_resumes_none_twice(self):
        receipts = self.env["donation.tax.receipt"]
        for amount in (10.0, 20.0, 30.0, 40.0, 50.0):
            receipts |= self._pending_receipt(amount)
        receipts = receipts.sorted("id")
        renders = Counter()
        crash = {"at": 4}

        def fake_render(batch):
            contents = []
            for receipt in batch:
                renders[receipt.id] += 1
                if sum(renders.values()) == crash["at"]:
                    raise RuntimeError("wkhtmltopdf killed")
                contents.append(b"%PDF-1.4 original of " + receipt.number.encode())
            return contents

        # the cron worker's commit and rollback, on a savepoint
        savepoint = [self.env.cr.savepoint()]

        def commit():
            savepoint[0].close(rollback=False)
            savepoint[0] = self.env.cr.savepoint()

        def rollback():
            savepoint[0].close(rollback=True)
            self.env.invalidate_all()
            savepoint[0] = self.env.cr.savepoint()

        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref(ORIGINALS_CRON_XMLID).id}
        )
        model = self.env["donation.tax.receipt"].with_context(
            ir_cron_progress_id=progress.id
        )
        self.patch(self.env.cr, "commit", commit)
        self.patch(DonationTaxReceipt, "_le97_render_original_pdfs", fake_render)
        with self.assertRaisesRegex(RuntimeError, "killed"):
            model._le97_cron_render_originals(batch_size=2, auto_commit=True)
        rollback()
        # the first batch was committed with its progress; the second is gone
        self.assertEqual((progress.done, progress.remaining), (2, 3))
        first = receipts[:2]
        self.assertTrue(all(first.mapped("le97_pdf_attachment_id")))
        self.assertFalse((receipts - first).le97_pdf_attachment_id)
        self.assertFalse(any(self._attachments(r) for r in receipts - first))
        kept = [(r.le97_pdf_attachment_id, r.le97_pdf_sha256) for r in first]
        # the next run does the rest, and only the rest
        crash["at"] = 0
        self.assertEqual(
            model._le97_cron_render_originals(batch_size=2, auto_commit=True), 3
        )
        self.assertEqual((progress.done, progress.remaining), (3, 0))
        receipts.invalidate_recordset()
        self.assertEqual(
            [(r.le97_pdf_attachment_id, r.le97_pdf_sha256) for r in first], kept
        )
        for receipt in receipts:
            attachment = self._attachments(receipt)
            self.assertEqual(attachment, receipt.le97_pdf_attachment_id)
            self.assertEqual(
                attachment.raw, b"%PDF-1.4 original of " + receipt.number.encode()
            )
        # rendered once each, except the one of the batch that crashed
        self.assertEqual([renders[r.id] for r in receipts], [1, 1, 2, 2, 1])
        savepoint[0].close(rollback=False)

    # ------------------------------------------------------------------
    # (c) a print, a sending, a download of a pending original
    # ------------------------------------------------------------------
    def test_print_of_a_pending_original_says_so_and_renders_nothing(self):
        receipt = self._pending_receipt()
        # the issue asked the scheduled action to render it
        self.assertTrue(self._triggers())
        report = (
            self.env["ir.actions.report"]
            .with_user(self.user_admin)
            .with_context(force_report_rendering=True, lang="fr_FR")
        )
        with self._no_render(), self.assertRaises(UserError) as cm:
            report._render_qweb_pdf(REPORT, receipt.ids)
        message = str(cm.exception)
        self.assertIn(receipt.number, message)
        self.assertIn("en cours de préparation", message)
        # the receipt's own e-mail button and its template
        with self._no_render(), self.assertRaises(UserError):
            receipt.with_user(self.user_admin).action_send_tax_receipt()
        template = self.env.ref("donation_base.tax_receipt_email_template")
        with self._no_render(), self.assertRaises(UserError):
            template._generate_template_attachments(receipt.ids, ["attachment_ids"])
        with self._no_render(), self.assertRaises(UserError):
            receipt._le97_get_original_pdf()
        receipt.invalidate_recordset()
        self.assertFalse(receipt.le97_pdf_attachment_id)
        self.assertFalse(self._attachments(receipt))

    # ------------------------------------------------------------------
    # (d) the unstamped rendering is internal only
    # ------------------------------------------------------------------
    def test_forged_original_context_still_stamps(self):
        receipt = self._pending_receipt()
        self._le97_render_originals()
        original = receipt.le97_pdf_attachment_id.raw
        self.assertNotIn("DUPLICATA", self._pdf_text(original))
        for env in (
            self.env(user=self.user_admin),  # what a JSON-RPC caller gets
            self.env,  # even as superuser, a JSON value is not the sentinel
        ):
            report = env["ir.actions.report"].with_context(
                force_report_rendering=True, le97_render_original=True
            )
            with self._no_render():
                pdf, _type = report._render_qweb_pdf(REPORT, receipt.ids)
            self.assertNotEqual(pdf, original)
            self.assertIn("DUPLICATA", self._pdf_text(pdf))
            html, _type = report._render_qweb_html(REPORT, receipt.ids)
            self.assertIn(b"DUPLICATA", html)
        # the sentinel counts only as superuser
        as_admin = receipt.with_user(self.user_admin)
        self.assertEqual(
            as_admin.with_context(
                le97_render_original=RENDER_ORIGINAL
            )._le97_stamp_label(),
            "DUPLICATA",
        )
        self.assertEqual(
            receipt.sudo()
            .with_context(le97_render_original=RENDER_ORIGINAL)
            ._le97_stamp_label(),
            "",
        )
        receipt.invalidate_recordset()
        self.assertEqual(receipt.le97_pdf_attachment_id.raw, original)

    def _pdf_text(self, content):
        reader = PdfReader(io.BytesIO(content))
        return " ".join(page.extract_text() for page in reader.pages)

    # ------------------------------------------------------------------
    # nobody sets the original or the waiting e-mail by hand
    # ------------------------------------------------------------------
    def test_original_and_waiting_email_set_by_the_system_only(self):
        receipt = self._pending_receipt()
        attachment = self.env["ir.attachment"].create(
            {"name": "forged.pdf", "raw": b"%PDF-1.4 forged"}
        )
        mailing = self.env["le97.receipt.mailing"].create({})
        for user in (self.user_admin, self.user_treasurer):
            for vals in (
                {"le97_pdf_attachment_id": attachment.id},
                {"le97_pdf_sha256": "0" * 64},
                {"le97_mailing_id": mailing.id},
            ):
                with self.assertRaises(UserError):
                    receipt.with_user(user).write(vals)
        receipt.invalidate_recordset()
        self.assertFalse(receipt.le97_pdf_attachment_id)
        self.assertFalse(receipt.le97_pdf_sha256)
        self.assertFalse(receipt.le97_mailing_id)
