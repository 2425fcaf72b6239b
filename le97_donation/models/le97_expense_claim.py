# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A volunteer's expenses waived to the fund (abandon de frais).

The volunteer declares the expenses with their proofs and accepts the written
waiver; the treasurer approves (expense / 4681) or refuses with a reason; once
approved and waived, the claim books 4681 / 75412 and becomes a gift of nature
"frais de bénévoles", receipted with the volunteer's yearly receipt. Only
these gifts may carry that nature on a receipt (see
``donation.donation._le97_receipt_gift_problems``).
"""

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

TREASURER = "le97_base.group_treasurer"
VOLUNTEER = "le97_base.group_volunteer"

WAIVER_TEXT = (
    "Je soussigné(e) %(name)s certifie renoncer au remboursement des frais "
    "ci-dessus, d'un montant de %(amount)s, engagés pour %(purpose)s, et les "
    "laisser à %(fund)s en tant que don."
)


class Le97ExpenseClaim(models.Model):
    _name = "le97.expense.claim"
    _inherit = ["le97.posted.document.mixin", "mail.thread"]
    _description = "Volunteer Expense Claim"
    _order = "date desc, id desc"
    _check_company_auto = True

    _le97_workflow_fields = (
        "state",
        "name",
        "waiver_accepted",
        "waiver_date",
        "waiver_text",
        "approve_uid",
        "approve_date",
        "refuse_reason",
        "waiver_move_id",
        "donation_id",
    )
    _le97_locked_states = ("approved", "waived", "refused")
    _le97_deletable_states = ("draft",)
    _le97_draft_fields = ("user_id", "partner_id", "company_id")

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index="trigram"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Volunteer",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Donor",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Who waives the expenses and receives the fiscal receipt: the "
        "volunteer's contact, with their full postal address.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    purpose = fields.Char(
        required=True,
        help="The project or activity of the fund the expenses served (the "
        "Jardin du Ravelin, the Club Climat, the tiers-lieu...).",
    )
    le97_project_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        check_company=True,
        index="btree_not_null",
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        help="Project of the fund the expenses served: the expenses and the "
        "waived gift are booked on it.",
    )
    line_ids = fields.One2many("le97.expense.claim.line", "claim_id", string="Expenses")
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("waived", "Waived (gift)"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    waiver_accepted = fields.Boolean(readonly=True, copy=False, tracking=True)
    waiver_date = fields.Date(readonly=True, copy=False)
    waiver_text = fields.Text(
        string="Waiver",
        readonly=True,
        copy=False,
        help="The volunteer's written waiver, as they accepted it.",
    )
    waiver_document = fields.Binary(
        string="Signed Waiver",
        attachment=True,
        copy=False,
        help="The waiver signed on paper, scanned, when the volunteer did not "
        "accept it in Odoo.",
    )
    waiver_document_filename = fields.Char(copy=False)
    approve_uid = fields.Many2one("res.users", string="Approved by", readonly=True)
    approve_date = fields.Date(string="Approved on", readonly=True)
    refuse_reason = fields.Text(readonly=True, copy=False, tracking=True)
    waiver_move_id = fields.Many2one(
        "account.move",
        string="Waiver Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    donation_id = fields.Many2one(
        "donation.donation",
        string="Gift",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    @api.depends("user_id")
    def _compute_partner_id(self):
        for claim in self:
            claim.partner_id = claim.user_id.partner_id

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for claim in self:
            claim.amount_total = sum(claim.line_ids.mapped("amount"))

    @api.depends("name", "partner_id", "amount_total")
    def _compute_display_name(self):
        for claim in self:
            claim.display_name = self.env._(
                "%(number)s - %(volunteer)s",
                number=claim.name if claim.name != "/" else self.env._("Draft"),
                volunteer=claim.partner_id.name or "",
            )

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    def _le97_analytic_distribution(self):
        """The claim's project as the distribution of its journal items."""
        self.ensure_one()
        project = self.le97_project_id
        return {str(project.id): 100} if project else False

    # -- who may change what ----------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        claims = super().create(vals_list)
        claims._le97_check_volunteer_donor()
        return claims

    def _le97_check_volunteer_donor(self):
        """A volunteer's claim is their own gift: its donor is them."""
        if self.env.su or self.env.user.has_group(TREASURER):
            return
        wrong = self.filtered(
            lambda c: c.user_id != self.env.user
            or c.partner_id != self.env.user.partner_id
        )
        if wrong:
            raise AccessError(
                self.env._(
                    "A volunteer declares their own expenses only: the volunteer "
                    "and the donor of %(claims)s must be you.",
                    claims=", ".join(wrong.mapped("display_name")),
                )
            )

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group(TREASURER):
            self._le97_check_own(self.env._("Changing an expense claim"))
            # a volunteer changes their claim while it is a draft only
            self._le97_check_state(("draft",), self.env._("Changing an expense claim"))
        elif "waiver_document" in vals and not self.env.su:
            self._le97_check_state(
                ("draft", "submitted", "approved"),
                self.env._("Attaching the signed waiver"),
            )
        res = super().write(vals)
        if {"user_id", "partner_id"} & set(vals):
            self._le97_check_volunteer_donor()
        return res

    def _le97_check_unlocked(self, field_names=None):
        # the waiver signed on paper may still be attached to an approved claim
        if field_names is not None and all(c.state == "approved" for c in self):
            field_names = set(field_names) - {
                "waiver_document",
                "waiver_document_filename",
            }
        return super()._le97_check_unlocked(field_names)

    def _le97_check_own(self, action):
        others = self.filtered(lambda c: c.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "%(action)s: %(claims)s is another volunteer's.",
                    action=action,
                    claims=", ".join(others.mapped("display_name")),
                )
            )

    # -- the workflow -------------------------------------------------------
    def _le97_missing_proofs(self):
        return self.line_ids.filtered(lambda line: not line.proof)

    def action_submit(self):
        """The volunteer (or a treasurer for them) hands the claim in."""
        action = self.env._("Submitting an expense claim")
        if not self.env.user.has_group(TREASURER):
            self._le97_check_group(VOLUNTEER, action)
            self._le97_check_own(action)
        self._le97_check_state(("draft",), action)
        problems = []
        for claim in self:
            if not claim.line_ids:
                problems.append(
                    self.env._("%(claim)s has no expense.", claim=claim.display_name)
                )
            for line in claim._le97_missing_proofs():
                problems.append(
                    self.env._(
                        "%(claim)s: the expense %(expense)s has no proof (a photo "
                        "or PDF of the ticket, invoice or trip log).",
                        claim=claim.display_name,
                        expense=line.name,
                    )
                )
            if not claim.partner_id:
                problems.append(
                    self.env._("%(claim)s has no donor.", claim=claim.display_name)
                )
        if problems:
            raise UserError(
                self.env._(
                    "The expense claim cannot be submitted:\n%(problems)s",
                    problems="\n".join(f"- {p}" for p in problems),
                )
            )
        for claim in self:
            vals = {"state": "submitted"}
            if claim.name == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .with_company(claim.company_id)
                    .next_by_code("le97.expense.claim")
                    or "/"
                )
            claim._le97_write_workflow(vals)
        return True

    def action_accept_waiver(self):
        """The volunteer accepts, in writing, to leave the expenses to the fund
        as a gift: the text they accepted is kept with its date."""
        action = self.env._("Accepting the waiver")
        self._le97_check_own(action)
        self._le97_check_state(("draft", "submitted", "approved"), action)
        today = fields.Date.context_today(self)
        for claim in self:
            if claim.waiver_accepted:
                continue
            claim._le97_write_workflow(
                {
                    "waiver_accepted": True,
                    "waiver_date": today,
                    "waiver_text": claim._le97_waiver_text(),
                }
            )
            claim.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Waiver accepted by %(volunteer)s on %(date)s.",
                    volunteer=self.env.user.name,
                    date=format_date(self.env, today),
                )
            )
        return True

    def _le97_waiver_text(self):
        self.ensure_one()
        return WAIVER_TEXT % {
            "name": self.partner_id.name,
            "amount": self._le97_french_amount(),
            "purpose": self.purpose,
            "fund": self.company_id.name,
        }

    def _le97_french_amount(self):
        """The total written the French way (1 234,50 €), as the French text
        of the waiver it is part of, whatever the user's language."""
        self.ensure_one()
        digits = f"{self.amount_total:,.2f}"
        digits = digits.replace(",", "\u202f").replace(".", ",")
        return f"{digits}\u00a0{self.currency_id.symbol or ''}".strip()

    def _prepare_move_vals(self):
        """The approval's entry: each expense account debited, 4681 credited
        with the volunteer as partner."""
        self.ensure_one()
        company = self.company_id
        journal = company._le97_volunteer_expense_journal()
        payable = company.le97_account_volunteer_expense_id
        if not payable:
            raise UserError(
                self.env._(
                    "Set the volunteers' expenses account (4681) of %(company)s "
                    "in Le 97 > Configuration.",
                    company=company.name,
                )
            )
        lines = []
        by_account = {}
        for line in self.line_ids.sudo():
            if not line.account_id:
                raise UserError(
                    self.env._(
                        "The expense %(expense)s has no expense account: the chart "
                        "of %(company)s has no 6251 or 6068 account.",
                        expense=line.name,
                        company=company.name,
                    )
                )
            by_account[line.account_id] = by_account.get(line.account_id, 0.0) + (
                line.amount
            )
        for account, amount in by_account.items():
            lines.append(
                Command.create(
                    {
                        "name": self.env._(
                            "%(claim)s - %(purpose)s",
                            claim=self.name,
                            purpose=self.purpose,
                        ),
                        "account_id": account.id,
                        "partner_id": self.partner_id.id,
                        "debit": amount,
                        "analytic_distribution": self._le97_analytic_distribution(),
                    }
                )
            )
        lines.append(
            Command.create(
                {
                    "name": self.name,
                    "account_id": payable.id,
                    "partner_id": self.partner_id.id,
                    "credit": self.amount_total,
                }
            )
        )
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": fields.Date.context_today(self),
            "ref": self.env._("Volunteer expenses %(claim)s", claim=self.display_name),
            "line_ids": lines,
        }

    def _prepare_waiver_move_vals(self):
        """The waiver's entry: 4681 debited, 75412 credited."""
        self.ensure_one()
        company = self.company_id
        income = company.le97_account_waived_expense_id
        if not income:
            raise UserError(
                self.env._(
                    "Set the waived expenses account (75412) of %(company)s in "
                    "Le 97 > Configuration.",
                    company=company.name,
                )
            )
        name = self.env._("Waived expenses %(claim)s", claim=self.display_name)
        return {
            "move_type": "entry",
            "journal_id": company._le97_volunteer_expense_journal().id,
            "date": self.waiver_date or fields.Date.context_today(self),
            "ref": name,
            "line_ids": [
                Command.create(
                    {
                        "name": name,
                        "account_id": company.le97_account_volunteer_expense_id.id,
                        "partner_id": self.partner_id.id,
                        "debit": self.amount_total,
                    }
                ),
                Command.create(
                    {
                        "name": name,
                        "account_id": income.id,
                        "partner_id": self.partner_id.id,
                        "credit": self.amount_total,
                        "analytic_distribution": self._le97_analytic_distribution(),
                    }
                ),
            ],
        }

    def _prepare_donation_vals(self):
        """The gift the waiver makes: nature "frais de bénévoles", receipted
        with the volunteer's yearly receipt."""
        self.ensure_one()
        product = self.env.ref("le97_donation.product_product_gift")
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "donation_date": self.waiver_date,
            "tax_receipt_option": "annual",
            "le97_gift_form": "other",
            "le97_project_id": self.le97_project_id.id,
            "line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1,
                        "unit_price": self.amount_total,
                        "le97_nature": "waived_expenses",
                    }
                )
            ],
        }

    def action_approve(self):
        """The treasurer approves the expenses: expense / 4681, posted."""
        action = self.env._("Approving an expense claim")
        self._le97_check_group(TREASURER, action)
        self._le97_check_state(("submitted",), action)
        for claim in self:
            missing = claim._le97_missing_proofs()
            if missing or not claim.line_ids:
                raise UserError(
                    self.env._(
                        "The expense claim %(claim)s cannot be approved: no proof "
                        "for %(expenses)s.",
                        claim=claim.display_name,
                        expenses=", ".join(missing.mapped("name")) or "-",
                    )
                )
            if claim.currency_id.is_zero(claim.amount_total):
                raise UserError(
                    self.env._(
                        "The expense claim %(claim)s has a total of zero.",
                        claim=claim.display_name,
                    )
                )
            move = self.env["account.move"].sudo().create(claim._prepare_move_vals())
            move.action_post()
            claim._le97_write_workflow(
                {
                    "state": "approved",
                    "move_id": move.id,
                    "approve_uid": self.env.uid,
                    "approve_date": fields.Date.context_today(self),
                }
            )
        return True

    def action_waive(self):
        """The treasurer records the waiver of an approved claim: 4681 /
        75412, posted, and the gift of the waived expenses."""
        action = self.env._("Recording the waiver of an expense claim")
        self._le97_check_group(TREASURER, action)
        self._le97_check_state(("approved",), action)
        for claim in self:
            if not claim.waiver_accepted and not claim.waiver_document:
                raise UserError(
                    self.env._(
                        "The expense claim %(claim)s has no written waiver: the "
                        "volunteer accepts it in Odoo, or the treasurer attaches "
                        "the waiver they signed on paper.",
                        claim=claim.display_name,
                    )
                )
            vals = {"state": "waived"}
            if not claim.waiver_date:
                vals["waiver_date"] = fields.Date.context_today(self)
                vals["waiver_text"] = claim._le97_waiver_text()
            claim._le97_write_workflow(vals)
            move = (
                self.env["account.move"]
                .sudo()
                .create(claim._prepare_waiver_move_vals())
            )
            move.action_post()
            donation = (
                self.env["donation.donation"]
                .sudo()
                .create(claim._prepare_donation_vals())
            )
            donation.write(
                {
                    "state": "done",
                    "move_id": move.id,
                    "le97_expense_claim_id": claim.id,
                }
            )
            donation.partner_id._update_donor_rank()
            claim._le97_write_workflow(
                {"waiver_move_id": move.id, "donation_id": donation.id}
            )
        return True

    def action_refuse(self, reason):
        """The treasurer refuses a submitted claim, with the reason."""
        action = self.env._("Refusing an expense claim")
        self._le97_check_group(TREASURER, action)
        self._le97_check_state(("submitted",), action)
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the refusal."))
        self._le97_write_workflow({"state": "refused", "refuse_reason": reason})
        for claim in self:
            claim.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Refused: %(reason)s", reason=reason)
            )
        return True

    def action_open_refuse_wizard(self):
        self._le97_check_group(TREASURER, self.env._("Refusing an expense claim"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the Expense Claim"),
            "res_model": "le97.expense.claim.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": [Command.set(self.ids)]},
        }
