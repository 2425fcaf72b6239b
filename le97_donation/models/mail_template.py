# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def _generate_template_attachments(
        self, res_ids, render_fields, render_results=None
    ):
        """E-mails about a fiscal receipt carry its stored original PDF."""
        render_results = super()._generate_template_attachments(
            res_ids, render_fields, render_results=render_results
        )
        if self.model != "donation.tax.receipt" or "attachment_ids" not in (
            render_fields
        ):
            return render_results
        receipts = (
            self.env["donation.tax.receipt"]
            .browse(res_ids)
            .filtered(lambda r: r.state == "issued")
        )
        # never rendered here: the scheduled action makes the originals
        receipts._le97_check_originals_ready()
        for receipt in receipts:
            # an altered original is never sent (SHA-256 checked)
            receipt._le97_checked_original_pdf()
            attachment = receipt.sudo().le97_pdf_attachment_id
            values = render_results.setdefault(receipt.id, {})
            values["attachment_ids"] = [
                *(values.get("attachment_ids") or []),
                attachment.id,
            ]
        return render_results
