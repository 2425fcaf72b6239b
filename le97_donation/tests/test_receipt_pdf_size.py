# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import logging

from PyPDF2 import PdfReader

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import Le97DonationCommon

_logger = logging.getLogger(__name__)

# The stored original of one receipt, with the full 2041-RD content (issue 14).
MAX_ORIGINAL_BYTES = 150 * 1024


@tagged("post_install", "-at_install")
class TestReceiptPdfSize(Le97DonationCommon):
    # Debian's wkhtmltopdf warns about its unpatched Qt on every run
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_original_pdf_is_small_and_has_text(self):
        """The real originals (wkhtmltopdf) of an individual's and a company's
        receipt: one page each, at most 150 KB, and a text layer naming their
        own donor, number and amount. The receipt's text is in a font of the
        server: set in the report's web font, Debian's wkhtmltopdf drew every
        letter as a path (650 KB a page, no text to search); the boxes are
        drawn, not the ballot box characters that pulled a whole system font
        in."""
        individual = self._validated_donation(amount=120.0).tax_receipt_id
        company = self._validated_donation(
            self.company_donor, amount=1500.5
        ).tax_receipt_id
        self.assertEqual(self._le97_render_originals(), 2)
        for receipt, words in (
            (individual, ("Jeanne Dupont", "120,00", "Fonds de dotation")),
            (company, ("Comté Bois SARL", "1 500,50", "238 bis")),
        ):
            content = receipt.sudo().le97_pdf_attachment_id.raw
            _logger.info("original PDF of %s: %d bytes", receipt.number, len(content))
            self.assertLessEqual(len(content), MAX_ORIGINAL_BYTES)
            reader = PdfReader(io.BytesIO(content))
            self.assertEqual(len(reader.pages), 1)
            text = " ".join(reader.pages[0].extract_text().split())
            for word in (receipt.number, *words):
                self.assertIn(word, text)
        # each file is its own receipt's: the other donor is not in it
        text = (
            PdfReader(io.BytesIO(individual.sudo().le97_pdf_attachment_id.raw))
            .pages[0]
            .extract_text()
        )
        self.assertNotIn("Comté Bois", text)
