# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

_logger = logging.getLogger(__name__)

GIFT_PRODUCT_XMLID = "le97_donation_website.product_product_gift_online"
NO_RECEIPT_TEMPLATE_XMLID = "le97_donation_website.mail_template_gift_no_receipt"
# operations of a payment received from the donor (a refund or a validation
# of a payment method is no gift)
GIFT_OPERATIONS = ("online_redirect", "online_direct", "online_token", "offline")


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    le97_donation_id = fields.Many2one(
        comodel_name="donation.donation",
        string="Donation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The OCA donation recorded for this gift: its journal entry is "
        "the booking of the money (no payment is created for the transaction).",
    )
    le97_donor_street = fields.Char(string="Donor's Street", readonly=True)
    le97_donor_zip = fields.Char(string="Donor's Zip", readonly=True)
    le97_donor_city = fields.Char(string="Donor's City", readonly=True)
    le97_donor_country_id = fields.Many2one(
        comodel_name="res.country", string="Donor's Country", readonly=True
    )
    le97_donor_is_company = fields.Boolean(
        string="Gift of a Company",
        readonly=True,
        help="The donor said on the form that the gift is made by a company.",
    )
    le97_donor_company_name = fields.Char(string="Donor's Company", readonly=True)
    le97_campaign_id = fields.Many2one(
        comodel_name="donation.campaign",
        string="Donation Campaign",
        readonly=True,
        ondelete="restrict",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._le97_check_donation_link(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._le97_check_donation_link([vals])
        return super().write(vals)

    @api.model
    def _le97_check_donation_link(self, vals_list):
        """The donation of a gift is linked by the post-processing only (as
        superuser): nobody ties a payment to another donation by hand."""
        if any("le97_donation_id" in vals for vals in vals_list):
            raise UserError(
                self.env._(
                    "Payment transaction: its donation is recorded when the gift "
                    "is confirmed, not by hand."
                )
            )

    # ------------------------------------------------------------------
    # Post-processing: a confirmed gift becomes a validated donation
    # ------------------------------------------------------------------
    def _post_process(self):
        """A confirmed gift is booked by its donation's entry: it is left out
        of the payment modules' post-processing, whose ``account_payment``
        part would create an ``account.payment`` for the same money (and
        ``website_payment``'s part logs on that payment, so it cannot run
        without it). What that part does for a gift is done here: the
        website's thanks e-mail (:meth:`_le97_after_donation`) and the
        post-processed flag. A gift that could not be recorded goes through
        the payment modules as before."""
        gifts = self._le97_record_donations()
        others = self - gifts
        if others:
            super(PaymentTransaction, others)._post_process()
        if gifts:
            gifts.is_post_processed = True
        return None

    def _create_payment(self, **extra_create_values):
        # a gift recorded as a donation is booked by the donation's entry
        if self.le97_donation_id:
            return self.env["account.payment"]
        return super()._create_payment(**extra_create_values)

    def _le97_gift_candidates(self):
        """The transactions of self that are gifts to record as donations."""
        return self.filtered(
            lambda tx: tx.is_donation
            and tx.state == "done"
            and tx.operation in GIFT_OPERATIONS
            and not tx.payment_id
        )

    def _le97_lock(self):
        """Row-lock the transactions of self for this database transaction;
        one being processed by another worker raises (NOWAIT), and is taken
        again by the payment module's scheduled post-processing."""
        if self:
            self.env.cr.execute(
                "SELECT id FROM payment_transaction WHERE id = ANY(%s) "
                "ORDER BY id FOR UPDATE NOWAIT",
                [self.ids],
            )
            self.invalidate_recordset(["le97_donation_id", "state", "payment_id"])
        return self

    def _le97_record_donations(self):
        """Record and validate the donation of each confirmed gift of self
        (once: the link is checked under a row lock). Returns the gifts that
        have their donation; a gift whose donation could not be recorded is
        left to the payment module (its ``account.payment`` keeps the money's
        trace) and logged."""
        candidates = self.sudo()._le97_gift_candidates()._le97_lock()
        candidates = candidates._le97_gift_candidates()
        for tx in candidates.filtered(lambda t: not t.le97_donation_id):
            try:
                with self.env.cr.savepoint():
                    donation, problems = tx._le97_create_donation()
            except (UserError, ValueError) as error:
                _logger.exception(
                    "The online gift %s could not be recorded as a donation, "
                    "a payment is created instead: %s",
                    tx.reference,
                    error,
                )
                continue
            try:
                with self.env.cr.savepoint():
                    tx._le97_after_donation(donation, problems)
            except (UserError, ValueError) as error:
                # the gift and its booking stay: only an e-mail is missing
                _logger.exception(
                    "The e-mails of the online gift %s could not be queued: %s",
                    tx.reference,
                    error,
                )
        return candidates.filtered("le97_donation_id").with_env(self.env)

    # -- donor -------------------------------------------------------------------
    def _le97_prepare_donor_vals(self):
        """Values of a new donor, from the form."""
        self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        vals = {
            "name": self.partner_name,
            "email": self.partner_email,
            "street": self.le97_donor_street,
            "zip": self.le97_donor_zip,
            "city": self.le97_donor_city,
            "country_id": (self.le97_donor_country_id or self.partner_country_id).id,
            "lang": next(
                (
                    lang
                    for lang in (self.partner_lang, self.env.lang)
                    if lang in installed
                ),
                False,
            ),
            "le97_is_donor": True,
        }
        if self.le97_donor_is_company:
            vals.update(
                name=self.le97_donor_company_name,
                is_company=True,
                child_ids=[
                    Command.create(
                        {
                            "name": self.partner_name,
                            "email": self.partner_email,
                            "type": "contact",
                        }
                    )
                ],
            )
        return vals

    def _le97_find_donor(self):
        """The donor of the gift: the logged-in donor, or the contact of the
        same e-mail, or a new contact made from the form (its commercial
        partner, the one a receipt is made out to)."""
        self.ensure_one()
        partner_model = self.env["res.partner"].sudo()
        public_partners = self.env["website"].sudo().search(
            []
        ).user_id.partner_id | self.env.ref("base.public_partner")
        partner = self.partner_id
        if partner and partner not in public_partners:
            donor = partner.commercial_partner_id
            # the donor's own contact: only what it lacks is completed
            address = self._le97_prepare_donor_vals()
            missing = {
                fname: address[fname]
                for fname in ("street", "zip", "city", "country_id")
                if address[fname] and not donor[fname]
            }
            if missing and not any(donor[f] for f in ("street", "zip", "city")):
                donor.write(missing)
            return donor
        email = email_normalize(self.partner_email or "")
        if email:
            known = partner_model.search(
                [
                    ("email_normalized", "=", email),
                    ("id", "not in", public_partners.ids),
                ],
                order="id",
                limit=1,
            )
            if known:
                return known.commercial_partner_id
        return partner_model.create(self._le97_prepare_donor_vals())

    # -- donation ----------------------------------------------------------------
    @api.model
    def _le97_gift_product(self):
        product = self.env.ref(GIFT_PRODUCT_XMLID, raise_if_not_found=False)
        if not product or product.sudo().le97_gift_kind != "gift":
            raise UserError(
                self.env._(
                    "The product Online gift is missing or is not of the kind "
                    "Gift: update the module Le 97 - Online Donations."
                )
            )
        return product.sudo()

    def _le97_gift_payment_method_line(self):
        """Inbound method of the provider's journal used on donations (the
        provider's own method first)."""
        self.ensure_one()
        journal = self.provider_id.sudo().journal_id
        if not journal:
            raise UserError(
                self.env._(
                    "The payment provider %(provider)s has no journal: the gift "
                    "%(reference)s cannot be recorded as a donation.",
                    provider=self.provider_id.sudo().name,
                    reference=self.reference,
                )
            )
        own = journal.inbound_payment_method_line_ids.filtered(
            lambda line: line.payment_provider_id == self.provider_id
        )
        line = journal._le97_donation_method_line(preferred=own)
        if line and not line.payment_account_id:
            # the donation's entry needs the method's account
            journal.company_id._le97_donation_setup()
        return line

    def _le97_receipt_ready_problems(self, donation):
        """What keeps the gift from getting its receipt now (the checks made
        at issue time on the fund, the donor and the gift)."""
        self.ensure_one()
        return donation._le97_receipt_problems_now()[donation]

    def _le97_prepare_donation_vals(self, donor):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "partner_id": donor.id,
            "currency_id": self.currency_id.id,
            "donation_date": fields.Datetime.context_timestamp(
                self, self.last_state_change or fields.Datetime.now()
            ).date(),
            "payment_method_line_id": self._le97_gift_payment_method_line().id,
            "payment_ref": self.reference,
            "check_total": self.amount,
            "campaign_id": self.le97_campaign_id.id,
            "le97_transaction_id": self.id,
            "tax_receipt_option": "each",
            "line_ids": [
                Command.create(
                    {
                        "product_id": self._le97_gift_product().id,
                        "quantity": 1,
                        "unit_price": self.amount,
                    }
                )
            ],
        }

    def _le97_create_donation(self):
        """Create and validate the donation of the gift, with its receipt when
        the donor may get one now, else on the yearly receipt. Returns the
        donation and what keeps it from its receipt (empty when none is due
        or it is issued)."""
        self.ensure_one()
        tx = self.sudo().with_company(self.company_id)
        donor = tx._le97_find_donor()
        vals = tx._le97_prepare_donation_vals(donor)
        if donor.tax_receipt_option in ("none", "annual"):
            # the donor's own choice
            vals["tax_receipt_option"] = donor.tax_receipt_option
        donation = (
            self.env["donation.donation"]
            .sudo()
            .with_company(self.company_id)
            .create(vals)
        )
        tx._le97_check_public_appeal(donation)
        problems = []
        if donation.tax_receipt_option == "each":
            problems = tx._le97_receipt_ready_problems(donation)
            if not problems:
                try:
                    with self.env.cr.savepoint():
                        donation.validate()
                except UserError as error:
                    # a check the pre-check does not know: the gift is kept
                    problems = [error.args[0]]
            if problems:
                donation.tax_receipt_option = "annual"
        if donation.state == "draft":
            donation.validate()
        if problems:
            donation._le97_post_no_receipt_message(problems)
        tx.le97_donation_id = donation
        return donation, problems

    def _le97_check_public_appeal(self, donation):
        """A gift paid to a public appeal that cannot take it (its
        authorisation was withdrawn or moved since the form was shown) is
        recorded without the campaign, for its project, with a note: the money
        is booked, never lost, and not counted as public generosity."""
        self.ensure_one()
        campaign = donation.campaign_id
        refusals = campaign and campaign._le97_gift_authorisation_problems(donation)
        if not refusals:
            return
        donation.write(
            {"campaign_id": False, "le97_project_id": donation.le97_project_id.id}
        )
        donation.message_post(
            body=self.env._(
                "Given online to the public appeal %(campaign)s, recorded without "
                "it: %(reasons)s",
                campaign=campaign.display_name,
                reasons=" ".join(refusals),
            )
        )

    def _le97_after_donation(self, donation, problems):
        """What follows a recorded gift: the receipt's e-mail (queued once its
        PDF is rendered by the scheduled action) or the e-mail telling why
        there is no receipt; the website's thanks e-mail."""
        self.ensure_one()
        receipt = donation.tax_receipt_id.filtered(lambda r: r.state == "issued")
        if receipt:
            self._le97_queue_receipt_email(receipt)
        elif problems:
            self._le97_send_no_receipt_email(donation, problems)
        self._send_donation_email()
        donation.message_post(body=self._le97_donation_message())

    def _le97_queue_receipt_email(self, receipt):
        """The receipt's e-mail waits on a sending until the scheduled action
        has rendered and stored its original (never rendered in the request)."""
        receipt = receipt.sudo()
        if not receipt.partner_id.email:
            return
        mailing = (
            self.env["le97.receipt.mailing"]
            .sudo()
            .create(
                {
                    "company_id": receipt.company_id.id,
                    "user_id": self.env.ref("base.user_root").id,
                    "receipt_ids": [Command.set(receipt.ids)],
                }
            )
        )
        receipt.write({"le97_mailing_id": mailing.id})
        self.env["donation.tax.receipt"]._le97_trigger_originals()

    def _le97_send_no_receipt_email(self, donation, problems):
        donor = donation.commercial_partner_id
        if not (donor.email or self.partner_email):
            return
        template = (
            self.env.ref(NO_RECEIPT_TEMPLATE_XMLID)
            .sudo()
            .with_context(le97_problems=problems)
        )
        template.send_mail(
            donation.id,
            email_values={"email_to": donor.email or self.partner_email},
        )

    def _le97_donation_message(self):
        self.ensure_one()
        return Markup("%s<br/>- %s<br/>- %s") % (
            self.env._("Gift paid online on the website's donation form."),
            self.env._("Transaction: %(reference)s", reference=self.reference),
            self.env._("Provider: %(provider)s", provider=self.provider_id.sudo().name),
        )
