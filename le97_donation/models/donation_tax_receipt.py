# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import hashlib
import logging
import threading
import time
from collections import defaultdict

import lxml.html
from num2words import num2words

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config, float_round

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..tools import pdf_pages

_logger = logging.getLogger(__name__)

REPORT_XMLID = "donation_base.report_donation_tax_receipt"
# E-mail of one receipt (its form's button) or of many (the bulk sending)
MAIL_TEMPLATE_XMLID = "le97_donation.mail_template_receipt_bulk"

# Fields frozen once a receipt exists (it is created issued).
FROZEN_FIELDS = {
    "number",
    "date",
    "donation_date",
    "amount",
    "currency_id",
    "partner_id",
    "company_id",
    "type",
    "donation_ids",
    "le97_donation_ids",
    "le97_donor_type",
    "le97_donor_name",
    "le97_donor_address",
    "le97_donor_siren",
    "le97_donor_legal_form",
    "replaced_receipt_id",
    "replacement_receipt_ids",
}
# Fields written once, by the cancellation.
CANCEL_FIELDS = {"state", "le97_cancel_reason", "le97_cancel_date", "le97_cancel_uid"}
# Fields written once, when the original PDF is stored.
PDF_FIELDS = {"le97_pdf_attachment_id", "le97_pdf_sha256"}
# Fields written by the system only (the original PDF, the e-mail waiting for it).
SYSTEM_FIELDS = PDF_FIELDS | {"le97_mailing_id"}
# The scheduled action that renders the originals outside the users' requests.
ORIGINALS_CRON_XMLID = "le97_donation.ir_cron_receipt_originals"
# Receipts per batch, rendered in one wkhtmltopdf run per company and committed
# together (about 5 s for 100 receipts on two cores); system parameter
# le97_donation.originals_batch_size.
ORIGINALS_BATCH_SIZE = 100
# A cron run stops taking new batches after this many seconds, or a quarter of
# the time limit of the cron workers (the next run is then triggered).
ORIGINALS_TIME_BUDGET = 240
# The context value that asks for the original (unstamped) rendering. It is a
# Python object, which no JSON-RPC caller can send, and it counts only in a
# superuser environment (see _le97_rendering_original).
RENDER_ORIGINAL = object()


class DonationTaxReceipt(models.Model):
    _inherit = "donation.tax.receipt"

    state = fields.Selection(
        selection=[("issued", "Issued"), ("cancelled", "Cancelled")],
        required=True,
        default="issued",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    le97_donation_ids = fields.Many2many(
        "donation.donation",
        "le97_donation_tax_receipt_donation_rel",
        "receipt_id",
        "donation_id",
        string="Receipted Donations",
        readonly=True,
        copy=False,
        help="Donations covered by this receipt, frozen at issue (kept when the "
        "receipt is cancelled).",
    )
    le97_donor_type = fields.Selection(
        selection=[("individual", "Individual"), ("company", "Company")],
        string="Donor Type",
        readonly=True,
        help="Chooses the form: 2041-RD for an individual, 2041-MEC-SD for a "
        "company.",
    )
    le97_donor_name = fields.Char(string="Donor Name on Receipt", readonly=True)
    le97_donor_address = fields.Text(string="Donor Address on Receipt", readonly=True)
    le97_donor_siren = fields.Char(string="Donor SIREN", readonly=True)
    le97_donor_legal_form = fields.Char(string="Donor Legal Form", readonly=True)
    le97_cancel_reason = fields.Text(
        string="Cancellation Reason", readonly=True, tracking=True
    )
    le97_cancel_date = fields.Date(string="Cancellation Date", readonly=True)
    le97_cancel_uid = fields.Many2one(
        "res.users", string="Cancelled by", readonly=True, ondelete="restrict"
    )
    replaced_receipt_id = fields.Many2one(
        "donation.tax.receipt",
        string="Replaces",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="Cancelled receipt that this receipt replaces.",
    )
    replacement_receipt_ids = fields.One2many(
        "donation.tax.receipt", "replaced_receipt_id", string="Replacements"
    )
    replacement_receipt_id = fields.Many2one(
        "donation.tax.receipt",
        string="Replaced by",
        compute="_compute_replacement_receipt_id",
        help="Receipt issued to replace this cancelled receipt.",
    )
    le97_pdf_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Original PDF",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    le97_pdf_sha256 = fields.Char(
        string="SHA-256 of the Original PDF", readonly=True, copy=False
    )
    le97_mailing_id = fields.Many2one(
        "le97.receipt.mailing",
        string="Sending Waiting for the PDF",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="Set when a bulk sending asked for this receipt and its e-mail is "
        "not queued yet (its original PDF is being prepared, or the sending is "
        "large): the scheduled action queues it, from the user who sent it.",
    )
    le97_amount_words = fields.Char(
        string="Amount in Words", compute="_compute_le97_amount_texts"
    )
    le97_amount_figures = fields.Char(
        string="Amount in Figures", compute="_compute_le97_amount_texts"
    )

    _sql_constraints = [
        (
            "le97_number_company_uniq",
            "unique(company_id, number)",
            "A fiscal receipt number is unique per company.",
        )
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("replacement_receipt_ids")
    def _compute_replacement_receipt_id(self):
        for receipt in self:
            receipt.replacement_receipt_id = receipt.replacement_receipt_ids[:1]

    @api.depends("amount", "currency_id")
    def _compute_le97_amount_texts(self):
        for receipt in self:
            receipt.le97_amount_words = receipt._le97_amount_to_french_words()
            receipt.le97_amount_figures = receipt._le97_amount_to_french_figures()

    def _le97_amount_to_french_words(self):
        """Amount in French words, e.g. 'cent vingt euros'."""
        self.ensure_one()
        amount = float_round(self.amount or 0.0, precision_digits=2)
        euros = int(amount)
        cents = int(round((amount - euros) * 100))
        words = num2words(euros, lang="fr") + (" euros" if euros > 1 else " euro")
        if cents:
            words += " et " + num2words(cents, lang="fr")
            words += " centimes" if cents > 1 else " centime"
        return words

    def _le97_amount_to_french_figures(self):
        """Amount in figures framed by asterisks, e.g. '***120,00 €***'."""
        self.ensure_one()
        text = f"{self.amount or 0.0:,.2f}".replace(",", " ").replace(".", ",")
        return f"***{text} €***"

    # ------------------------------------------------------------------
    # Issue: checks, numbers, original PDF
    # ------------------------------------------------------------------
    @api.model
    def _le97_donor_snapshot_vals(self, partner):
        """Donor data frozen on the receipt at issue."""
        donor_type = partner._le97_receipt_donor_type()
        address = "\n".join(
            line.strip()
            for line in partner._display_address(without_company=True).splitlines()
            if line.strip()
        )
        return {
            "le97_donor_type": donor_type,
            "le97_donor_name": partner.name,
            "le97_donor_address": address,
            "le97_donor_siren": donor_type == "company" and partner._le97_siren(),
            "le97_donor_legal_form": donor_type == "company"
            and partner.le97_legal_form,
        }

    @api.model
    def _le97_issue(self, vals_list):
        """Issue receipts: the one entry point of every issuing path (a gift's
        validation, the yearly receipts, a replacement, OCA's annual wizard).

        The caller has checked the user's role (a treasurer validates gifts, a
        receipts administrator runs the yearly receipts and the replacements);
        the receipts are then created as superuser, the only way
        :meth:`create` accepts. ``vals_list`` name their gifts
        (``donation_ids`` or ``le97_donation_ids``); the issue date, the state
        and the number are set here, and every check of
        :meth:`_le97_check_issuable` applies. Returns the receipts in the
        caller's environment.
        """
        return self.sudo().create(vals_list).with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        # JSON-RPC never runs as superuser: from outside, for every user,
        # administrators included, a receipt cannot be created by hand.
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "A fiscal receipt cannot be created by hand: it is issued "
                    "from its gifts, by validating a donation, by the yearly "
                    "receipts or by replacing a cancelled receipt."
                )
            )
        today = fields.Date.context_today(self)
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        snapshots = {p.id: self._le97_donor_snapshot_vals(p) for p in partners}
        for vals in vals_list:
            # No number yet (NULL): the OCA sequence is skipped and the real,
            # gapless number is given by _le97_assign_numbers() below.
            vals["number"] = False
            vals["state"] = "issued"
            # issued today: never back-dated into another year (its number's)
            vals["date"] = today
            # cancelled only by the wizard, the PDF stored by the application
            for name in (CANCEL_FIELDS | PDF_FIELDS) - {"state"}:
                vals.pop(name, None)
            vals.update(snapshots.get(vals.get("partner_id"), {}))
            if "le97_donation_ids" not in vals and vals.get("donation_ids"):
                vals["le97_donation_ids"] = [
                    cmd
                    for cmd in vals["donation_ids"]
                    if cmd[0] in (Command.LINK, Command.SET)
                ]
        receipts = super().create(vals_list)
        receipts._le97_check_issuable()
        receipts._le97_assign_numbers()
        # The original PDF is rendered by a scheduled action, never inside the
        # request that issues: wkhtmltopdf fetches its style sheets from this
        # very server, whose workers may all be busy issuing.
        self._le97_trigger_originals()
        return receipts

    def copy(self, default=None):
        if self:
            raise UserError(
                self.env._(
                    "A fiscal receipt cannot be duplicated: a receipt is issued "
                    "only from its gifts."
                )
            )
        return super().copy(default=default)

    def _le97_receipt_donations(self):
        self.ensure_one()
        return self.le97_donation_ids or self.donation_ids

    def _le97_check_issuable(self):
        """Check that every receipt of self may be issued; raise otherwise.

        Contract (used by the yearly batch too):

        - ``self`` is a recordset of ``donation.tax.receipt``, stored or in
          memory (``new()``), of any size, before its numbers are assigned;
          its donations are read from ``le97_donation_ids`` (or
          ``donation_ids``);
        - each owner checks its own data and returns messages: the fund on
          ``res.company`` (:meth:`_le97_receipt_fund_problems`), the donor on
          ``res.partner`` (:meth:`_le97_receipt_donor_problems`), the gift on
          ``donation.donation`` (:meth:`_le97_receipt_gift_problems`), the
          receipt itself here (:meth:`_le97_receipt_problems`);
        - the number of SQL queries does not grow with ``len(self)``: each
          check runs once per batch, on the distinct companies, donors and
          gifts, whose fields are fetched together first;
        - every problem found is collected and ONE ``UserError`` is raised that
          names each donor and what to fix; nothing is written, so the caller's
          transaction (or savepoint) rolls back whatever it created;
        - returns True when everything may be issued.
        """
        problems = self._le97_issue_problems()
        if problems:
            raise UserError(
                self.env._(
                    "The fiscal receipt cannot be issued:\n%(errors)s",
                    errors="\n".join(f"- {p}" for p in problems),
                )
            )
        return True

    def _le97_issue_problems(self):
        """Every problem of the batch, each message once (see
        :meth:`_le97_check_issuable`)."""
        self._le97_fetch_issue_data()
        problems = self.company_id._le97_receipt_fund_problems()
        # donors gathered per fund in one pass (a union or a filtered() per
        # receipt would be quadratic on a yearly batch)
        partner_ids_by_company = defaultdict(dict)
        for receipt in self.filtered("partner_id"):
            partner_ids_by_company[receipt.company_id][receipt.partner_id.id] = True
        for company, partner_ids in partner_ids_by_company.items():
            partners = self.env["res.partner"].browse(list(partner_ids))
            problems += partners._le97_receipt_donor_problems(company)
        problems += self._le97_receipt_problems()
        problems += self._le97_receipt_donations_all()._le97_receipt_gift_problems()
        problems += self._le97_check_active_receipts()
        problems += self._le97_filed_declaration_problems()
        return list(dict.fromkeys(problems))

    def _le97_fetch_issue_data(self):
        """Read what the checks need for the whole batch in one go."""
        self.company_id.fetch(
            [
                "name",
                "currency_id",
                "fund_siren",
                "fund_rna",
                "fund_object",
                "fund_signatory_name",
                "fund_signatory_title",
                "fund_receipt_art_200",
                "fund_receipt_art_238bis",
                "fund_receipt_art_978",
            ]
        )
        self.partner_id.fetch(
            [
                "name",
                "is_company",
                "company_registry",
                "vat",
                "street",
                "zip",
                "city",
                "country_id",
                "le97_legal_form",
            ]
        )
        (self.le97_donation_ids | self.donation_ids).fetch(
            [
                "number",
                "state",
                "amount_total",
                "currency_id",
                "company_id",
                "donation_date",
                "commercial_partner_id",
                "le97_payment_means",
                "le97_counterpart_value",
                "tax_receipt_total",
            ]
        )

    def _le97_receipt_donations_all(self):
        """The gifts of every receipt of self, each once (ids gathered then
        browsed once: a union per receipt is quadratic)."""
        ids = []
        for receipt in self:
            ids += receipt._le97_receipt_donations().ids
        return self.env["donation.donation"].browse(list(dict.fromkeys(ids)))

    def _le97_receipt_problems(self):
        """Problems of the receipts themselves: amount and dates, and the gifts
        behind them (read with the batch by :meth:`_le97_fetch_issue_data`)."""
        problems = []
        today = fields.Date.context_today(self)
        for receipt in self:
            donor = receipt.partner_id.display_name
            problems += receipt._le97_receipt_gift_link_problems()
            if receipt.currency_id.compare_amounts(receipt.amount, 0.0) <= 0:
                problems.append(
                    self.env._(
                        "The receipt of %(donor)s has an amount of %(amount)s: a "
                        "receipt is for a positive amount.",
                        donor=donor,
                        amount=receipt.amount,
                    )
                )
            for label, date in (
                (self.env._("issue date"), receipt.date),
                (self.env._("gift date"), receipt.donation_date),
            ):
                if date and date > today:
                    problems.append(
                        self.env._(
                            "The receipt of %(donor)s has its %(label)s in the "
                            "future (%(date)s).",
                            donor=donor,
                            label=label,
                            date=date,
                        )
                    )
        return problems

    def _le97_receipt_gift_link_problems(self):
        """A receipt exists only for gifts: validated gifts of its donor and
        fund, of one calendar year (its gift date's), whose eligible amounts
        add up to its amount (CGI 200 and 238 bis, LPF L. 14 A)."""
        self.ensure_one()
        # a receipt checked before it is stored (new()) holds new records
        partner = self.partner_id._origin
        company = self.company_id._origin
        donor = partner.display_name
        gifts = self._le97_receipt_donations()._origin
        if not gifts:
            return [
                self.env._(
                    "The receipt of %(donor)s covers no gift: a fiscal receipt is "
                    "issued only for gifts recorded in the books.",
                    donor=donor,
                )
            ]
        problems = []
        names = ", ".join(gifts.mapped("display_name"))
        if gifts.filtered(lambda d: d.state != "done"):
            problems.append(
                self.env._(
                    "The gifts %(donations)s of %(donor)s are not all validated: "
                    "only validated gifts are receipted.",
                    donations=names,
                    donor=donor,
                )
            )
        donor_partner = partner.commercial_partner_id
        strangers = gifts.filtered(
            lambda d: d.commercial_partner_id != donor_partner
            or d.company_id != company
        )
        if strangers:
            problems.append(
                self.env._(
                    "The gifts %(donations)s are not gifts of %(donor)s to "
                    "%(company)s.",
                    donations=", ".join(strangers.mapped("display_name")),
                    donor=donor,
                    company=company.name,
                )
            )
        total = sum(gifts.mapped("tax_receipt_total"))
        if self.currency_id.compare_amounts(self.amount, total):
            problems.append(
                self.env._(
                    "The receipt of %(donor)s is for %(amount)s but the eligible "
                    "amount of its gifts %(donations)s is %(total)s.",
                    donor=donor,
                    amount=self.amount,
                    donations=names,
                    total=total,
                )
            )
        years = sorted({d.donation_date.year for d in gifts if d.donation_date})
        if len(years) > 1:
            problems.append(
                self.env._(
                    "The gifts %(donations)s of %(donor)s are of several years "
                    "(%(years)s): a receipt covers the gifts of one calendar year.",
                    donations=names,
                    donor=donor,
                    years=", ".join(str(year) for year in years),
                )
            )
        elif not self.donation_date or self.donation_date.year not in years:
            problems.append(
                self.env._(
                    "The receipt of %(donor)s has the gift date %(date)s but its "
                    "gifts are of %(years)s.",
                    donor=donor,
                    date=self.donation_date or "-",
                    years=", ".join(str(year) for year in years),
                )
            )
        return problems

    def _le97_check_active_receipts(self):
        """A gift is covered by at most one issued receipt (one query)."""
        errors = []
        seen = {}
        for receipt in self:
            for donation in receipt._le97_receipt_donations():
                if donation in seen and seen[donation] != receipt:
                    errors.append(
                        self.env._(
                            "The gift %(donation)s of %(donor)s appears on two "
                            "receipts of the same run.",
                            donation=donation.display_name,
                            donor=receipt.partner_id.display_name,
                        )
                    )
                seen[donation] = receipt
        donation_ids = [d.id for d in seen if isinstance(d.id, int)]
        if not donation_ids:
            return errors
        others = self.sudo().search(
            [
                ("state", "=", "issued"),
                ("le97_donation_ids", "in", donation_ids),
                ("id", "not in", [i for i in self.ids if isinstance(i, int)]),
            ]
        )
        for other in others:
            for donation in other.le97_donation_ids.filtered(
                lambda d: d.id in donation_ids
            ):
                errors.append(
                    self.env._(
                        "The gift %(donation)s of %(donor)s is already covered by "
                        "the issued receipt %(receipt)s: cancel that receipt "
                        "first.",
                        donation=donation.display_name,
                        donor=other.partner_id.display_name,
                        receipt=other.number,
                    )
                )
        return errors

    def _le97_filed_declarations(self):
        """{receipt: filed declaration} for the receipts of self whose issue
        date or gifts' date falls in the period of a filed declaration of gifts
        of their company (one query for the batch)."""
        dates = [d for r in self for d in (r.date, r.donation_date) if d]
        if not dates:
            return {}
        filed = (
            self.env["donation.tax.receipt.declaration"]
            .sudo()
            .search(
                [
                    ("state", "=", "filed"),
                    ("company_id", "in", self.company_id.ids),
                    ("date_start", "<=", max(dates)),
                    ("date_end", ">=", min(dates)),
                ]
            )
        )
        if not filed:
            return {}
        found = {}
        for receipt in self:
            for declaration in filed:
                if declaration.company_id == receipt.company_id and any(
                    d and declaration.date_start <= d <= declaration.date_end
                    for d in (receipt.date, receipt.donation_date)
                ):
                    found[receipt] = declaration
                    break
        return found

    def _le97_filed_declaration_problems(self):
        """No receipt is issued into a financial year whose declaration of
        gifts is filed (CGI 222 bis): its figures are those declared."""
        return [
            self.env._(
                "The receipt of %(donor)s falls in the financial year from "
                "%(start)s to %(end)s, whose %(declaration)s was filed on "
                "%(filed)s: no receipt can be issued into it any more.",
                donor=receipt.partner_id.display_name,
                start=declaration.date_start,
                end=declaration.date_end,
                declaration=declaration.display_name,
                filed=declaration.filed_date,
            )
            for receipt, declaration in self._le97_filed_declarations().items()
        ]

    def _le97_check_filed_declaration(self):
        """Refuse to cancel receipts counted in a filed declaration of gifts."""
        found = self._le97_filed_declarations()
        if found:
            raise UserError(
                self.env._(
                    "The receipts %(numbers)s are counted in %(declaration)s, "
                    "filed on %(filed)s: they cannot be cancelled any more.",
                    numbers=", ".join(r.number or "" for r in found),
                    declaration=", ".join(
                        dict.fromkeys(d.display_name for d in found.values())
                    ),
                    filed=next(iter(found.values())).filed_date,
                )
            )

    @api.model
    def _le97_format_number(self, year, sequence):
        return f"{year}-{sequence:05d}"

    def _le97_assign_numbers(self):
        """Give every receipt of self that has no number its definitive number.

        Contract (used by the yearly batch too):

        - ``self`` is a recordset of stored receipts of any size; receipts that
          already have a number are left alone;
        - receipts are grouped by company and calendar year of their issue
          ``date``; for each group the N numbers are reserved in ONE statement on
          the ``le97.receipt.counter`` row of that company and year, which
          row-locks it until the transaction ends. A concurrent issuer waits for
          the lock (then Odoo retries its transaction after the serialization
          failure), so no number is given twice; as the counter moves in the same
          transaction as the receipts, a rollback gives the numbers back: no gap;
        - numbers are given in the order of the ids, formatted ``YYYY-NNNNN``,
          and written with one UPDATE per group;
        - returns nothing.
        """
        todo = self.filtered(lambda r: not r.number).sorted("id")
        groups = defaultdict(list)
        for receipt in todo:
            groups[(receipt.company_id.id, receipt.date.year)].append(receipt.id)
        counter = self.env["le97.receipt.counter"].sudo()
        self.flush_recordset()
        for (company_id, year), ids in groups.items():
            first = counter._reserve(company_id, year, len(ids))
            numbers = [
                self._le97_format_number(year, first + i) for i in range(len(ids))
            ]
            self.env.cr.execute(
                """
                UPDATE donation_tax_receipt AS r
                   SET number = v.number
                  FROM (SELECT unnest(%s::int[]) AS id,
                               unnest(%s::varchar[]) AS number) AS v
                 WHERE r.id = v.id
                """,
                (ids, numbers),
            )
        todo.invalidate_recordset(["number", "display_name"])

    # ------------------------------------------------------------------
    # The original PDF: rendered by the scheduled action, stored once
    # ------------------------------------------------------------------
    @api.model
    def _le97_trigger_originals(self, delay=0):
        """Ask the scheduled action to render the originals not made yet (it
        runs in the cron worker once the current transaction is committed,
        ``delay`` seconds later at the earliest)."""
        cron = self.env.ref(ORIGINALS_CRON_XMLID, raise_if_not_found=False)
        if cron:
            at = fields.Datetime.now() + datetime.timedelta(seconds=delay)
            cron.sudo()._trigger(at=at)

    def _le97_rendering_original(self):
        """True only in the internal rendering of an original: a superuser
        environment whose context carries the :data:`RENDER_ORIGINAL` object
        (a JSON-RPC caller can set any context key, not this object, and never
        runs as superuser)."""
        return bool(
            self.env.su
            and self.env.context.get("le97_render_original") is RENDER_ORIGINAL
        )

    def _le97_original_report(self):
        """The receipt report in the environment of the original's rendering
        (superuser, :data:`RENDER_ORIGINAL`: no stamp)."""
        return (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(
                force_report_rendering=True,
                le97_render_original=RENDER_ORIGINAL,
                debug=False,
            )
        )

    @api.model
    def _le97_join_html_bodies(self, bodies):
        """One HTML document holding the documents ``bodies`` one after the
        other, each from a new page (for a wkhtmltopdf that prints one
        document per run)."""
        document = lxml.html.document_fromstring(bodies[0])
        body = document.find("body")
        for other in bodies[1:]:
            for node in lxml.html.document_fromstring(other).find("body"):
                if "article" in (node.get("class") or "").split():
                    style = (node.get("style") or "").strip().rstrip(";")
                    node.set(
                        "style",
                        "; ".join(filter(None, [style, "page-break-before: always"])),
                    )
                body.append(node)
        return lxml.html.tostring(
            document, encoding="unicode", doctype="<!DOCTYPE html>"
        )

    def _le97_run_wkhtmltopdf(self):
        """One wkhtmltopdf run for the receipts of self (one company): the PDF
        of all of them, each from a new page, in the order of self."""
        report = self._le97_original_report()
        data = {"report_type": "pdf", "debug": False}
        html = report._render_qweb_html(REPORT_XMLID, self.ids, data=data)[0]
        report_sudo = report._get_report(REPORT_XMLID)
        bodies, html_ids, header, footer, paperformat_args = report_sudo._prepare_html(
            html, report_model=self._name
        )
        if html_ids != self.ids:
            raise UserError(
                self.env._(
                    "The fiscal receipt template lost the marks of its receipts "
                    "(an 'article' block per receipt): the originals cannot be "
                    "rendered. Tell the administrator."
                )
            )
        if len(bodies) > 1 and not pdf_pages.prints_several_documents(
            _get_wkhtmltopdf_bin()
        ):
            bodies = [self._le97_join_html_bodies(bodies)]
        return report._run_wkhtmltopdf(
            bodies,
            report_ref=REPORT_XMLID,
            header=header,
            footer=footer,
            specific_paperformat_args=paperformat_args,
        )

    def _le97_render_original_pdfs(self):
        """The original PDFs (no stamp) of the receipts of self, in their
        order. Called by the scheduled action only (see
        :meth:`_le97_store_original_pdf`).

        The receipts of a company are rendered in one wkhtmltopdf run, and the
        PDF is cut back into one document per receipt, each proven to be its
        receipt's pages (see :func:`..tools.pdf_pages.split_by_numbers`);
        a batch whose cut cannot be proven is rendered again one receipt per
        run, which is always right, only slower.
        """
        contents = {}
        for company, receipts in self.grouped("company_id").items():
            receipts = receipts.with_company(company)
            if len(receipts) == 1:
                contents[receipts.id] = receipts._le97_run_wkhtmltopdf()
                continue
            parts = pdf_pages.split_by_numbers(
                receipts._le97_run_wkhtmltopdf(), receipts.mapped("number")
            )
            if parts is None:
                _logger.warning(
                    "The PDF of the fiscal receipts %s could not be cut back "
                    "into one document per receipt; they are rendered one by one.",
                    ", ".join(receipts.mapped("number")),
                )
                parts = [receipt._le97_run_wkhtmltopdf() for receipt in receipts]
            contents.update(zip(receipts.ids, parts, strict=True))
        return [contents[receipt.id] for receipt in self]

    def _le97_lock_without_original(self):
        """The receipts of self that still have no original, row-locked for
        this transaction; those another transaction is rendering are left out
        (SKIP LOCKED), so that no receipt is rendered and stored twice."""
        if not self:
            return self
        self.flush_recordset(["le97_pdf_attachment_id"])
        self.env.cr.execute(
            """
            SELECT id FROM donation_tax_receipt
             WHERE id = ANY(%s) AND le97_pdf_attachment_id IS NULL
             ORDER BY id
               FOR NO KEY UPDATE SKIP LOCKED
            """,
            (list(self.ids),),
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _le97_store_original_pdf(self):
        """Render and store the original PDF of each receipt of self that has
        none, with its SHA-256 (one wkhtmltopdf run per company, see
        :meth:`_le97_render_original_pdfs`). An original, once stored, is
        never replaced."""
        todo = self.sudo()._le97_lock_without_original()
        todo.invalidate_recordset(["le97_pdf_attachment_id", "le97_pdf_sha256"])
        if not todo:
            return todo
        contents = todo._le97_render_original_pdfs()
        prefix = self.env._("Fiscal_Receipt")
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": "{}-{}.pdf".format(
                            prefix, (receipt.number or "").replace("/", "")
                        ),
                        "type": "binary",
                        "raw": content,
                        "mimetype": "application/pdf",
                        "res_model": self._name,
                        "res_id": receipt.id,
                    }
                    for receipt, content in zip(todo, contents, strict=True)
                ]
            )
        )
        # one write per receipt: each has its own attachment and hash
        for receipt, attachment, content in zip(
            todo, attachments, contents, strict=True
        ):
            receipt.write(
                {
                    "le97_pdf_attachment_id": attachment.id,
                    "le97_pdf_sha256": hashlib.sha256(content).hexdigest(),
                }
            )
        return todo

    @api.model
    def _le97_pending_original_domain(self):
        return [("le97_pdf_attachment_id", "=", False)]

    @api.model
    def _le97_render_originals(self, batch_size=ORIGINALS_BATCH_SIZE):
        """Render and store the originals of at most ``batch_size`` receipts
        that have none, oldest first; returns the receipts done.

        One batch of the scheduled action, committed by it. Any receipt without
        original is taken, issued or cancelled since: the original is the
        document as it was issued. The batch is rendered in one wkhtmltopdf run
        per company.
        """
        receipts = self.sudo().search(
            self._le97_pending_original_domain(), order="id", limit=batch_size
        )
        return receipts._le97_store_original_pdf()

    @api.model
    def _le97_cron_render_originals(self, batch_size=None, auto_commit=None):
        """Scheduled action: render the originals not made yet, batch after
        batch, and queue the e-mails of the sendings that waited for them,
        each batch committed with its progress. Resumable: a crash loses only the batch being
        rendered (rolled back, so nothing of it is stored), the next run takes
        it again; what was committed is never rendered again.

        A run stops taking batches after its time budget (well within the cron
        workers' time limit) and triggers the next run for the rest: Odoo 18's
        cron runner would otherwise call again at once a job that reports work
        remaining, up to ten times, all within the same time limit.

        Returns the number of originals stored.
        """
        if auto_commit is None:
            auto_commit = not getattr(threading.current_thread(), "testing", False)
        if not batch_size:
            param = (
                self.env["ir.config_parameter"]
                .sudo()
                .get_param("le97_donation.originals_batch_size")
            )
            batch_size = int(param or ORIGINALS_BATCH_SIZE)
        deadline = time.monotonic() + self._le97_originals_time_budget()
        cron = self.env["ir.cron"]
        sender = self.env["donation.tax.receipt.send"]
        done = 0
        while True:
            receipts = self._le97_render_originals(batch_size)
            done += len(receipts)
            mails = sender._le97_send_waiting_emails()
            worked = bool(receipts or mails)
            remaining = self.sudo().search_count(
                self._le97_pending_original_domain()
            ) + self.sudo().search_count([("le97_mailing_id", "!=", False)])
            if worked and remaining and time.monotonic() > deadline:
                # the rest in a new run (not reported as remaining: see above)
                self._le97_trigger_originals(delay=1)
                remaining = 0
            cron._notify_progress(done=done, remaining=remaining)
            if auto_commit:
                # a scheduled action in batches: each batch is kept even if a
                # later one fails (as Odoo's own batched crons do)
                self.env.cr.commit()  # pylint: disable=invalid-commit
                # the PDFs of the batch leave the cache (a run stores thousands)
                self.env.invalidate_all()
            if not worked or not remaining:
                return done

    @api.model
    def _le97_originals_time_budget(self):
        """Seconds a run of the scheduled action may take new batches: it
        stops well before the cron workers' time limit kills it."""
        limit = config.get("limit_time_real_cron")
        if limit is None or limit < 0:
            limit = config.get("limit_time_real")
        if limit and limit > 0:
            # the worker's clock also runs while it waits for jobs
            return min(ORIGINALS_TIME_BUDGET, limit / 4)
        return ORIGINALS_TIME_BUDGET

    def _le97_check_originals_ready(self):
        """Raise a clear error if an original of self is not rendered yet;
        nothing is rendered here (the issue triggered the scheduled action, and
        a trigger made here would be rolled back with the error)."""
        pending = self.filtered(lambda r: not r.sudo().le97_pdf_attachment_id)
        if pending:
            raise UserError(
                self.env._(
                    "The original PDF of the fiscal receipt %(numbers)s is being "
                    "prepared: it will be ready in a moment, try again shortly.",
                    numbers=", ".join(r.number or "" for r in pending),
                )
            )
        return True

    def _le97_get_original_pdf(self):
        """Bytes of the stored original PDF; a clear error while the scheduled
        action has not rendered it yet."""
        self.ensure_one()
        self._le97_check_originals_ready()
        return self._le97_checked_original_pdf()

    def _le97_checked_original_pdf(self):
        """Bytes of the stored original PDF, checked against the SHA-256
        recorded at issue: an altered, replaced or detached original is never
        served (every download, the portal's and the duplicate prints, goes
        through here)."""
        self.ensure_one()
        receipt = self.sudo()
        attachment = receipt.le97_pdf_attachment_id
        content = attachment.raw or b""
        if (
            attachment.res_model != self._name
            or attachment.res_id != self.id
            or not receipt.le97_pdf_sha256
            or hashlib.sha256(content).hexdigest() != receipt.le97_pdf_sha256
        ):
            _logger.error(
                "Fiscal receipt %s (id %s): its original PDF (attachment %s) does "
                "not match the SHA-256 recorded at issue; it was altered and is "
                "not served.",
                self.number,
                self.id,
                attachment.id,
            )
            raise UserError(
                self.env._(
                    "The original PDF of the fiscal receipt %(number)s does not "
                    "match its fingerprint (SHA-256) recorded at issue: it was "
                    "altered and is not served. Tell the receipts administrator.",
                    number=self.number,
                )
            )
        return content

    def _le97_stamp_label(self):
        """Stamp printed on the receipt: none on the original, 'ANNULÉ' on a
        cancelled receipt, 'DUPLICATA' on any later print."""
        self.ensure_one()
        if self._le97_rendering_original():
            return ""
        if self.state == "cancelled":
            return "ANNULÉ"
        return "DUPLICATA"

    # ------------------------------------------------------------------
    # Protection: no change, no deletion
    # ------------------------------------------------------------------
    def write(self, vals):
        frozen = FROZEN_FIELDS & set(vals)
        if frozen:
            raise UserError(
                self.env._(
                    "A fiscal receipt cannot be changed once issued (%(fields)s): "
                    "cancel it and issue a replacement.",
                    fields=", ".join(sorted(frozen)),
                )
            )
        if CANCEL_FIELDS & set(vals):
            if not self.env.su:
                raise AccessError(
                    self.env._(
                        "A fiscal receipt is cancelled only with its Cancel "
                        "Receipt button, which records the reason, who cancels it "
                        "and when."
                    )
                )
            self._le97_check_cancel_write(vals)
        if SYSTEM_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._(
                    "The original PDF of a fiscal receipt, its fingerprint and its "
                    "waiting e-mail are set by the application only."
                )
            )
        if PDF_FIELDS & set(vals) and self.filtered("le97_pdf_sha256"):
            raise UserError(
                self.env._("The original PDF of a fiscal receipt cannot be replaced.")
            )
        return super().write(vals)

    def _le97_check_cancel_write(self, vals):
        if vals.get("state") != "cancelled" or self.filtered(
            lambda r: r.state != "issued"
        ):
            raise UserError(
                self.env._(
                    "A fiscal receipt is created issued and can only be cancelled, "
                    "once."
                )
            )
        if not (vals.get("le97_cancel_reason") or "").strip():
            raise UserError(self.env._("Give the reason for the cancellation."))
        self._le97_check_receipt_admin()

    @api.model
    def _le97_check_receipt_admin(self, message=None):
        """Raise ``message`` (default: about cancelling) unless the user is a
        receipts administrator; shared by the receipt wizards."""
        if not (
            self.env.su or self.env.user.has_group("le97_base.group_receipt_admin")
        ):
            raise AccessError(
                message
                or self.env._("Only a receipts administrator cancels fiscal receipts.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A fiscal receipt is never deleted (receipts %(numbers)s): cancel it "
                "instead.",
                numbers=", ".join(r.number or "" for r in self),
            )
        )

    # ------------------------------------------------------------------
    # Cancel and replace
    # ------------------------------------------------------------------
    def _le97_cancel(self, reason):
        """Cancel issued receipts with a reason; their donations are freed.

        The only way to cancel: the user (a receipts administrator, checked
        first) and today's date are recorded, never chosen by the caller."""
        self._le97_check_receipt_admin()
        self._le97_check_filed_declaration()
        self.sudo().write(
            {
                "state": "cancelled",
                "le97_cancel_reason": reason,
                "le97_cancel_date": fields.Date.context_today(self),
                "le97_cancel_uid": self.env.uid,
            }
        )
        for receipt in self:
            receipt.message_post(
                body=self.env._("Receipt cancelled. Reason: %(reason)s", reason=reason)
            )
        donations = self.sudo().donation_ids
        if donations:
            donations.write({"tax_receipt_id": False})

    def _le97_prepare_replacement_vals(self):
        """Values of the receipt replacing self, from the current data of the
        donor and of the donations it covered."""
        self.ensure_one()
        donations = self.le97_donation_ids.filtered(lambda d: d.state == "done")
        return {
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "partner_id": self.partner_id.commercial_partner_id.id,
            "type": self.type,
            "donation_date": self.donation_date,
            "amount": sum(donations.mapped("tax_receipt_total"))
            if donations
            else self.amount,
            "donation_ids": [Command.set(donations.ids)],
            "replaced_receipt_id": self.id,
        }

    def _le97_replace(self):
        """Issue the replacements of cancelled receipts (checks apply)."""
        self._le97_check_receipt_admin()
        if self.filtered(lambda r: r.state != "cancelled" or r.replacement_receipt_id):
            raise UserError(
                self.env._("Only a cancelled receipt not yet replaced can be replaced.")
            )
        vals_list = [receipt._le97_prepare_replacement_vals() for receipt in self]
        replacements = self._le97_issue(vals_list)
        for receipt, new in zip(self, replacements, strict=True):
            receipt.message_post(
                body=self.env._(
                    "Replaced by the receipt %(number)s.", number=new.number
                )
            )
        return replacements

    def action_send_tax_receipt(self):
        # OCA's e-mail, title and message have no French: the e-mail of the
        # bulk sending (in the donor's language) and this addon's words.
        self.ensure_one()
        if not self.partner_id.email:
            raise UserError(
                self.env._(
                    "The donor %(donor)s has no e-mail address: print the receipt "
                    "instead.",
                    donor=self.partner_id.display_name,
                )
            )
        # the e-mail carries the stored original: it must exist
        self._le97_check_originals_ready()
        action = super().action_send_tax_receipt()
        action["name"] = self.env._("Send the Fiscal Receipt")
        action["context"] = dict(
            action["context"], default_template_id=self.env.ref(MAIL_TEMPLATE_XMLID).id
        )
        return action

    def action_le97_cancel(self):
        self._le97_check_receipt_admin()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Fiscal Receipt"),
            "res_model": "donation.tax.receipt.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_ids": [Command.set(self.ids)]},
        }

    def action_le97_open_replacement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "res_id": (self.replacement_receipt_id or self.replaced_receipt_id).id,
        }

    def _le97_receipt_natures(self):
        """Natures (codes) of the receiptable lines of the gifts on the receipt."""
        self.ensure_one()
        lines = self._le97_receipt_donations().line_ids.filtered("tax_receipt_ok")
        return set(lines.mapped("le97_nature"))

    def _le97_in_kind_descriptions(self):
        """What was given in kind, as described on the gifts of the receipt."""
        self.ensure_one()
        lines = self._le97_receipt_donations().line_ids.filtered(
            lambda line: line.tax_receipt_ok and line.le97_nature == "in_kind"
        )
        return ", ".join(filter(None, lines.mapped("le97_in_kind_description")))

    def _le97_receipt_forms(self):
        self.ensure_one()
        return set(self._le97_receipt_donations().mapped("le97_gift_form"))

    def _le97_receipt_means(self):
        self.ensure_one()
        return set(self._le97_receipt_donations().mapped("le97_payment_means"))

    def _le97_form_info(self):
        """Code and Cerfa number of the receipt's form, from system parameters."""
        self.ensure_one()
        params = self.env["ir.config_parameter"].sudo()
        kind = "company" if self.le97_donor_type == "company" else "individual"
        return {
            "code": params.get_param(f"le97_donation.form_{kind}_code", ""),
            "cerfa": params.get_param(f"le97_donation.form_{kind}_cerfa", ""),
        }
