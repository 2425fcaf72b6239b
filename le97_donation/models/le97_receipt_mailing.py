# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models


class Le97ReceiptMailing(models.Model):
    """One bulk sending of fiscal receipts: what was asked, and how far the
    originals and the e-mails have got (read by the receipts administrator;
    written by the sending wizard and the scheduled action only)."""

    _name = "le97.receipt.mailing"
    _description = "Sending of Fiscal Receipts"
    _order = "id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Sent by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        help="The e-mails leave from this user.",
    )
    receipt_ids = fields.Many2many(
        "donation.tax.receipt",
        "le97_receipt_mailing_receipt_rel",
        "mailing_id",
        "receipt_id",
        string="Receipts",
        readonly=True,
    )
    waiting_receipt_ids = fields.One2many(
        "donation.tax.receipt",
        "le97_mailing_id",
        string="Receipts Waiting",
        readonly=True,
        help="Receipts whose e-mail is not queued yet: it waits for their "
        "original PDF, or for the next batch of the scheduled action.",
    )
    mail_ids = fields.Many2many(
        "mail.mail",
        "le97_receipt_mailing_mail_rel",
        "mailing_id",
        "mail_id",
        string="E-mails",
        readonly=True,
        groups="base.group_system",
    )
    no_email_partner_ids = fields.Many2many(
        "res.partner",
        "le97_receipt_mailing_no_email_rel",
        "mailing_id",
        "partner_id",
        string="Donors Without E-mail",
        readonly=True,
        help="These donors have no e-mail address: print their receipts instead.",
    )
    state = fields.Selection(
        [
            ("rendering", "Preparing the PDFs"),
            ("sending", "Sending"),
            ("done", "Done"),
        ],
        compute="_compute_progress",
    )
    receipt_count = fields.Integer(
        string="Number of Receipts", compute="_compute_progress"
    )
    donor_count = fields.Integer(string="Number of Donors", compute="_compute_progress")
    original_done_count = fields.Integer(
        string="PDFs Ready", compute="_compute_progress"
    )
    original_pending_count = fields.Integer(
        string="PDFs Being Prepared", compute="_compute_progress"
    )
    waiting_donor_count = fields.Integer(
        string="E-mails Not Queued Yet", compute="_compute_progress"
    )
    queued_count = fields.Integer(
        string="E-mails in the Queue", compute="_compute_progress"
    )
    sent_count = fields.Integer(string="E-mails Sent", compute="_compute_progress")
    failed_count = fields.Integer(string="E-mails Failed", compute="_compute_progress")
    no_email_count = fields.Integer(
        string="Number of Donors Without E-mail", compute="_compute_progress"
    )
    rendering_progress = fields.Float(
        string="PDFs Ready (%)", compute="_compute_progress"
    )
    sending_progress = fields.Float(
        string="E-mails Handled (%)", compute="_compute_progress"
    )
    failure_summary = fields.Html(
        string="Failures", compute="_compute_progress", sanitize=True
    )

    @api.depends_context("uid")
    def _compute_display_name(self):
        for mailing in self:
            mailing.display_name = self.env._(
                "Sending of %(date)s (%(count)s receipts)",
                date=fields.Datetime.to_string(
                    fields.Datetime.context_timestamp(mailing, mailing.create_date)
                )[:16]
                if mailing.create_date
                else "",
                count=len(mailing.receipt_ids),
            )

    def _progress_counts(self):
        """{mailing id: {key: number}} in a few queries for all of self."""
        counts = {
            mailing.id: dict.fromkeys(
                (
                    "receipts",
                    "donors",
                    "originals",
                    "waiting",
                    "outgoing",
                    "sent",
                    "failed",
                ),
                0,
            )
            for mailing in self
        }
        if not self.ids:
            return counts
        self.env["donation.tax.receipt"].flush_model(
            ["le97_pdf_attachment_id", "le97_mailing_id", "partner_id"]
        )
        self.flush_recordset()
        cr = self.env.cr
        cr.execute(
            """
            SELECT rel.mailing_id, count(*), count(DISTINCT r.partner_id),
                   count(r.le97_pdf_attachment_id)
              FROM le97_receipt_mailing_receipt_rel rel
              JOIN donation_tax_receipt r ON r.id = rel.receipt_id
             WHERE rel.mailing_id = ANY(%s)
             GROUP BY rel.mailing_id
            """,
            (list(self.ids),),
        )
        for mailing_id, receipts, donors, originals in cr.fetchall():
            counts[mailing_id].update(
                receipts=receipts, donors=donors, originals=originals
            )
        cr.execute(
            """
            SELECT le97_mailing_id, count(DISTINCT partner_id)
              FROM donation_tax_receipt
             WHERE le97_mailing_id = ANY(%s)
             GROUP BY le97_mailing_id
            """,
            (list(self.ids),),
        )
        for mailing_id, waiting in cr.fetchall():
            counts[mailing_id]["waiting"] = waiting
        self.env["mail.mail"].flush_model(["state"])
        cr.execute(
            """
            SELECT rel.mailing_id, m.state, count(*)
              FROM le97_receipt_mailing_mail_rel rel
              JOIN mail_mail m ON m.id = rel.mail_id
             WHERE rel.mailing_id = ANY(%s)
             GROUP BY rel.mailing_id, m.state
            """,
            (list(self.ids),),
        )
        for mailing_id, state, number in cr.fetchall():
            key = {"outgoing": "outgoing", "sent": "sent", "received": "sent"}.get(
                state, "failed"
            )
            counts[mailing_id][key] += number
        return counts

    def _failure_summary(self):
        """A table of the e-mails that failed, with their reason."""
        failed = self.sudo().mail_ids.filtered(
            lambda m: m.state in ("exception", "cancel")
        )
        if not failed:
            return False
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                ", ".join(mail.recipient_ids.mapped("display_name")),
                ", ".join(filter(None, mail.recipient_ids.mapped("email"))),
                mail.failure_reason
                or dict(mail._fields["state"]._description_selection(self.env)).get(
                    mail.state
                ),
            )
            for mail in failed
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th>"
            "<th>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (
            escape(self.env._("Donor")),
            escape(self.env._("E-mail")),
            escape(self.env._("Reason")),
            rows,
        )

    @api.depends_context("uid")
    def _compute_progress(self):
        counts = self.sudo()._progress_counts()
        for mailing in self:
            count = counts.get(mailing.id) or {}
            receipts = count.get("receipts", 0)
            mailing.receipt_count = receipts
            mailing.donor_count = count.get("donors", 0)
            mailing.original_done_count = count.get("originals", 0)
            mailing.original_pending_count = receipts - count.get("originals", 0)
            mailing.waiting_donor_count = count.get("waiting", 0)
            mailing.queued_count = count.get("outgoing", 0)
            mailing.sent_count = count.get("sent", 0)
            mailing.failed_count = count.get("failed", 0)
            mailing.no_email_count = len(mailing.no_email_partner_ids)
            mailing.rendering_progress = (
                100.0 * count.get("originals", 0) / receipts if receipts else 100.0
            )
            handled = mailing.sent_count + mailing.failed_count
            to_handle = handled + mailing.queued_count + mailing.waiting_donor_count
            mailing.sending_progress = (
                100.0 * handled / to_handle if to_handle else 100.0
            )
            if mailing.original_pending_count and mailing.waiting_donor_count:
                mailing.state = "rendering"
            elif mailing.waiting_donor_count or mailing.queued_count:
                mailing.state = "sending"
            else:
                mailing.state = "done"
            mailing.failure_summary = (
                mailing._failure_summary() if mailing.failed_count else False
            )

    def _le97_action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sending of Fiscal Receipts"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_refresh(self):
        """The form's button: read the progress again."""
        return True
