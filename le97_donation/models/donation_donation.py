# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from .account_payment_method_line import PAYMENT_MEANS

# Written by the application only (validation, cancellation, receipts), never
# from outside, whatever the state.
APPLICATION_FIELDS = {
    "state",
    "le97_in_kind_move_id",
    "le97_expense_claim_id",
    "move_id",
    "tax_receipt_id",
    "amount_total",
    "amount_total_company_currency",
    "tax_receipt_total",
    # from the campaign: whether the gift counts in the CER
    "le97_public_generosity",
}
# What a validated gift is, as its journal entry and its receipt say it: fixed
# once the gift leaves the draft state.
VALIDATED_FIELDS = {
    "number",
    "partner_id",
    "commercial_partner_id",
    "line_ids",
    "donation_date",
    "company_id",
    "currency_id",
    "company_currency_id",
    "check_total",
    "payment_method_line_id",
    "bank_statement_line_id",
    "le97_counterpart_ids",
    "le97_counterpart_value",
    "le97_valuation_letter",
    # the campaign and the project the gift's entry carries (analytic item)
    "campaign_id",
    "le97_project_id",
}
# LPF L. 102 E: books and the documents that prove them are kept six years.
RETENTION_YEARS = 6

GIFT_FORMS = [
    ("authentic_act", "Authentic act"),
    ("private_deed", "Private deed (sous seing privé)"),
    ("manual_gift", "Manual gift (don manuel)"),
    ("other", "Other"),
]


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    # Odoo translates a field's label, help and selection from the po files of
    # the modules that declare the field. OCA donation has no French for these:
    # declared again here (same English), they are translated in this addon's
    # fr.po (a field declared again is this addon's too, string given or not).
    number = fields.Char(default=lambda self: self.env._("New"))
    donation_date = fields.Date(default=fields.Date.context_today)
    move_id = fields.Many2one(string="Journal Entry")
    bank_statement_line_id = fields.Many2one(string="Source Bank Statement Line")
    le97_valuation_letter = fields.Binary(
        string="Company's Valuation Letter",
        attachment=True,
        copy=False,
        help="For a company's gift in kind (CGI art. 238 bis): the company's own "
        "letter valuing the goods, required before any receipt.",
    )
    le97_valuation_letter_filename = fields.Char(copy=False)
    le97_in_kind_move_id = fields.Many2one(
        "account.move",
        string="Entry of the Gift in Kind",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Contribution in kind (ANC 2018-06): 860 / 870, in the journal of "
        "contributions in kind.",
    )
    le97_expense_claim_id = fields.Many2one(
        "le97.expense.claim",
        string="Expense Claim",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The volunteer's waived expenses this gift is (abandon de frais).",
    )
    tax_receipt_option = fields.Selection(
        selection=[
            ("none", "None"),
            ("each", "For Each Donation"),
            ("annual", "Annual Tax Receipt"),
        ],
    )
    tax_receipt_total = fields.Monetary(
        string="Tax Receipt Eligible Amount",
        help="Eligible Tax Receipt Sub-total in Company Currency",
    )
    thanks_printed = fields.Boolean(
        help="This field automatically becomes active when "
        "the thanks letter has been printed.",
    )
    thanks_template_id = fields.Many2one(string="Thanks Template")
    le97_gift_form = fields.Selection(
        selection=GIFT_FORMS,
        string="Form of the Gift",
        required=True,
        default="manual_gift",
        tracking=True,
        help="Form printed on the fiscal receipt: a gift of money or goods handed "
        "over without a deed is a manual gift.",
    )
    le97_payment_means = fields.Selection(
        selection=PAYMENT_MEANS,
        string="Means of Payment",
        compute="_compute_le97_payment_means",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Box ticked on the fiscal receipt. Comes from the payment method and "
        "can be changed for this donation.",
    )
    le97_counterpart_ids = fields.One2many(
        "le97.donation.counterpart",
        "donation_id",
        string="Counterparts Given",
        help="Items of the counterparts catalogue given to the donor for this gift.",
    )
    le97_counterpart_value = fields.Monetary(
        string="Counterpart Value",
        currency_field="currency_id",
        compute="_compute_le97_counterpart_value",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Value of what the donor received in return (goods, services, "
        "invitations). Above the limits (25 % of the gift, and a yearly amount per "
        "donor) the gift gives no right to a receipt.",
    )
    le97_counterpart_description = fields.Char(string="Counterpart", tracking=True)
    le97_project_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        compute="_compute_le97_project_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        ondelete="restrict",
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        help="Project of the fund this gift is for, from its campaign: at "
        "validation each gift line without an analytic distribution gets it, and "
        "its journal item then carries it (analytic plan Projects of the Fund).",
    )
    le97_public_generosity = fields.Boolean(
        string="Public Generosity",
        compute="_compute_le97_public_generosity",
        store=True,
        precompute=True,
        index=True,
        help="A gift to a campaign appealing to the public (générosité du "
        "public): counted in the yearly account of the resources collected from "
        "the public (CER). Fixed when the gift is validated.",
    )

    @api.depends("campaign_id.le97_project_id")
    def _compute_le97_project_id(self):
        # a draft follows its campaign's project (when it has one); a validated
        # gift keeps the project its entry carries
        for donation in self:
            project = donation.le97_project_id
            if donation.state == "draft" and donation.campaign_id.le97_project_id:
                project = donation.campaign_id.le97_project_id
            donation.le97_project_id = project

    @api.depends("campaign_id.le97_public_appeal")
    def _compute_le97_public_generosity(self):
        for donation in self:
            if donation.state == "draft":
                donation.le97_public_generosity = bool(
                    donation.campaign_id.le97_public_appeal
                )
            else:
                donation.le97_public_generosity = donation.le97_public_generosity

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    @api.depends("le97_counterpart_ids.subtotal")
    def _compute_le97_counterpart_value(self):
        # the sum of the catalogue's items given; typed in when none is listed
        for donation in self:
            if donation.le97_counterpart_ids:
                donation.le97_counterpart_value = sum(
                    donation.le97_counterpart_ids.mapped("subtotal")
                )
            else:
                donation.le97_counterpart_value = donation.le97_counterpart_value or 0.0

    @api.depends("payment_method_line_id.le97_payment_means")
    def _compute_le97_payment_means(self):
        for donation in self:
            donation.le97_payment_means = (
                donation.payment_method_line_id.le97_payment_means or False
            )

    @api.onchange("company_id")
    def _onchange_company_id_le97_payment_method(self):
        """A new donation starts with the first donation method of a bank
        journal of its company (most gifts come by cheque or transfer), unless
        the user's own default (OCA) belongs to that company. Done in the form
        only: a donation created by code keeps what it is given."""
        for donation in self.filtered(lambda d: d.state == "draft"):
            line = donation.payment_method_line_id
            if line and line.journal_id.company_id == donation.company_id:
                continue
            donation.payment_method_line_id = self.env[
                "account.payment.method.line"
            ].search(
                self._get_default_payment_method_line_domain(donation.company_id),
                limit=1,
            )

    @api.model
    def _get_default_payment_method_line_domain(self, company):
        return [
            ("journal_id.company_id", "=", company.id),
            ("journal_id.type", "=", "bank"),
            ("journal_id.active", "=", True),
            ("donation", "=", True),
            ("payment_type", "=", "inbound"),
        ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._le97_check_application_vals(vals_list)
        # OCA numbers a donation whose number is its English "New": the
        # translated "New" shown on a new form is dropped here.
        new_labels = {self.env._("New"), self.with_context(lang="en_US").env._("New")}
        for vals in vals_list:
            if vals.get("number") in new_labels:
                del vals["number"]
        donations = super().create(vals_list)
        donors = donations.commercial_partner_id.filtered(lambda p: not p.le97_is_donor)
        if donors:
            donors.write({"le97_is_donor": True})
        return donations

    def write(self, vals):
        if not self.env.su:
            self._le97_check_application_vals([vals])
            fixed = VALIDATED_FIELDS & set(vals)
            validated = self.filtered(lambda d: d.state != "draft")
            if fixed and validated:
                raise UserError(
                    self.env._(
                        "The donations %(donations)s are validated: these fields "
                        "are those of their journal entry and of their fiscal "
                        "receipt and cannot change: %(fields)s. Cancel the donation "
                        "(its entry is reversed) and record a new one.",
                        donations=", ".join(validated.mapped("display_name")),
                        fields=self._le97_field_labels(fixed),
                    )
                )
        return super().write(vals)

    @api.model
    def _le97_field_labels(self, names):
        return ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )

    @api.model
    def _le97_application_fields(self):
        """Fields only the application writes (as superuser): state, journal
        entry, receipt link and totals; the bridges add the link to where the
        money was received (counter, Point of Sale order, online payment)."""
        return set(APPLICATION_FIELDS)

    @api.model
    def _le97_check_application_vals(self, vals_list):
        """State, journal entry, receipt link and totals are the application's."""
        forbidden = self._le97_application_fields() & {
            name for vals in vals_list for name in vals
        }
        if forbidden:
            raise UserError(
                self.env._(
                    "Donation: %(fields)s cannot be set directly; use the buttons "
                    "of the donation (Validate, Cancel), which check who may do it.",
                    fields=self._le97_field_labels(forbidden),
                )
            )

    @api.model
    def _le97_check_treasurer(self, action):
        """Refuse ``action`` to a user who is not a treasurer, or on donations
        the user may not change (another company's: the work is then done as
        superuser, which would skip the record rules)."""
        if self.env.su:
            return
        if not self.env.user.has_group("le97_base.group_treasurer"):
            raise AccessError(
                self.env._("%(action)s: only a treasurer may do it.", action=action)
            )
        self.check_access("write")

    def _le97_receipted(self):
        """The donations of ``self`` that have or had a fiscal receipt (an
        issued or cancelled receipt lists them), in two queries at most."""
        ids = [i for i in self.ids if isinstance(i, int)]
        if not ids:
            return self.browse()
        self.env["donation.tax.receipt"].flush_model(["le97_donation_ids"])
        self.env.cr.execute(
            "SELECT DISTINCT donation_id FROM le97_donation_tax_receipt_donation_rel "
            "WHERE donation_id = ANY(%s)",
            [ids],
        )
        had = {row[0] for row in self.env.cr.fetchall()}
        return (
            self.sudo()
            .filtered(lambda d: d.id in had or d.tax_receipt_id)
            .with_env(self.env)
        )

    def _le97_issued_receipts(self):
        """Issued receipts covering gifts of ``self`` (one query)."""
        return (
            self.env["donation.tax.receipt"]
            .sudo()
            .search(
                [
                    ("state", "=", "issued"),
                    "|",
                    ("le97_donation_ids", "in", self.ids),
                    ("donation_ids", "in", self.ids),
                ]
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_kept(self):
        """A receipted gift is never deleted; a validated or cancelled gift is
        kept six years after its date (LPF L. 102 E). A draft goes."""
        limit = fields.Date.context_today(self) - relativedelta(years=RETENTION_YEARS)
        receipted = self._le97_receipted()
        kept = self.filtered(
            lambda d: d in receipted
            or (d.state != "draft" and (not d.donation_date or d.donation_date > limit))
        )
        if kept:
            raise UserError(
                self.env._(
                    "The donations %(donations)s cannot be deleted: a receipted "
                    "gift is kept with its receipt, and a validated or cancelled "
                    "gift is kept six years with its entry and its proofs (LPF "
                    "L. 102 E).",
                    donations=", ".join(kept.mapped("display_name")),
                )
            )

    def _prepare_each_tax_receipt(self):
        vals = super()._prepare_each_tax_receipt()
        vals["donation_ids"] = [Command.set(self.ids)]
        return vals

    def _le97_get_each_receipt_donations(self):
        """Donations of self that will get a per-gift receipt on validation."""
        return self.filtered(
            lambda d: d.tax_receipt_option == "each"
            and not d.tax_receipt_id
            and not d.company_currency_id.is_zero(d.tax_receipt_total)
        )

    @api.onchange("tax_receipt_option")
    def tax_receipt_option_change(self):
        # OCA's warning, in this addon's words (OCA has no French for it)
        res = super().tax_receipt_option_change()
        if res and res.get("warning"):
            res["warning"] = {
                "title": self.env._("Yearly receipt"),
                "message": self.env._(
                    "%(donor)s asks for a yearly receipt: the donation keeps the "
                    "annual option. Change the option on the donor if needed.",
                    donor=self.partner_id.commercial_partner_id.display_name,
                ),
            }
        return res

    def _le97_validation_problems(self):
        """The usual mistakes OCA refuses at validation, said in this addon's
        words (OCA's have no French): one message per donation."""
        problems = []
        today = fields.Date.context_today(self)
        for donation in self:
            name = donation.display_name
            if donation.state != "draft":
                problems.append(
                    self.env._(
                        "The donation %(donation)s is not a draft.", donation=name
                    )
                )
            elif not donation.line_ids:
                problems.append(
                    self.env._(
                        "The donation %(donation)s has no line: add the gift "
                        "and its amount.",
                        donation=name,
                    )
                )
            elif donation.currency_id.is_zero(donation.amount_total):
                problems.append(
                    self.env._(
                        "The donation %(donation)s has a total of zero.", donation=name
                    )
                )
            elif not donation.payment_method_line_id and not all(
                donation.line_ids.mapped("in_kind")
            ):
                problems.append(
                    self.env._(
                        "The donation %(donation)s has no payment method (only a "
                        "gift entirely in kind goes without one).",
                        donation=name,
                    )
                )
            elif donation.donation_date and donation.donation_date > today:
                problems.append(
                    self.env._(
                        "The date of the donation %(donation)s is in the future.",
                        donation=name,
                    )
                )
        drafts = self.filtered(lambda d: d.state == "draft")
        problems += drafts._le97_non_gift_validation_problems()
        for donation in drafts.filtered("campaign_id"):
            problems += donation.campaign_id._le97_gift_authorisation_problems(donation)
        return problems

    def validate(self):
        self._le97_check_treasurer(self.env._("Validating donations"))
        problems = self._le97_validation_problems()
        if problems:
            raise UserError(
                self.env._(
                    "The donations cannot be validated:\n%(errors)s",
                    errors="\n".join(f"- {problem}" for problem in problems),
                )
            )
        # OCA creates the per-gift receipts one donation at a time, each create()
        # running the receipt checks on its own. They are issued here instead,
        # all at once after the journal entries: one create(), hence one run of
        # the checks for the whole batch and one error listing every problem.
        # A refusal rolls the whole validation back.
        # The user's role is checked: OCA's validation writes the state and the
        # entry, which only the application writes (as superuser).
        to_receipt = self._le97_get_each_receipt_donations()
        self._le97_set_project_distribution()
        res = super(
            DonationDonation, self.sudo().with_context(le97_defer_each_receipt=True)
        ).validate()
        self._le97_book_in_kind()
        to_receipt = to_receipt.filtered(lambda d: not d.tax_receipt_id)
        if to_receipt:
            # their donation_ids link each gift to its receipt
            self.env["donation.tax.receipt"]._le97_issue(
                [donation._prepare_each_tax_receipt() for donation in to_receipt]
            )
        # OCA returns nothing, which XML-RPC cannot send back to its caller
        return True if res is None else res

    def _le97_set_project_distribution(self):
        """Each gift line of a donation with a project gets the project: at
        100 % without an analytic distribution of its own; else added to each
        share of its distribution that has no project of the fund (Odoo's
        ``"account,account"`` keys, one account per plan), and given what the
        shares leave of 100 %; a share already on a project keeps it. OCA
        copies the line's distribution to its journal item, whose analytic
        item then carries the project. Called by the validation, once it has
        checked the donations; one search and one write per distinct
        distribution, whatever the number of gifts."""
        lines = self.filtered("le97_project_id").line_ids.filtered(
            lambda line: line.le97_gift_kind == "gift"
        )
        account_ids = {
            int(account_id)
            for line in lines
            for key in line.analytic_distribution or {}
            for account_id in key.split(",")
            if account_id.isdigit()
        }
        Analytic = self.env["account.analytic.account"].sudo()
        on_projects = (
            {
                str(account_id)
                for account_id in Analytic.search(
                    [("id", "in", list(account_ids)), *Analytic._le97_project_domain()]
                ).ids
            }
            if account_ids
            else set()
        )
        by_distribution = defaultdict(lambda: self.env["donation.line"])
        for line in lines:
            project = str(line.donation_id.le97_project_id.id)
            distribution = {}
            for key, share in (line.analytic_distribution or {}).items():
                if set(key.split(",")) & on_projects:
                    distribution[key] = share
                else:
                    distribution[f"{key},{project}"] = share
            rest = 100 - sum(distribution.values())
            if rest > 0.01:
                distribution[project] = distribution.get(project, 0) + rest
            if distribution != line.analytic_distribution:
                by_distribution[json.dumps(distribution, sort_keys=True)] |= line
        for distribution, group in by_distribution.items():
            group.sudo().write({"analytic_distribution": json.loads(distribution)})

    def generate_each_tax_receipt(self):
        # deferred to validate() above, which issues them in one batch
        if self.env.context.get("le97_defer_each_receipt"):
            return False
        # OCA's public method, callable over JSON-RPC: the receipt of a gift
        # validated without one (its option was changed since), by a treasurer.
        self.ensure_one()
        self._le97_check_treasurer(self.env._("Issuing the receipt of a donation"))
        if self.state != "done":
            raise UserError(
                self.env._(
                    "The donation %(donation)s is not validated: its receipt is "
                    "issued when it is validated.",
                    donation=self.display_name,
                )
            )
        if self._le97_receipted():
            raise UserError(
                self.env._(
                    "The donation %(donation)s already has or had a fiscal "
                    "receipt: a receipts administrator replaces a cancelled "
                    "receipt.",
                    donation=self.display_name,
                )
            )
        if not self._le97_get_each_receipt_donations():
            return False
        return self.env["donation.tax.receipt"]._le97_issue(
            [self._prepare_each_tax_receipt()]
        )

    # -- receipt checks ----------------------------------------------------------
    def _le97_non_gift_lines(self):
        """``[(donation, position, line)]`` of the lines of ``self`` whose
        product is not a gift (``product.template.le97_gift_kind``), read for
        the whole batch at once; ``position`` counts the lines from 1."""
        lines = self.line_ids
        lines.fetch(["product_id", "amount", "currency_id", "sequence"])
        lines.product_id.product_tmpl_id.fetch(["name", "le97_gift_kind"])
        found = []
        for donation in self:
            for position, line in enumerate(donation.line_ids, start=1):
                if line.product_id.le97_gift_kind != "gift":
                    found.append((donation, position, line))
        return found

    def _le97_non_gift_line_values(self, position, line):
        """Placeholders naming a non-gift line in the messages."""
        self.ensure_one()
        return {
            "donation": self.display_name,
            "donor": self.commercial_partner_id.display_name,
            "position": position,
            "product": line.product_id.display_name,
            "amount": format_amount(self.env, line.amount, line.currency_id),
            "kind": line.product_id.product_tmpl_id._le97_gift_kind_label(),
        }

    def _le97_non_gift_validation_problems(self):
        """A donation asking for a receipt (each gift or yearly) must hold gifts
        only: a non-gift line would be left out of its receipt without a word.
        A donation of non-gifts is a plain income, validated with the receipt
        option None (see ``readme/USAGE.md``)."""
        asking = self.filtered(lambda d: d.tax_receipt_option in ("each", "annual"))
        return asking._le97_non_gift_option_problems()

    def _le97_non_gift_option_problems(self):
        """One message per non-gift line of ``self``, donations that ask (or
        are asked) for a fiscal receipt."""
        return [
            self.env._(
                "The donation %(donation)s of %(donor)s asks for a fiscal receipt "
                "but its line %(position)s (%(product)s, %(amount)s) is not a gift "
                "(%(kind)s): it gives no right to a receipt. Set the receipt "
                "option to None to book it as an income without receipt, or "
                "record the gift and this income on separate donations.",
                **donation._le97_non_gift_line_values(position, line),
            )
            for donation, position, line in self._le97_non_gift_lines()
        ]

    def _le97_receipt_problems_now(self):
        """``{donation: [messages]}``: what keeps each donation of ``self``
        from getting its receipt now, by the checks made at issue time (the
        fund's and each donor's run once for the batch, then the gift's).
        Used by the bridges that record gifts received elsewhere (Point of
        Sale, website) before validating them."""
        fund_problems = {}
        donor_problems = {}
        result = {}
        for donation in self:
            company = donation.company_id.sudo()
            donor = donation.commercial_partner_id
            if company not in fund_problems:
                fund_problems[company] = company._le97_receipt_fund_problems()
            if (company, donor) not in donor_problems:
                donor_problems[company, donor] = donor._le97_receipt_donor_problems(
                    company
                )
            result[donation] = list(
                dict.fromkeys(
                    [
                        *fund_problems[company],
                        *donor_problems[company, donor],
                        *donation._le97_receipt_gift_problems(),
                    ]
                )
            )
        return result

    def _le97_receipt_gift_problems(self):
        """What keeps the gifts of ``self`` from being receipted.

        Returns a list of messages naming each gift, its donor and what is
        wrong (empty when every gift may be receipted). Every line must be a
        gift (a sale, a pay-what-you-can price for using the place, a fee with
        a counterpart or a membership fee is refused, naming the line).
        Counterparts are checked per gift (rate) and, for individuals, per
        donor and calendar year (amount, with one grouped query for the whole
        batch); ``self`` may hold donations not validated yet.
        """
        problems = [
            self.env._(
                "The gift %(donation)s of %(donor)s holds a line that is not a "
                "gift: line %(position)s, %(product)s, %(amount)s (%(kind)s). "
                "What is not a gift gives no right to a fiscal receipt: record "
                "the gift on a donation of its own.",
                **donation._le97_non_gift_line_values(position, line),
            )
            for donation, position, line in self._le97_non_gift_lines()
        ]
        problems += self._le97_waived_expense_problems()
        problems += self._le97_in_kind_problems()
        max_rate, max_amount = self._le97_counterpart_limits()
        for donation in self:
            rate_limit = donation.amount_total * max_rate
            if (
                donation.currency_id.compare_amounts(
                    donation.le97_counterpart_value, rate_limit
                )
                > 0
            ):
                problems.append(
                    self.env._(
                        "The counterpart given to %(donor)s for the gift "
                        "%(donation)s (%(value)s) is above %(rate)s %% of the "
                        "gift: this gift gives no right to a receipt.",
                        donor=donation.commercial_partner_id.display_name,
                        donation=donation.display_name,
                        value=donation.le97_counterpart_value,
                        rate=round(max_rate * 100, 2),
                    )
                )
        problems += self._le97_yearly_counterpart_problems(max_amount)
        return problems

    def _le97_in_kind_problems(self):
        """A gift in kind is receipted with its description and valuation
        (method, who valued it, when); a company's, with its own valuation
        letter (CGI art. 238 bis)."""
        problems = []
        labels = {
            "le97_in_kind_description": self.env._("description"),
            "le97_valuation_method": self.env._("valuation method"),
            "le97_valued_by_id": self.env._("who valued it"),
            "le97_valuation_date": self.env._("valuation date"),
        }
        for donation in self:
            lines = donation.line_ids.filtered(
                lambda line: line.le97_nature == "in_kind"
            )
            if not lines:
                continue
            for position, line in enumerate(donation.line_ids, start=1):
                if line not in lines:
                    continue
                missing = [label for fname, label in labels.items() if not line[fname]]
                if missing:
                    problems.append(
                        self.env._(
                            "The gift in kind %(donation)s of %(donor)s (line "
                            "%(position)s) lacks its %(missing)s.",
                            donation=donation.display_name,
                            donor=donation.commercial_partner_id.display_name,
                            position=position,
                            missing=", ".join(missing),
                        )
                    )
            if (
                donation.commercial_partner_id._le97_receipt_donor_type() == "company"
                and not donation.le97_valuation_letter
            ):
                problems.append(
                    self.env._(
                        "The gift in kind %(donation)s of the company %(donor)s has "
                        "no valuation letter from the company: attach it to the "
                        "donation before any receipt.",
                        donation=donation.display_name,
                        donor=donation.commercial_partner_id.display_name,
                    )
                )
        return problems

    def _le97_in_kind_move_vals(self):
        """The contribution in kind of the gift's in-kind lines (ANC 2018-06):
        860 (its use) / 870 (gifts in kind), in the journal of contributions in
        kind; ``False`` when the gift has none."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.le97_nature == "in_kind")
        amount = sum(lines.mapped("amount_company_currency"))
        if not lines or self.company_currency_id.is_zero(amount):
            return False
        company = self.company_id
        journal = company.le97_cvn_journal_id
        accounts = self.env["account.account"].sudo()
        use, income = (
            accounts.search(
                [*accounts._check_company_domain(company), ("code", "=", code)],
                limit=1,
            )
            for code in ("860000", "870000")
        )
        if not (journal and use and income):
            raise UserError(
                self.env._(
                    "The gift in kind %(donation)s cannot be booked: %(company)s "
                    "needs its journal of contributions in kind and the accounts "
                    "860 and 870 of the non-profit chart.",
                    donation=self.display_name,
                    company=company.name,
                )
            )
        name = self.env._(
            "Gift in kind %(donation)s: %(goods)s",
            donation=self.number,
            goods=", ".join(filter(None, lines.mapped("le97_in_kind_description")))
            or "-",
        )
        partner = self.commercial_partner_id.id
        # both sides on the gift's project: the statement by project shows the
        # contribution in its column (86 and 87)
        distribution = (
            {str(self.le97_project_id.id): 100} if self.le97_project_id else False
        )
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self.donation_date,
            "ref": name,
            "line_ids": [
                Command.create(
                    {
                        "name": name,
                        "account_id": use.id,
                        "debit": amount,
                        "partner_id": partner,
                        "analytic_distribution": distribution,
                    }
                ),
                Command.create(
                    {
                        "name": name,
                        "account_id": income.id,
                        "credit": amount,
                        "partner_id": partner,
                        "analytic_distribution": distribution,
                    }
                ),
            ],
        }

    def _le97_book_in_kind(self):
        """Book the contribution in kind of validated gifts (OCA books none)."""
        for donation in self.filtered(
            lambda d: d.state == "done" and not d.le97_in_kind_move_id
        ):
            vals = donation._le97_in_kind_move_vals()
            if vals:
                move = self.env["account.move"].sudo().create(vals)
                move.action_post()
                donation.sudo().le97_in_kind_move_id = move

    def _le97_waived_expense_problems(self):
        """Waived volunteer expenses are receipted only as the gift of an
        expense claim that was proved, approved and waived in writing."""
        problems = []
        for donation in self:
            if "waived_expenses" not in donation.line_ids.mapped("le97_nature"):
                continue
            claim = donation.le97_expense_claim_id
            if claim.state == "waived" and claim.donation_id == donation:
                continue
            problems.append(
                self.env._(
                    "The gift %(donation)s of %(donor)s is waived volunteer "
                    "expenses with no expense claim proved, approved and waived "
                    "in writing: declare the expenses with their proofs in an "
                    "expense claim (Le 97 > Volunteers > Expense Claims); the "
                    "gift is made when the waiver is recorded.",
                    donation=donation.display_name,
                    donor=donation.commercial_partner_id.display_name,
                )
            )
        return problems

    @api.model
    def _le97_counterpart_limits(self):
        """(max rate, max yearly amount) of counterparts, from system parameters."""
        params = self.env["ir.config_parameter"].sudo()
        limits = []
        for key, default in (
            ("le97_donation.counterpart_max_rate", "0.25"),
            ("le97_donation.counterpart_max_amount", "73"),
        ):
            value = params.get_param(key, default)
            try:
                limits.append(float(value))
            except ValueError as error:
                raise UserError(
                    self.env._(
                        "The system parameter %(key)s must be a number, not "
                        "%(value)s.",
                        key=key,
                        value=repr(value),
                    )
                ) from error
        return tuple(limits)

    def _le97_yearly_counterpart_problems(self, max_amount):
        """Counterparts per donor and calendar year, with one grouped query.

        The yearly amount (73 € in 2025) caps the counterparts of individuals
        (CGI art. 200, BOI-IR-RICI-250); a company's counterparts are only held
        to the rate of each gift, the "marked disproportion" of art. 238 bis
        (BOI-BIC-RICI-20-30-10-20, one to four admitted in practice).
        """
        donations = self.filtered(
            lambda d: d.le97_counterpart_value
            and d.commercial_partner_id._le97_receipt_donor_type() != "company"
        )
        if not donations:
            return []
        years = {d.donation_date.year for d in donations if d.donation_date}
        domain = [
            ("commercial_partner_id", "in", donations.commercial_partner_id.ids),
            ("donation_date", ">=", f"{min(years)}-01-01"),
            ("donation_date", "<=", f"{max(years)}-12-31"),
            ("le97_counterpart_value", "!=", 0),
            "|",
            ("state", "=", "done"),
            ("id", "in", [i for i in donations.ids if isinstance(i, int)]),
        ]
        groups = self._read_group(
            domain,
            groupby=["commercial_partner_id", "donation_date:year"],
            aggregates=["le97_counterpart_value:sum"],
        )
        problems = []
        for partner, year, total in groups:
            if total > max_amount:
                problems.append(
                    self.env._(
                        "The counterparts given to %(donor)s in %(year)s add up to "
                        "%(total)s €, above the yearly limit of %(limit)s €.",
                        donor=partner.display_name,
                        year=year.year,
                        total=total,
                        limit=max_amount,
                    )
                )
        return problems

    def done2cancel(self):
        """Cancel validated gifts: their journal entries are reversed, both
        kept (OCA deletes them). Refused while an issued receipt covers one."""
        self._le97_check_treasurer(self.env._("Cancelling donations"))
        not_done = self.filtered(lambda d: d.state != "done")
        if not_done:
            raise UserError(
                self.env._(
                    "Only a validated donation can be cancelled: %(donations)s.",
                    donations=", ".join(not_done.mapped("display_name")),
                )
            )
        receipts = self._le97_issued_receipts()
        for donation in self:
            receipt = receipts.filtered(
                lambda r, d=donation: d in r.le97_donation_ids | r.donation_ids
            )[:1]
            if receipt:
                raise UserError(
                    self.env._(
                        "The donation %(donation)s of %(donor)s is covered by the "
                        "issued fiscal receipt %(receipt)s: a receipts administrator "
                        "must cancel that receipt first.",
                        donation=donation.display_name,
                        donor=donation.commercial_partner_id.display_name,
                        receipt=receipt.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        # the gift's entry and the entry of its part in kind, both kept reversed
        for fname in ("move_id", "le97_in_kind_move_id"):
            donations = self.filtered(fname)
            if donations:
                donations[fname]._reverse_moves(
                    [
                        {
                            "date": today,
                            "ref": self.env._(
                                "Reversal of %(entry)s: donation %(donation)s "
                                "cancelled",
                                entry=donation[fname].name,
                                donation=donation.number,
                            ),
                        }
                        for donation in donations
                    ],
                    cancel=True,
                )
        self.sudo().write({"state": "cancel"})
        for donation in self:
            donation.partner_id._update_donor_rank()
            donation.message_post(
                body=self.env._(
                    "Donation cancelled: its journal entry %(entry)s is kept and "
                    "reversed.",
                    entry=donation.move_id.name or "-",
                )
                if donation.move_id
                else self.env._("Donation cancelled.")
            )
        return True

    def cancel2draft(self):
        """A cancelled gift that was posted or receipted stays cancelled, with
        its reversed entry and its receipt: a new gift is recorded instead."""
        self._le97_check_treasurer(self.env._("Setting donations back to draft"))
        kept = self.filtered("move_id") | self._le97_receipted()
        if kept:
            raise UserError(
                self.env._(
                    "The donations %(donations)s were posted or receipted: they "
                    "stay cancelled, with their reversed entry and their receipt. "
                    "Record a new donation instead.",
                    donations=", ".join(kept.mapped("display_name")),
                )
            )
        res = super(DonationDonation, self.sudo()).cancel2draft()
        return True if res is None else res
