# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_is_zero, formatLang

MEDIUMS = [("paper", "Notes"), ("digital", "Digital")]

MERCHANT_GROUP = "le97_pive.group_pive_merchant"
TREASURER_GROUP = "le97_base.group_treasurer"


class Le97PivePayment(models.Model):
    _name = "le97.pive.payment"
    _description = "Local Currency Payment Received at a Counter"
    _inherit = ["le97.posted.document.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Only the action methods post, reverse and choose the counter: a counter
    # records its own payments, and a posted payment always has its entry.
    # The journal and currency follow from the company and the medium.
    _le97_workflow_fields = (
        "state",
        "reversal_move_id",
        "user_id",
        "journal_id",
        "currency_id",
    )
    _le97_locked_states = ("posted", "reversed")
    _le97_deletable_states = ("draft",)

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_currency_id",
        store=True,
        precompute=True,
        readonly=True,
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Counter",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
        help="The person at the counter who recorded the payment.",
    )
    merchant_id = fields.Many2one(
        comodel_name="res.partner",
        string="Merchant",
        default=lambda self: self._default_merchant_id(),
        tracking=True,
        ondelete="restrict",
        help="Merchant of the network receiving the payment at this counter: "
        "the company itself by default.",
    )
    amount = fields.Monetary(required=True, tracking=True, currency_field="currency_id")
    medium = fields.Selection(
        selection=MEDIUMS,
        required=True,
        default="paper",
        tracking=True,
        help="Paper notes go to the notes cash box, digital payments to the " "wallet.",
    )
    purpose_id = fields.Many2one(
        comodel_name="le97.pive.purpose",
        string="Purpose",
        required=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env["le97.pive.purpose"].search([], limit=1),
    )
    payer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Payer",
        tracking=True,
        ondelete="restrict",
        help="Optional: the person who paid, for example the donor of a gift.",
    )
    note = fields.Char()
    le97_project_id = fields.Many2one(
        comodel_name="account.analytic.account",
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
        help="Project of the fund this income is for, by default the purpose's: "
        "the income journal item carries it (analytic plan Projects of the Fund).",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("posted", "Posted"),
            ("reversed", "Reversed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        compute="_compute_journal_id",
        store=True,
        precompute=True,
    )
    # the mixin's journal entry, for treasurers' eyes only
    move_id = fields.Many2one(groups="le97_base.group_treasurer")
    reversal_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Reversal Entry",
        readonly=True,
        copy=False,
        ondelete="restrict",
        groups="le97_base.group_treasurer",
    )
    wallet_transaction_ids = fields.One2many(
        comodel_name="le97.pive.wallet.transaction",
        inverse_name="payment_id",
        string="Wallet Transactions",
        readonly=True,
        groups="le97_base.group_treasurer",
    )
    wallet_transaction_ref = fields.Char(
        string="Wallet Transaction",
        compute="_compute_wallet_transaction_ref",
        help="Transaction id of the digital wallet export matched to this payment.",
    )

    @api.model
    def _default_merchant_id(self):
        partner = self.env.user.partner_id.commercial_partner_id
        if partner.le97_merchant_state:
            return partner
        return self.env.company.partner_id

    @api.depends("company_id")
    def _compute_currency_id(self):
        for payment in self:
            payment.currency_id = payment.company_id.sudo().mlcc_currency_id

    @api.depends("purpose_id", "company_id")
    def _compute_le97_project_id(self):
        # the purpose's default, read as superuser (its project may be another
        # company's, which the counter cannot read: it is then left out); a
        # posted payment keeps the project of its entry
        for payment in self:
            if payment.state != "draft":
                payment.le97_project_id = payment.le97_project_id
                continue
            project = payment.purpose_id.sudo().le97_project_id
            if project.company_id and project.company_id != payment.company_id:
                project = project.browse()
            payment.le97_project_id = project.with_env(self.env)

    @api.depends("wallet_transaction_ids")
    def _compute_wallet_transaction_ref(self):
        for payment in self:
            payment.wallet_transaction_ref = (
                payment.sudo().wallet_transaction_ids[:1].transaction_ref
            )

    @api.depends("company_id", "medium")
    def _compute_journal_id(self):
        for payment in self:
            payment.journal_id = payment.company_id.sudo()._le97_pive_journal(
                payment.medium
            )

    @api.depends("amount", "currency_id", "purpose_id")
    def _compute_display_name(self):
        # the title of the counter form: what was received and what for (the
        # date is a column of its own); whole notes without decimals
        for payment in self:
            amount = payment.amount
            if not amount:
                # a blank payment at the counter: nothing received yet
                payment.display_name = self.env._("New payment")
                continue
            payment.display_name = self.env._(
                "%(amount)s %(currency)s - %(purpose)s",
                amount=formatLang(
                    self.env, amount, digits=0 if amount == int(amount) else 2
                ),
                currency=payment.currency_id.symbol or "",
                purpose=payment.purpose_id.name or "",
            )

    @api.constrains("amount", "medium")
    def _check_amount(self):
        for payment in self:
            if payment.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "The amount of a local currency payment must be positive, "
                        "not %(amount)s.",
                        amount=payment.amount,
                    )
                )
            if payment.medium == "paper" and not float_is_zero(
                payment.amount - round(payment.amount), precision_digits=6
            ):
                raise ValidationError(
                    self.env._(
                        "Notes have no cents: %(amount)s cannot be paid in notes. "
                        "Round the amount and take the cents in euros.",
                        amount=payment.amount,
                    )
                )

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    @api.constrains("merchant_id", "medium")
    def _check_merchant(self):
        for payment in self.filtered("merchant_id"):
            payment._le97_check_merchant()

    def _le97_check_merchant(self):
        self.ensure_one()
        merchant = self.merchant_id.sudo()
        if merchant.le97_merchant_state == "suspended":
            raise ValidationError(
                self.env._(
                    "The merchant %(merchant)s is suspended from the network: "
                    "no local currency payment can be recorded for them.",
                    merchant=merchant.display_name,
                )
            )

    # -- CRUD --------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._le97_check_payers_readable(
            [vals["payer_id"] for vals in vals_list if vals.get("payer_id")]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("payer_id"):
            self._le97_check_payers_readable([vals["payer_id"]])
        return super().write(vals)

    @api.model
    def _le97_check_payers_readable(self, partner_ids):
        """A counter names as payer only a contact it may already read.

        The payers of a counter's payments become readable to it (record rule
        of ``res.partner``): without this check, putting any contact's id in a
        draft payment would reveal their e-mail, phone and address. The check
        runs before the link exists, with the counter's own rights.
        """
        if self.env.su or not partner_ids or self.env.user.has_group(TREASURER_GROUP):
            return
        partner_ids = set(partner_ids)
        readable = (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("id", "in", list(partner_ids))])
        )
        if set(readable.ids) != partner_ids:
            raise AccessError(
                self.env._(
                    "The payer of a local currency payment must be a contact you "
                    "can already see at your counter. Ask a treasurer to record "
                    "the payment for another contact."
                )
            )

    # -- posting -------------------------------------------------------------
    def _prepare_move_vals(self):
        """Values of the journal entry of this payment (``pive.md``'s table).

        Debit the notes cash box or the wallet, credit the income account of the
        purpose, in local currency at its parity.
        """
        self.ensure_one()
        company = self.company_id.sudo()
        currency = self.currency_id
        cash_account = self.journal_id.default_account_id
        income_account = self.purpose_id._get_account(company)
        balance = currency._convert(
            self.amount, company.currency_id, company, self.date
        )
        label = self.note or self.purpose_id.name
        partner_id = self.payer_id.commercial_partner_id.id or False
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": self.journal_id.id,
            "date": self.date,
            "ref": label,
            "currency_id": currency.id,
            "partner_id": partner_id,
            "line_ids": [
                Command.create(
                    {
                        "name": label,
                        "account_id": cash_account.id,
                        "partner_id": partner_id,
                        "currency_id": currency.id,
                        "amount_currency": self.amount,
                        "balance": balance,
                    }
                ),
                Command.create(
                    {
                        "name": label,
                        "account_id": income_account.id,
                        "partner_id": partner_id,
                        "currency_id": currency.id,
                        "amount_currency": -self.amount,
                        "balance": -balance,
                        "analytic_distribution": self._le97_income_distribution(),
                    }
                ),
            ],
        }

    def _le97_income_distribution(self):
        """Analytic distribution of the income journal item: the project."""
        self.ensure_one()
        if not self.le97_project_id:
            return False
        return {str(self.le97_project_id.id): 100}

    def _le97_check_postable(self):
        """Refuse the whole batch before anything is written."""
        self._le97_check_state(("draft",), self.env._("Posting"))
        for payment in self:
            company = payment.company_id.sudo()
            if not payment.journal_id or not payment.currency_id:
                raise UserError(
                    self.env._(
                        "The local currency is not set up for %(company)s: see "
                        "the settings.",
                        company=company.name,
                    )
                )
            if not payment.purpose_id._get_account(company):
                raise UserError(
                    self.env._(
                        "No account is set for the purpose %(purpose)s in the "
                        "settings of %(company)s.",
                        purpose=payment.purpose_id.name,
                        company=company.name,
                    )
                )
            payment._le97_check_merchant()

    def _le97_post(self):
        """Post the payments: one journal entry each, all created at once."""
        self._le97_check_postable()
        payments = self._le97_payments_to_post()
        if payments:
            moves = (
                self.env["account.move"]
                .sudo()
                .with_context(skip_invoice_sync=True)
                .create([payment._prepare_move_vals() for payment in payments.sudo()])
            )
            moves._post(soft=False)
            for payment, move in zip(payments, moves, strict=True):
                payment._le97_write_workflow({"move_id": move.id})
        self._le97_write_workflow({"state": "posted"})
        self._le97_after_post()
        return True

    def _le97_payments_to_post(self):
        """Payments whose entry is made here (extensions may take some over)."""
        return self

    def _le97_after_post(self):
        """Hook called with the posted payments: gifts are handled here.

        ``le97_donation`` overrides :meth:`_le97_handle_gift` to make each gift
        an OCA donation paid through the local currency journal.
        """
        gifts = self.filtered(lambda p: p.purpose_id.kind == "gift")
        if gifts:
            gifts._le97_handle_gift()

    def _le97_handle_gift(self):
        """Nothing more to do for a gift without the donations addon."""
        return True

    # -- actions ------------------------------------------------------------
    def action_post(self):
        """Post the payments: a counter posts its own (the entry is made as
        superuser, the counter has no access to the books)."""
        self._le97_check_group(MERCHANT_GROUP, self.env._("Posting"))
        self._le97_post()
        return True

    def action_record_and_new(self):
        """Counter screen: post, say what was recorded, and open a blank
        payment with the same medium and purpose (the breadcrumbs are not
        stacked up payment after payment)."""
        self.ensure_one()
        self._le97_check_group(MERCHANT_GROUP, self.env._("Recording"))
        self._le97_post()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Recorded"),
                "message": self.display_name,
                "next": self._le97_counter_next_action(),
            },
        }

    def _le97_counter_next_action(self):
        """The blank payment that follows a recorded one at the counter."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("le97_pive.le97_pive_payment_view_form_counter").id,
                    "form",
                )
            ],
            "target": "main",
            "name": self.env._("Counter"),
            "context": {
                "default_medium": self.medium,
                "default_purpose_id": self.purpose_id.id,
                "form_view_initial_mode": "edit",
            },
        }

    def _le97_check_reversible(self):
        """Who may reverse what, checked for the whole batch first.

        A counter corrects its own mistakes of the day; anything older is the
        treasurer's. Nobody reverses a payment matched to a wallet
        transaction: the money did reach the wallet, and this payment is what
        books it.
        """
        action = self.env._("Reversing")
        self._le97_check_group(MERCHANT_GROUP, action)
        self._le97_check_state(("posted",), action)
        matched = self.sudo().filtered("wallet_transaction_ids")
        if matched:
            raise UserError(
                self.env._(
                    "%(payments)s cannot be reversed: the digital wallet export "
                    "shows the money received, and this payment books it. Ask "
                    "a treasurer to correct the entry.",
                    payments=", ".join(matched.mapped("display_name")),
                )
            )
        if self.env.su or self.env.user.has_group(TREASURER_GROUP):
            return
        today = fields.Date.context_today(self)
        older = self.filtered(
            lambda p: fields.Date.context_today(self, p.create_date) != today
            or p.user_id != self.env.user
        )
        if older:
            raise AccessError(
                self.env._(
                    "A counter reverses only its own payments of the day: ask a "
                    "treasurer to reverse %(payments)s.",
                    payments=", ".join(older.mapped("display_name")),
                )
            )

    def action_reverse(self):
        """Correct a posted payment: reverse its entry, keep both for the trace."""
        self._le97_check_reversible()
        payments = self.sudo()
        with_move = payments.filtered("move_id")
        reversal_by_move = {}
        if with_move:
            # one reversal entry per move, all created and posted at once
            today = fields.Date.context_today(self)
            reversals = with_move.move_id._reverse_moves(
                [
                    {
                        "date": today,
                        "ref": self.env._(
                            "Reversal of: %(ref)s", ref=payment.move_id.ref
                        ),
                    }
                    for payment in with_move
                ]
            )
            reversals._post(soft=False)
            reversal_by_move = {
                reversal.reversed_entry_id: reversal for reversal in reversals
            }
        for payment in payments:
            payment._le97_write_workflow(
                {
                    "state": "reversed",
                    "reversal_move_id": reversal_by_move.get(payment.move_id, False),
                }
            )
            payment.message_post(
                body=self.env._(
                    "Payment reversed by %(user)s.", user=self.env.user.name
                )
            )
        return True
