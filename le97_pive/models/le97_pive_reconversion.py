# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from .le97_pive_payment import MEDIUMS, MERCHANT_GROUP, TREASURER_GROUP


class Le97PiveReconversion(models.Model):
    _name = "le97.pive.reconversion"
    _description = "Reconversion of Local Currency into Euros"
    _inherit = ["le97.posted.document.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # A merchant requests; only a treasurer sends, marks paid and posts. Once
    # requested, a reconversion is what was asked: cancel it and request again.
    _le97_workflow_fields = ("state", "name", "user_id", "currency_id", "net_amount")
    _le97_locked_states = ("requested", "sent", "paid", "posted", "cancel")
    _le97_deletable_states = ("draft", "cancel")

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index=True
    )
    kind = fields.Selection(
        selection=[
            ("own", "Own local currency"),
            ("merchant", "Relayed for a merchant"),
        ],
        required=True,
        default=lambda self: self._default_kind(),
        tracking=True,
        help="Own: the company changes its own local currency into euros and "
        "books it. Relayed: a merchant's request passed on to the association, "
        "outside the company's books.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Local Currency",
        compute="_compute_currency_id",
        store=True,
        precompute=True,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Requested by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    merchant_id = fields.Many2one(
        comodel_name="res.partner",
        string="Merchant",
        tracking=True,
        ondelete="restrict",
    )
    medium = fields.Selection(
        selection=MEDIUMS, required=True, default="paper", tracking=True
    )
    amount = fields.Monetary(
        string="Gross Amount",
        required=True,
        tracking=True,
        currency_field="currency_id",
        help="Local currency given back to the association.",
    )
    fee_amount = fields.Monetary(
        string="Fee",
        compute="_compute_fee_amount",
        store=True,
        readonly=False,
        precompute=True,
        currency_field="company_currency_id",
        tracking=True,
        help="From the company settings for its own reconversions, from the "
        "merchant's fee category for a relayed request.",
    )
    net_amount = fields.Monetary(
        string="Net Euros",
        compute="_compute_net_amount",
        store=True,
        currency_field="company_currency_id",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("requested", "Requested"),
            ("sent", "Sent to the Association"),
            ("paid", "Paid"),
            ("posted", "Posted"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    # the mixin's journal entry, for treasurers' eyes only
    move_id = fields.Many2one(groups="le97_base.group_treasurer")

    @api.model
    def _default_kind(self):
        if self.env.su or self.env.user.has_group(TREASURER_GROUP):
            return "own"
        return "merchant"

    @api.depends("company_id")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = rec.company_id.sudo().mlcc_currency_id

    @api.depends("kind", "amount", "merchant_id", "company_id")
    def _compute_fee_amount(self):
        for rec in self:
            rec.fee_amount = rec._le97_compute_fee()

    @api.depends("amount", "fee_amount", "company_id")
    def _compute_net_amount(self):
        for rec in self:
            rec.net_amount = rec._le97_gross() - rec.fee_amount

    def _le97_gross(self):
        """The amount in company currency, at the parity (not rounded)."""
        self.ensure_one()
        company = self.company_id.sudo()
        if not self.currency_id:
            return self.amount * (company.mlcc_parity or 1.0)
        return self.currency_id._convert(
            self.amount, company.currency_id, company, self.date, round=False
        )

    def _le97_compute_fee(self):
        self.ensure_one()
        company = self.company_id.sudo()
        gross = self._le97_gross()
        if gross <= 0:
            return 0.0
        if self.kind == "merchant":
            category = self.merchant_id.sudo().le97_merchant_fee_category_id
            return category._compute_fee(gross) if category else 0.0
        return self.env["le97.pive.fee.category"]._le97_fee(
            gross,
            company.mlcc_reconversion_fee_rate,
            company.mlcc_reconversion_fee_fixed,
            company.currency_id,
        )

    @api.constrains("amount", "fee_amount", "medium")
    def _check_amounts(self):
        for rec in self:
            if rec.amount <= 0:
                raise ValidationError(
                    self.env._("The amount to reconvert must be positive.")
                )
            if rec.fee_amount < 0 or rec.net_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The reconversion fee must be between zero and the amount."
                    )
                )
            if rec.medium == "paper" and not float_is_zero(
                rec.amount - round(rec.amount), precision_digits=6
            ):
                raise ValidationError(
                    self.env._(
                        "Notes have no cents: %(amount)s cannot be reconverted "
                        "in notes.",
                        amount=rec.amount,
                    )
                )

    @api.constrains("kind", "merchant_id")
    def _check_merchant(self):
        for rec in self.filtered(lambda r: r.kind == "merchant"):
            if not rec.merchant_id:
                raise ValidationError(
                    self.env._("A relayed reconversion needs its merchant.")
                )
            if rec.merchant_id.sudo().le97_merchant_state != "agreed":
                raise ValidationError(
                    self.env._(
                        "Only an agreed merchant can reconvert local currency: "
                        "%(merchant)s is not.",
                        merchant=rec.merchant_id.display_name,
                    )
                )

    @api.constrains("kind")
    def _check_kind_allowed(self):
        """The company's own reconversions are a treasurer's: a merchant only
        requests one for a merchant of the network."""
        if self.filtered(lambda r: r.kind == "own"):
            self._le97_check_group(
                TREASURER_GROUP, self.env._("Reconverting the company's own Pives")
            )

    @api.constrains("fee_amount")
    def _check_fee_allowed(self):
        """A merchant's fee is the one of its category: only a treasurer
        agrees to another one."""
        changed = self.filtered(
            lambda r: r.company_currency_id.compare_amounts(
                r.fee_amount, r._le97_compute_fee()
            )
        )
        if changed:
            self._le97_check_group(
                TREASURER_GROUP, self.env._("Changing the reconversion fee")
            )

    @api.model
    def _le97_new_document_vals(self, vals_list):
        Sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = Sequence.next_by_code("le97.pive.reconversion") or "/"
        return super()._le97_new_document_vals(vals_list)

    # -- holdings -------------------------------------------------------------
    @api.model
    def _le97_holdings(self, company, medium):
        """Posted balance of the notes or wallet account, in company currency."""
        company = company.sudo()
        account = (
            company.mlcc_paper_account_id
            if medium == "paper"
            else company.mlcc_digital_account_id
        )
        if not account:
            return 0.0
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "=", account.id),
                    ("company_id", "=", company.id),
                    ("parent_state", "=", "posted"),
                ],
                [],
                ["balance:sum"],
            )
        )
        return groups[0][0] or 0.0

    def _prepare_move_vals(self):
        """Own reconversion: bank (net) and fees (fee) against the gross Pives."""
        self.ensure_one()
        company = self.company_id.sudo()
        journal = company._le97_pive_journal(self.medium)
        cash_account = journal.default_account_id
        gross = company.currency_id.round(self._le97_gross())
        label = self.env._("Reconversion %(name)s", name=self.name)
        partner_id = company.mlcc_partner_id.id
        lines = [
            Command.create(
                {
                    "name": label,
                    "account_id": company.mlcc_bank_account_id.id,
                    "partner_id": partner_id,
                    "balance": self.net_amount,
                }
            ),
            Command.create(
                {
                    "name": label,
                    "account_id": cash_account.id,
                    "partner_id": partner_id,
                    "currency_id": self.currency_id.id,
                    "amount_currency": -self.amount,
                    "balance": -gross,
                }
            ),
        ]
        if not company.currency_id.is_zero(self.fee_amount):
            lines.insert(
                1,
                Command.create(
                    {
                        "name": label,
                        "account_id": company.mlcc_fee_account_id.id,
                        "partner_id": partner_id,
                        "balance": self.fee_amount,
                    }
                ),
            )
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": journal.id,
            "date": self.date,
            "ref": label,
            "line_ids": lines,
        }

    # -- actions ------------------------------------------------------------
    def action_post(self):
        """Post the company's own reconversions, within its holdings.

        Everything is checked before anything is written; the entries are then
        created and posted at once.
        """
        action = self.env._("Posting")
        self._le97_check_group(TREASURER_GROUP, action)
        self._le97_check_state(("draft",), action)
        if self.filtered(lambda r: r.kind != "own"):
            raise UserError(
                self.env._(
                    "A merchant's reconversion is not in the company's books: "
                    "send the request instead."
                )
            )
        # holdings read once per company and medium, less what the batch takes
        holdings = {}
        taken = defaultdict(float)
        for rec in self:
            company = rec.company_id.sudo()
            key = (company, rec.medium)
            if key not in holdings:
                holdings[key] = self._le97_holdings(company, rec.medium)
            left = holdings[key] - taken[key]
            gross = rec._le97_gross()
            if float_compare(gross, left, precision_digits=2) > 0:
                raise UserError(
                    self.env._(
                        "The reconversion of %(amount)s is above the holdings of "
                        "%(holdings)s in %(medium)s: nothing was posted.",
                        amount=rec.amount,
                        holdings=left,
                        medium=dict(MEDIUMS)[rec.medium],
                    )
                )
            taken[key] += company.currency_id.round(gross)
        if not self:
            return True
        recs = self.sudo()
        moves = (
            self.env["account.move"]
            .sudo()
            .create([rec._prepare_move_vals() for rec in recs])
        )
        moves._post(soft=False)
        for rec, move in zip(recs, moves, strict=True):
            rec._le97_write_workflow({"move_id": move.id, "state": "posted"})
        return True

    def action_request(self):
        action = self.env._("Requesting")
        self._le97_check_group(MERCHANT_GROUP, action)
        self._le97_check_state(("draft",), action)
        if self.filtered(lambda r: r.kind != "merchant"):
            raise UserError(self.env._("Only a merchant's reconversion is requested."))
        self._le97_write_workflow({"state": "requested"})
        return True

    def action_send(self):
        action = self.env._("Sending")
        self._le97_check_group(TREASURER_GROUP, action)
        self._le97_check_state(("requested",), action)
        self._le97_write_workflow({"state": "sent"})
        return True

    def action_paid(self):
        action = self.env._("Marking as paid")
        self._le97_check_group(TREASURER_GROUP, action)
        self._le97_check_state(("sent",), action)
        self._le97_write_workflow({"state": "paid"})
        return True

    def action_cancel(self):
        """A merchant withdraws its request until it is sent; then, and for
        the company's own reconversions, it is the treasurer's call."""
        action = self.env._("Cancelling")
        self._le97_check_group(MERCHANT_GROUP, action)
        self._le97_check_state(("draft", "requested", "sent"), action)
        if self.filtered(lambda r: r.state == "sent" or r.kind == "own"):
            self._le97_check_group(TREASURER_GROUP, action)
        self._le97_write_workflow({"state": "cancel"})
        return True
