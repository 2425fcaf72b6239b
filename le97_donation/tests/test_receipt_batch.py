# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The originals are rendered many receipts per wkhtmltopdf run, then cut back
into one PDF per receipt, each proven to be its own receipt's pages."""

import io
import logging
from unittest.mock import patch

from reportlab.pdfgen import canvas

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfReader

from odoo.addons.base.models.ir_actions_report import IrActionsReport

from ..models.donation_tax_receipt import DonationTaxReceipt
from ..tools import pdf_pages
from .common import Le97DonationCommon

_logger = logging.getLogger(__name__)


def make_pdf(pages):
    """A PDF whose pages show the given lines of text (one list per page)."""
    output = io.BytesIO()
    can = canvas.Canvas(output)
    for lines in pages:
        for position, line in enumerate(lines):
            can.drawString(72, 760 - 20 * position, line)
        can.showPage()
    can.save()
    return output.getvalue()


def page_count(content):
    return len(PdfReader(io.BytesIO(content)).pages)


@tagged("post_install", "-at_install")
class TestSplitByNumbers(TransactionCase):
    NUMBERS = ["2026-00001", "2026-00002", "2026-00003"]

    def _texts(self, documents):
        return [" ".join(pdf_pages.page_texts(doc)) for doc in documents]

    def test_one_page_per_receipt(self):
        content = make_pdf(
            [[f"Numéro d'ordre du reçu : {n}", f"Donateur {n}"] for n in self.NUMBERS]
        )
        parts = pdf_pages.split_by_numbers(content, self.NUMBERS)
        self.assertEqual(len(parts), 3)
        for number, text, part in zip(
            self.NUMBERS, self._texts(parts), parts, strict=True
        ):
            self.assertEqual(page_count(part), 1)
            self.assertIn(f"Donateur {number}", text)
            for other in set(self.NUMBERS) - {number}:
                self.assertNotIn(other, text)

    def test_a_receipt_over_two_pages_keeps_both(self):
        content = make_pdf(
            [
                ["Reçu 2026-00001"],
                ["Reçu 2026-00002", "début"],
                ["suite du reçu précédent"],
                ["Reçu 2026-00003"],
            ]
        )
        parts = pdf_pages.split_by_numbers(content, self.NUMBERS)
        self.assertEqual([page_count(part) for part in parts], [1, 2, 1])
        self.assertIn("suite du reçu précédent", self._texts(parts)[1])

    def test_unproven_cuts_are_refused(self):
        cases = {
            "a receipt is missing": [["Reçu 2026-00001"], ["Reçu 2026-00003"]],
            "a page before the first receipt": [
                ["Page de garde"],
                *[[f"Reçu {n}"] for n in self.NUMBERS],
            ],
            "a receipt names another of the batch": [
                ["Reçu 2026-00001"],
                ["Reçu 2026-00002", "remplace le reçu 2026-00003"],
                ["Reçu 2026-00003"],
            ],
            "the order is not the receipts'": [
                ["Reçu 2026-00002"],
                ["Reçu 2026-00001"],
                ["Reçu 2026-00003"],
            ],
            "one page too many at the end names the first": [
                *[[f"Reçu {n}"] for n in self.NUMBERS],
                ["Reçu 2026-00001"],
            ],
        }
        for case, pages in cases.items():
            with self.subTest(case=case):
                self.assertIsNone(
                    pdf_pages.split_by_numbers(make_pdf(pages), self.NUMBERS)
                )

    def test_a_number_is_a_whole_word(self):
        self.assertTrue(pdf_pages.names_number("reçu : 2026-00001 du", "2026-00001"))
        for text in ("2026-000010", "12026-00001", "2026-00001-bis", ""):
            self.assertFalse(pdf_pages.names_number(text, "2026-00001"), text)
        self.assertFalse(pdf_pages.names_number("2026-00001", ""))

    def test_without_pdftotext_pypdf2_reads_the_pages(self):
        content = make_pdf([[f"Reçu {n}"] for n in self.NUMBERS])
        with patch.object(pdf_pages.shutil, "which", return_value=None):
            texts = pdf_pages.page_texts(content)
            parts = pdf_pages.split_by_numbers(content, self.NUMBERS)
        self.assertEqual(texts, [f"Reçu {n}" for n in self.NUMBERS])
        self.assertEqual(len(parts), 3)


@tagged("post_install", "-at_install")
class TestReceiptBatchRendering(Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donors = cls.env["res.partner"].create(
            [
                {
                    "name": name,
                    "street": f"{index} rue Battant",
                    "zip": "25000",
                    "city": "Besançon",
                    "country_id": cls.fr.id,
                    "lang": "fr_FR",
                }
                for index, name in enumerate(
                    ("Alice Vernier", "Bruno Faivre", "Chloé Guyon"), start=1
                )
            ]
        )

    def _receipts(self):
        receipts = self.env["donation.tax.receipt"]
        for donor, amount in zip(
            self.donors | self.company_donor, (10.0, 20.0, 30.0, 1500.5), strict=True
        ):
            receipts |= self._validated_donation(donor, amount).tax_receipt_id
        self.assertFalse(receipts.le97_pdf_attachment_id)
        return receipts.sorted("id")

    def _fake_pdf(self, receipts):
        return make_pdf(
            [
                [f"Numéro d'ordre du reçu : {r.number}", r.partner_id.name]
                for r in receipts
            ]
        )

    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_one_wkhtmltopdf_run_each_original_its_own_receipt(self):
        """The real thing: four receipts (three individuals and a company) in
        one wkhtmltopdf run; each stored original is one page naming its own
        number and donor, and nobody else's."""
        receipts = self._receipts()
        runs = []
        run_wkhtmltopdf = IrActionsReport._run_wkhtmltopdf

        def counting(report, bodies, *args, **kwargs):
            runs.append(len(bodies))
            return run_wkhtmltopdf(report, bodies, *args, **kwargs)

        with patch.object(IrActionsReport, "_run_wkhtmltopdf", counting):
            self.assertEqual(self._le97_render_originals(), 4)
        self.assertEqual(len(runs), 1, "one wkhtmltopdf run for the batch")
        names = receipts.mapped("partner_id.name")
        for receipt in receipts:
            content = receipt.sudo().le97_pdf_attachment_id.raw
            self.assertEqual(page_count(content), 1)
            text = " ".join(pdf_pages.page_texts(content))
            self.assertIn(receipt.number, text)
            self.assertIn(receipt.partner_id.name, text)
            for other in receipts - receipt:
                self.assertFalse(pdf_pages.names_number(text, other.number))
            for name in set(names) - {receipt.partner_id.name}:
                self.assertNotIn(name, text)
            self.assertTrue(receipt._le97_get_original_pdf().startswith(b"%PDF"))

    def test_bodies_joined_for_a_wkhtmltopdf_of_one_document(self):
        """Debian's wkhtmltopdf prints one HTML document per run: the receipts
        are joined in one, each from a new page; a wkhtmltopdf with the
        patched Qt gets one document per receipt (its headers and page
        numbers stay per receipt)."""
        receipts = self._receipts()
        seen = {}

        def fake_run(report, bodies, *args, **kwargs):
            seen["bodies"] = bodies
            return self._fake_pdf(receipts)

        for patched, expected in ((False, 1), (True, 4)):
            with (
                self.subTest(patched=patched),
                patch.object(
                    pdf_pages, "prints_several_documents", return_value=patched
                ),
                patch.object(IrActionsReport, "_run_wkhtmltopdf", fake_run),
            ):
                parts = receipts._le97_render_original_pdfs()
                self.assertEqual(len(seen["bodies"]), expected)
                self.assertEqual(len(parts), 4)
                joined = "".join(seen["bodies"])
                for receipt in receipts:
                    self.assertIn(f'data-oe-id="{receipt.id}"', joined)
                if not patched:
                    self.assertEqual(joined.count("page-break-before: always"), 3)
                for receipt, part in zip(receipts, parts, strict=True):
                    self.assertIn(receipt.number, pdf_pages.page_texts(part)[0])

    def test_unproven_cut_renders_one_by_one(self):
        """A batch whose PDF does not show the receipts one after the other
        (here the last one is missing) is rendered again receipt by receipt,
        with a warning; every original is still its own receipt's."""
        receipts = self._receipts()
        calls = []

        def fake_run(batch):
            calls.append(len(batch))
            if len(batch) > 1:
                return self._fake_pdf(batch[:-1])
            return self._fake_pdf(batch)

        with (
            patch.object(DonationTaxReceipt, "_le97_run_wkhtmltopdf", fake_run),
            self.assertLogs(
                "odoo.addons.le97_donation.models.donation_tax_receipt", "WARNING"
            ) as logs,
        ):
            self.assertEqual(self._le97_render_originals(), 4)
        self.assertIn("rendered one by one", logs.output[0])
        self.assertEqual(calls, [4, 1, 1, 1, 1])
        for receipt in receipts:
            text = pdf_pages.page_texts(receipt.sudo().le97_pdf_attachment_id.raw)
            self.assertEqual(
                text,
                [
                    f"Numéro d'ordre du reçu : {receipt.number} "
                    f"{receipt.partner_id.name}"
                ],
            )

    def test_a_crash_in_a_batch_stores_nothing_of_it(self):
        receipts = self._receipts()

        def broken(batch):
            raise RuntimeError("wkhtmltopdf killed")

        with (
            patch.object(DonationTaxReceipt, "_le97_run_wkhtmltopdf", broken),
            self.assertRaisesRegex(RuntimeError, "killed"),
        ):
            receipts._le97_store_original_pdf()
        self.assertFalse(receipts.sudo().le97_pdf_attachment_id)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", receipts._name), ("res_id", "in", receipts.ids)]
            )
        )
