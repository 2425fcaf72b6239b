# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import html as html_lib
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PyPDF2 import PdfReader

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.donation_tax_receipt import RENDER_ORIGINAL
from .common import Le97DonationCommon

REPORT = "donation_base.report_donation_tax_receipt"


@tagged("post_install", "-at_install")
class TestReceiptReport(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.individual_receipt = cls._validated_donation(amount=120.0).tax_receipt_id
        cls.company_receipt = cls._validated_donation(
            cls.company_donor, amount=1500.5
        ).tax_receipt_id

    def _raw_html(self, receipts, **ctx):
        report = self.env["ir.actions.report"].with_context(**ctx)
        html, _type = report._render_qweb_html(REPORT, receipts.ids)
        return html.decode()

    def _html(self, receipts, **ctx):
        """The rendered receipts as plain text (tags removed), each drawn box
        written as the ballot box character it stands for."""
        raw = re.sub(
            r'<span[^>]*data-le97-box="(checked|unchecked)"[^>]*>[^<]*</span>',
            lambda box: "☒" if box[1] == "checked" else "☐",
            self._raw_html(receipts, **ctx),
        )
        text = re.sub(r"<[^>]+>", " ", raw)
        return re.sub(r"\s+", " ", html_lib.unescape(text))

    def _assert_fund_mentions(self, html):
        for text in (
            "Fond'action Alusage",
            "97 rue Battant",
            "25000",
            "Besançon",
            "732829320",
            "Soutenir le tiers-lieu Le 97",
            "☒ Fonds de dotation",
            "Camille Martin",
            "Présidente",
            "Date d'émission",
            "☒ Déclaration de don manuel",
            "☒ Numéraire",
            "☒ Chèque",
            "☐ Remise d'espèces",
        ):
            self.assertIn(text, html)

    def test_individual_receipt_mentions(self):
        receipt = self.individual_receipt
        self.assertIn('alt="Signature"', self._raw_html(receipt))
        html = self._html(receipt)
        self._assert_fund_mentions(html)
        for text in (
            "Cerfa n° 11580*05",
            "2041-RD",
            receipt.number,
            "Jeanne Dupont",
            "12 rue des Granges",
            "***120,00 €***",
            "cent vingt euros",
            "☒ 200 du CGI",
            "☐ 978 du CGI",
            "Date du versement ou du don",
            "DUPLICATA",
        ):
            self.assertIn(text, html)
        self.assertNotIn("238 bis du CGI", html)
        self.assertEqual(receipt.le97_amount_words, "cent vingt euros")

    def test_company_receipt_mentions(self):
        receipt = self.company_receipt
        html = self._html(receipt)
        self._assert_fund_mentions(html)
        for text in (
            "Cerfa n° 16216*01",
            "2041-MEC-SD",
            receipt.number,
            "Comté Bois SARL",
            "SARL",
            "552100554",
            "3 avenue Fontaine-Argent",
            "***1 500,50 €***",
            "mille cinq cents euros et cinquante centimes",
            "☒ 238 bis du CGI",
        ):
            self.assertIn(text, html)
        self.assertNotIn("200 du CGI", html)

    def test_cerfa_report_replaces_oca_one(self):
        action = self.env.ref(REPORT)
        self.assertEqual(action.report_name, "le97_donation.report_tax_receipt")
        self.assertEqual(action.binding_model_id.model, "donation.tax.receipt")
        template = self.env.ref("donation_base.tax_receipt_email_template")
        self.assertFalse(template.report_template_ids)
        # the e-mail carries the stored original
        receipt = self.individual_receipt
        content = b"%PDF-1.4 original"
        attachment = self.env["ir.attachment"].create(
            {
                "name": "original.pdf",
                "raw": content,
                "res_model": receipt._name,
                "res_id": receipt.id,
            }
        )
        receipt.sudo().write(
            {
                "le97_pdf_attachment_id": attachment.id,
                "le97_pdf_sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        values = template._generate_template_attachments(
            receipt.ids, ["attachment_ids"]
        )
        self.assertIn(attachment.id, values[receipt.id]["attachment_ids"])
        self.assertEqual(receipt._le97_get_original_pdf(), content)
        # the original is stored once and never deleted
        with self.assertRaises(UserError):
            receipt.sudo().write({"le97_pdf_sha256": "0" * 64})
        with self.assertRaises(UserError) as cm:
            attachment.unlink()
        self.assertIn(receipt.number, str(cm.exception))
        self.assertTrue(attachment.exists())

    def test_form_number_is_data(self):
        self.env["ir.config_parameter"].set_param(
            "le97_donation.form_individual_cerfa", "11580*06"
        )
        self.assertIn("Cerfa n° 11580*06", self._html(self.individual_receipt))

    def test_original_has_no_stamp_cancelled_prints_annule(self):
        receipt = self.individual_receipt
        original = self.env["ir.actions.report"].with_context(
            le97_render_original=RENDER_ORIGINAL
        )
        html, _type = original._render_qweb_html(REPORT, receipt.ids)
        self.assertNotIn(b"DUPLICATA", html)
        # a context key from a JSON-RPC caller is not the internal switch
        self.assertIn("DUPLICATA", self._html(receipt, le97_render_original=True))
        receipt.with_user(self.user_admin)._le97_cancel("Wrong amount")
        html = self._html(receipt)
        self.assertIn("ANNULÉ", html)
        self.assertNotIn("DUPLICATA", html)

    def test_yearly_receipt_lists_each_gift(self):
        first = self._validated_donation(
            amount=50.0, tax_receipt_option="annual", method_line=self.cheque_line
        )
        second = self._validated_donation(
            amount=70.0, tax_receipt_option="annual", method_line=self.method_line
        )
        receipt = self.env["donation.tax.receipt"]._le97_issue(
            [
                {
                    "partner_id": self.donor.id,
                    "type": "annual",
                    "amount": 120.0,
                    "donation_date": self.today,
                    "donation_ids": [(6, 0, (first | second).ids)],
                }
            ]
        )
        html = self._html(receipt)
        raw = self._raw_html(receipt)
        self.assertEqual(raw.count("<tr>"), 3)  # header + two gifts
        self.assertIn("50,00", html)
        self.assertIn("70,00", html)
        self.assertIn("☒ Chèque", html)
        self.assertIn("☒ Virement, prélèvement, carte bancaire", html)

    def test_many_receipts_each_once(self):
        receipts = self.individual_receipt | self.company_receipt
        html = self._raw_html(receipts + receipts)
        self.assertEqual(html.count("page le97-receipt"), 2)

    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_pdf_one_page_each_duplicata_and_hash(self):
        """The real PDF (wkhtmltopdf): stored by the scheduled action with its
        hash, one page per receipt, a reprint stamped DUPLICATA (read by OCR)."""
        receipts = self.individual_receipt | self.company_receipt
        self.assertEqual(self._le97_render_originals(), 2)
        hashes = receipts.mapped("le97_pdf_sha256")
        originals = [r.sudo().le97_pdf_attachment_id.raw for r in receipts]
        for content in originals:
            self.assertEqual(len(PdfReader(io.BytesIO(content)).pages), 1)
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, report_type = report._render_qweb_pdf(REPORT, receipts.ids * 2)
        self.assertEqual(report_type, "pdf")
        self.assertEqual(len(PdfReader(io.BytesIO(pdf)).pages), 2)
        receipts.invalidate_recordset()
        self.assertEqual(receipts.mapped("le97_pdf_sha256"), hashes)
        self.assertEqual(
            [r.sudo().le97_pdf_attachment_id.raw for r in receipts], originals
        )
        if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
            self.skipTest("tesseract or pdftoppm is not installed")
        single, _type = report._render_qweb_pdf(REPORT, self.individual_receipt.ids)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp)
            (path / "receipt.pdf").write_bytes(single)
            subprocess.run(
                ["pdftoppm", "-r", "100", "-png", "receipt.pdf", "page"],
                cwd=tmp,
                check=True,
            )
            page = sorted(path.glob("page*.png"))[0]
            text = subprocess.run(
                ["tesseract", str(page), "-", "-l", "fra"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            original = path / "original.pdf"
            original.write_bytes(originals[0])
            subprocess.run(
                ["pdftoppm", "-r", "100", "-png", "original.pdf", "orig"],
                cwd=tmp,
                check=True,
            )
            orig_text = subprocess.run(
                ["tesseract", str(sorted(path.glob("orig*.png"))[0]), "-", "-l", "fra"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        self.assertIn("DUPLICATA", text.upper().replace(" ", ""))
        self.assertNotIn("DUPLICATA", orig_text.upper().replace(" ", ""))
        self.assertIn("Cerfa", orig_text)
