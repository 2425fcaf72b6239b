# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from reportlab.lib import colors
from reportlab.pdfgen import canvas

from odoo import models, tools
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

RECEIPT_REPORT = "le97_donation.report_tax_receipt"


def stamp_pdf(content, label):
    """Return the PDF ``content`` with ``label`` printed across every page."""
    original = PdfFileReader(io.BytesIO(content), strict=False)
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    for index in range(original.getNumPages()):
        page = original.getPage(index)
        width = float(abs(page.mediaBox.getWidth()))
        height = float(abs(page.mediaBox.getHeight()))
        can.setPageSize((width, height))
        can.saveState()
        can.translate(width / 2, height / 2)
        can.rotate(35)
        can.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.3))
        can.setFont("Helvetica-Bold", 80)
        can.drawCentredString(0, 0, label)
        can.restoreState()
        # the same label, level, in the bottom margin: readable by a machine
        can.setFillColor(colors.Color(0.8, 0.1, 0.1))
        can.setFont("Helvetica-Bold", 28)
        can.drawCentredString(width / 2, 28, label)
        can.showPage()
    can.save()
    stamps = PdfFileReader(packet, strict=False)
    writer = PdfFileWriter()
    for index in range(original.getNumPages()):
        page = original.getPage(index)
        page.mergePage(stamps.getPage(index))
        writer.addPage(page)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        if report.report_name == RECEIPT_REPORT and docids:
            docids = list(dict.fromkeys(docids))
        return super()._get_rendering_context(report, docids, data)

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        """Fiscal receipts print their stored original, stamped (DUPLICATA or
        ANNULÉ), each receipt once, in one PDF: no wkhtmltopdf run."""
        report = self._get_report(report_ref)
        test_mode = (
            tools.config["test_enable"] or tools.config["test_file"]
        ) and not self.env.context.get("force_report_rendering")
        receipt_model = self.env["donation.tax.receipt"]
        if (
            report.report_name != RECEIPT_REPORT
            # the scheduled action renders an original (never a user's print)
            or receipt_model._le97_rendering_original()
            or test_mode
            or not res_ids
        ):
            return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        receipts = receipt_model.browse(dict.fromkeys(res_ids))
        receipts.check_access("read")
        # never rendered here, inside the user's request: a clear message while
        # the scheduled action prepares an original
        receipts._le97_check_originals_ready()
        documents = [
            stamp_pdf(receipt._le97_get_original_pdf(), receipt._le97_stamp_label())
            for receipt in receipts
        ]
        if len(documents) == 1:
            return documents[0], "pdf"
        writer = PdfFileWriter()
        for document in documents:
            reader = PdfFileReader(io.BytesIO(document), strict=False)
            for index in range(reader.getNumPages()):
                writer.addPage(reader.getPage(index))
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue(), "pdf"
