# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.donation_tax_receipt import MAIL_TEMPLATE_XMLID as TEMPLATE_XMLID

# A sending of more donors than this queues all its e-mails in the background
# (the scheduled action, in batches), none in the user's request.
SEND_NOW_LIMIT = 50
# Donors whose e-mails the scheduled action queues per batch.
MAILS_BATCH_SIZE = 200


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
    pending_original_count = fields.Integer(
        string="Originals Being Prepared",
        compute="_compute_counts",
        help="Receipts whose original PDF the scheduled action has not rendered "
        "yet: their donors' e-mails leave as soon as it is ready.",
    )
    mailing_id = fields.Many2one(
        "le97.receipt.mailing",
        string="Sending",
        readonly=True,
        help="Follow its progress: PDFs ready, e-mails queued, sent and failed.",
    )
    waiting_count = fields.Integer(
        string="E-mails Waiting for their PDF",
        readonly=True,
        help="Donors whose e-mail is not queued yet (it waits for the original "
        "PDF of their receipts, or for the next batch of the scheduled action): "
        "it is queued as soon as they are ready.",
    )

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
            wizard.pending_original_count = len(
                wizard.receipt_ids.sudo().filtered(
                    lambda r: not r.le97_pdf_attachment_id
                )
            )

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
        is attached to in the chatter, ``receipts`` all the donor's receipts.
        An altered original is never sent (its SHA-256 is checked)."""
        for each in receipts:
            each._le97_checked_original_pdf()
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

    @api.model
    def _le97_by_donor(self, receipts):
        """{donor: their receipts}, in the order of the ids."""
        by_partner = defaultdict(lambda: self.env["donation.tax.receipt"])
        for receipt in receipts.sorted("id"):
            by_partner[receipt.partner_id] |= receipt
        return by_partner

    @api.model
    def _le97_create_emails(self, by_partner):
        """Queue one e-mail per donor of ``by_partner`` ({donor: receipts},
        every original stored), from the current user."""
        if not by_partner:
            return self.env["mail.mail"]
        template = self.env.ref(TEMPLATE_XMLID)
        # The last receipt of each donor carries the e-mail.
        heads = self.env["donation.tax.receipt"].browse(
            [receipts[-1].id for receipts in by_partner.values()]
        )
        rendered = {
            fname: template._render_field(fname, heads.ids, compute_lang=True)
            for fname in ("subject", "body_html", "email_from")
        }
        vals_list = [
            self._prepare_mail_vals(head, by_partner[head.partner_id], rendered)
            for head in heads
        ]
        return self.env["mail.mail"].sudo().create(vals_list)

    def _queue_emails(self):
        """Record the sending and queue its e-mails (never sent here: the mail
        queue's cron sends them).

        Nothing is rendered here. A donor whose receipts all have their
        original gets the e-mail now, for a sending of at most
        :data:`SEND_NOW_LIMIT` donors; the receipts of the other donors wait
        on the sending (``le97_mailing_id``) and the scheduled action queues
        their e-mails in batches, as soon as their originals are stored
        (:meth:`_le97_send_waiting_emails`).

        Returns (sending, mails queued now, partners without e-mail, receipts
        waiting).
        """
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
        receipt_model = self.env["donation.tax.receipt"]
        ready = {}
        waiting = receipt_model
        without_email = self.env["res.partner"]
        by_donor = self._le97_by_donor(receipts)
        send_now = len(by_donor) <= SEND_NOW_LIMIT
        for partner, donor_receipts in by_donor.items():
            if not partner.email:
                without_email |= partner
            elif send_now and all(
                r.le97_pdf_attachment_id for r in donor_receipts.sudo()
            ):
                ready[partner] = donor_receipts
            else:
                waiting |= donor_receipts
        mailing = (
            self.env["le97.receipt.mailing"]
            .sudo()
            .create(
                {
                    "company_id": (receipts.company_id[:1] or self.env.company).id,
                    "user_id": self.env.uid,
                    "receipt_ids": [Command.set(receipts.ids)],
                    "no_email_partner_ids": [Command.set(without_email.ids)],
                }
            )
        )
        if waiting:
            waiting.sudo().write({"le97_mailing_id": mailing.id})
            receipt_model._le97_trigger_originals()
        mails = self._le97_create_emails(ready)
        mailing.write({"mail_ids": [Command.set(mails.ids)]})
        return mailing, mails, without_email, waiting

    @api.model
    def _le97_send_waiting_emails(self, limit=None):
        """Queue the e-mails that waited, for at most ``limit`` donors: a
        donor's e-mail leaves, from the user who sent it, once every waiting
        receipt of theirs has its original. A receipt cancelled meanwhile is
        not sent. Called by the scheduled action after each batch of
        originals; the e-mails and the end of the wait are committed together
        (no e-mail lost or queued twice)."""
        if limit is None:
            limit = MAILS_BATCH_SIZE
        receipt_model = self.env["donation.tax.receipt"].sudo()
        mails = self.env["mail.mail"]
        receipt_model.flush_model(
            ["le97_mailing_id", "le97_pdf_attachment_id", "state", "partner_id"]
        )
        self.env.cr.execute(
            """
            SELECT le97_mailing_id, array_agg(id ORDER BY id)
              FROM donation_tax_receipt
             WHERE le97_mailing_id IS NOT NULL
             GROUP BY le97_mailing_id, partner_id
            HAVING bool_and(le97_pdf_attachment_id IS NOT NULL OR state != 'issued')
             ORDER BY min(id)
             LIMIT %s
            """,
            (limit,),
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return mails
        done = receipt_model
        by_mailing = defaultdict(dict)
        no_email = defaultdict(lambda: self.env["res.partner"])
        for mailing_id, ids in rows:
            receipts = receipt_model.browse(ids)
            done |= receipts
            receipts = receipts.filtered(lambda r: r.state == "issued")
            partner = receipts.partner_id
            if not receipts:
                continue
            if partner.email:
                by_mailing[mailing_id][partner] = receipts
            else:
                no_email[mailing_id] |= partner
        mailing_model = self.env["le97.receipt.mailing"].sudo()
        for mailing_id in set(by_mailing) | set(no_email):
            mailing = mailing_model.browse(mailing_id)
            new = (
                self.with_user(mailing.user_id)
                .sudo()
                ._le97_create_emails(by_mailing.get(mailing_id, {}))
            )
            vals = {"mail_ids": [Command.link(mail.id) for mail in new]}
            if no_email.get(mailing_id):
                vals["no_email_partner_ids"] = [
                    Command.link(partner.id) for partner in no_email[mailing_id]
                ]
            mailing.write(vals)
            mails |= new
        done.write({"le97_mailing_id": False})
        return mails

    def action_open_mailing(self):
        self.ensure_one()
        return self.mailing_id._le97_action_open()

    def action_send(self):
        self.ensure_one()
        self._check_receipt_admin()
        mailing, mails, without_email, waiting = self._queue_emails()
        self.write(
            {
                "state": "done",
                "mailing_id": mailing.id,
                "queued_mail_ids": [Command.set(mails.ids)],
                "queued_count": len(mails),
                "waiting_count": len(waiting.partner_id),
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
