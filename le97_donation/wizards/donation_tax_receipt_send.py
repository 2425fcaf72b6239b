# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.donation_tax_receipt import MAIL_TEMPLATE_XMLID as TEMPLATE_XMLID


class DonationTaxReceiptSend(models.TransientModel):
    """Queue one e-mail per donor with the PDF of each of their receipts."""

    _name = "donation.tax.receipt.send"
    _description = "Send Fiscal Receipts by E-mail"

    receipt_ids = fields.Many2many(
        "donation.tax.receipt",
        "le97_send_wizard_receipt_rel",
        "wizard_id",
        "receipt_id",
        string="Receipts",
        required=True,
        default=lambda self: self._default_receipt_ids(),
    )
    state = fields.Selection(
        [("draft", "To Send"), ("done", "Queued")], default="draft", readonly=True
    )
    receipt_count = fields.Integer(
        compute="_compute_counts", string="Number of Receipts"
    )
    donor_count = fields.Integer(compute="_compute_counts", string="Number of Donors")
    queued_mail_ids = fields.Many2many(
        "mail.mail",
        "le97_send_wizard_mail_rel",
        "wizard_id",
        "mail_id",
        string="Queued E-mails",
        readonly=True,
    )
    queued_count = fields.Integer(string="E-mails Queued", readonly=True)
    not_sent_partner_ids = fields.Many2many(
        "res.partner",
        "le97_send_wizard_not_sent_rel",
        "wizard_id",
        "partner_id",
        string="Donors Without E-mail",
        readonly=True,
        help="These donors have no e-mail address: print their receipts instead.",
    )
    not_sent_count = fields.Integer(string="Not Sent", compute="_compute_counts")

    @api.model
    def _default_receipt_ids(self):
        ctx = self.env.context
        if ctx.get("active_model") == "donation.tax.receipt" and ctx.get("active_ids"):
            return [Command.set(ctx["active_ids"])]
        return False

    @api.depends("receipt_ids", "not_sent_partner_ids")
    def _compute_counts(self):
        for wizard in self:
            wizard.receipt_count = len(wizard.receipt_ids)
            wizard.donor_count = len(wizard.receipt_ids.partner_id)
            wizard.not_sent_count = len(wizard.not_sent_partner_ids)

    @api.model
    def _action_open(self, receipts):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Fiscal Receipts"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_ids": [Command.set(receipts.ids)]},
        }

    def _check_receipt_admin(self):
        self.env["donation.tax.receipt"]._le97_check_receipt_admin(
            self.env._("Only a receipts administrator sends receipts in bulk.")
        )

    def _prepare_mail_vals(self, receipt, receipts, rendered):
        """Values of the e-mail of one donor: ``receipt`` is the one the mail
        is attached to in the chatter, ``receipts`` all the donor's receipts."""
        return {
            "model": receipt._name,
            "res_id": receipt.id,
            "subject": rendered["subject"][receipt.id],
            "body_html": rendered["body_html"][receipt.id],
            "body": rendered["body_html"][receipt.id],
            "email_from": rendered["email_from"][receipt.id],
            "author_id": self.env.user.partner_id.id,
            "recipient_ids": [Command.link(receipt.partner_id.id)],
            "attachment_ids": [
                Command.link(att.id) for att in receipts.le97_pdf_attachment_id
            ],
            "message_type": "email_outgoing",
            "auto_delete": False,
        }

    def _queue_emails(self):
        """Queue the e-mails (never sent here: the mail queue cron sends them).
        Returns (mails, partners without e-mail)."""
        self.ensure_one()
        receipts = self.receipt_ids
        cancelled = receipts.filtered(lambda r: r.state != "issued")
        if cancelled:
            raise UserError(
                self.env._(
                    "Cancelled receipts are not sent: %(numbers)s.",
                    numbers=", ".join(cancelled.mapped("number")),
                )
            )
        by_partner = defaultdict(lambda: self.env["donation.tax.receipt"])
        for receipt in receipts.sorted("id"):
            by_partner[receipt.partner_id] |= receipt
        without_email = self.env["res.partner"].browse(
            [p.id for p in by_partner if not p.email]
        )
        to_send = receipts.filtered(lambda r: r.partner_id.email)
        if not to_send:
            return self.env["mail.mail"], without_email
        # The original PDF of a receipt issued in batch is made now, once.
        to_send.filtered(
            lambda r: not r.le97_pdf_attachment_id
        )._le97_store_original_pdf()
        template = self.env.ref(TEMPLATE_XMLID)
        # The last receipt of each donor carries the e-mail.
        heads = self.env["donation.tax.receipt"].browse(
            [rs[-1].id for p, rs in by_partner.items() if p.email]
        )
        rendered = {
            fname: template._render_field(fname, heads.ids, compute_lang=True)
            for fname in ("subject", "body_html", "email_from")
        }
        vals_list = [
            self._prepare_mail_vals(head, by_partner[head.partner_id], rendered)
            for head in heads
        ]
        mails = self.env["mail.mail"].sudo().create(vals_list)
        return mails, without_email

    def action_send(self):
        self.ensure_one()
        self._check_receipt_admin()
        mails, without_email = self._queue_emails()
        self.write(
            {
                "state": "done",
                "queued_mail_ids": [Command.set(mails.ids)],
                "queued_count": len(mails),
                "not_sent_partner_ids": [Command.set(without_email.ids)],
            }
        )
        if without_email:
            receipts = self.receipt_ids.filtered(
                lambda r: r.partner_id in without_email
            )
            receipts._message_log_batch(
                bodies={
                    r.id: Markup("<p>%s</p>")
                    % self.env._("Not sent by e-mail: the donor has no e-mail address.")
                    for r in receipts
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Send Fiscal Receipts"),
        }
