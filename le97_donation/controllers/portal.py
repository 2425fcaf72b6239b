# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class ReceiptPortal(CustomerPortal):
    """The donor's fiscal receipts in their portal: only their own, issued
    ones, and the stored original PDF."""

    def _get_receipt_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "=", partner.id), ("state", "=", "issued")]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "receipt_count" in counters:
            values["receipt_count"] = (
                request.env["donation.tax.receipt"]
                .sudo()
                .search_count(self._get_receipt_domain())
            )
        return values

    @http.route(
        ["/my/receipts", "/my/receipts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_receipts(self, page=1, pending=None, **kw):
        receipts_sudo = request.env["donation.tax.receipt"].sudo()
        domain = self._get_receipt_domain()
        pager = portal_pager(
            url="/my/receipts",
            total=receipts_sudo.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        receipts = receipts_sudo.search(
            domain,
            order="date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "receipts": receipts,
                "page_name": "receipts",
                "pager": pager,
                "default_url": "/my/receipts",
                # the receipt whose download found its PDF still in the making
                "pending_number": pending
                and str(pending).isdigit()
                and receipts_sudo.search([*domain, ("id", "=", int(pending))]).number,
            }
        )
        return request.render("le97_donation.portal_my_receipts", values)

    @http.route(
        ["/my/receipts/<int:receipt_id>/download"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_receipt_download(self, receipt_id, **kw):
        receipt_sudo = (
            request.env["donation.tax.receipt"]
            .sudo()
            .search([*self._get_receipt_domain(), ("id", "=", receipt_id)])
        )
        if not receipt_sudo:
            raise request.not_found()
        if not receipt_sudo.le97_pdf_attachment_id:
            # rendered by the scheduled action, never inside this request
            receipt_sudo._le97_trigger_originals()
            return request.redirect(f"/my/receipts?pending={receipt_sudo.id}")
        content = receipt_sudo._le97_get_original_pdf()
        filename = receipt_sudo.le97_pdf_attachment_id.name or "receipt.pdf"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", str(len(content))),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
