# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .le97_pive_exchange_remittance import SOURCE_FIELDS


class Le97PiveExchangeSale(models.Model):
    _name = "le97.pive.exchange.sale"
    _description = "Exchange Office Sale of Notes"
    _inherit = ["le97.pive.exchange.document", "le97.posted.document.mixin"]
    _order = "date desc, id desc"

    _le97_workflow_fields = ("state", "date", "note_move_id")
    _le97_locked_states = ("done",)
    _le97_deletable_states = ("draft",)

    session_id = fields.Many2one(
        comodel_name="le97.pive.exchange.session",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('state', '=', 'open')]",
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, string="Company"
    )
    location_id = fields.Many2one(
        related="session_id.location_id", store=True, string="Counter"
    )
    user_id = fields.Many2one(related="session_id.user_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Datetime(
        default=fields.Datetime.now,
        required=True,
        readonly=True,
        help="When the notes were handed out.",
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    direction = fields.Selection(
        selection=[("sale", "Sale of notes"), ("buyback", "Buy-back of notes")],
        default="sale",
        required=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member",
        required=True,
        ondelete="restrict",
    )
    member_valid = fields.Boolean(
        string="Valid Membership", compute="_compute_member_valid"
    )
    record_membership = fields.Boolean(
        string="New Membership",
        help="The member joins the local currency association now: the membership "
        "is recorded on the contact with its end date.",
    )
    membership_until = fields.Date(string="New Membership Until")
    amount = fields.Integer(
        required=True, help="Notes sold, in local currency = euros received."
    )
    payment_method = fields.Selection(
        selection=[("cash", "Cash"), ("cheque", "Cheque")],
        default="cash",
        required=True,
    )
    cheque_ref = fields.Char(string="Cheque Reference")
    line_ids = fields.One2many(
        comodel_name="le97.pive.exchange.sale.line",
        inverse_name="sale_id",
        string="Notes Handed Out",
    )
    notes_total = fields.Integer(compute="_compute_notes_total")
    note_move_id = fields.Many2one(
        comodel_name="le97.pive.note.move",
        string="Register Movement",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )

    @api.depends("partner_id.le97_pive_member", "partner_id.le97_pive_member_until")
    def _compute_member_valid(self):
        for sale in self:
            sale.member_valid = bool(
                sale.partner_id and sale.partner_id._le97_pive_membership_valid()
            )

    @api.depends("line_ids.amount")
    def _compute_notes_total(self):
        for sale in self:
            sale.notes_total = sum(sale.line_ids.mapped("amount"))

    @api.onchange("amount", "session_id", "direction")
    def _onchange_amount_suggest_notes(self):
        if self.direction == "sale" and self.amount > 0 and self.session_id:
            self.line_ids = [Command.clear()] + [
                Command.create({"denomination_id": d.id, "quantity": q})
                for d, q in self._suggest_notes()
            ]

    def _suggest_notes(self):
        """Fewest notes making the amount with the stock of the counter."""
        self.ensure_one()
        location = self.session_id.location_id
        stock = location._get_stock()[location.id] if location.id else {}
        remaining = self.amount
        suggestion = []
        for denomination in self.env["le97.pive.denomination"].search([]):
            quantity = min(
                remaining // denomination.value, stock.get(denomination.id, 0)
            )
            if quantity:
                suggestion.append((denomination, quantity))
                remaining -= quantity * denomination.value
        return suggestion if remaining == 0 else []

    @api.model_create_multi
    def create(self, vals_list):
        sales = super().create(vals_list)
        sales._check_session_open()
        sales._check_partner_readable()
        return sales

    def write(self, vals):
        res = super().write(vals)
        if "session_id" in vals:
            self._check_session_open()
        if "partner_id" in vals:
            self._check_partner_readable()
        return res

    def _check_session_open(self):
        not_open = self.session_id.filtered(lambda s: s.state != "open")
        if not_open:
            raise UserError(
                self.env._(
                    "The session %(session)s is not open: notes are sold only "
                    "during an open session.",
                    session=", ".join(not_open.mapped("name")),
                )
            )

    def _check_partner_readable(self):
        """The member is a contact the operator may read (a member of the
        local currency, or one they recorded): an id typed over the API does
        not open another contact's data."""
        if not self.env.su:
            self.partner_id.check_access("read")

    def _check_before_confirm(self):
        self.ensure_one()
        company = self.company_id
        if self.session_id.state != "open":
            raise UserError(
                self.env._(
                    "%(sale)s: the session %(session)s is not open.",
                    sale=self.name,
                    session=self.session_id.name,
                )
            )
        if self.amount <= 0:
            raise UserError(
                self.env._(
                    "%(sale)s: the amount must be a positive whole number of units.",
                    sale=self.name,
                )
            )
        if self.direction == "buyback" and not company.mlcc_exchange_buyback:
            raise UserError(
                self.env._(
                    "Buy-backs of notes are not allowed at this exchange office "
                    "(see the settings)."
                )
            )
        if self.notes_total != self.amount:
            raise UserError(
                self.env._(
                    "%(sale)s: the notes entered total %(notes)s but the amount "
                    "is %(amount)s: correct the notes handed out.",
                    sale=self.name,
                    notes=self.notes_total,
                    amount=self.amount,
                )
            )
        if (
            self.direction == "sale"
            and not self.partner_id._le97_pive_membership_valid()
        ):
            if not self.record_membership:
                raise UserError(
                    self.env._(
                        "%(partner)s has no valid membership of %(mlcc)s: record "
                        "a new membership on the spot or refuse the sale.",
                        partner=self.partner_id.display_name,
                        mlcc=company.mlcc_name or "",
                    )
                )
            today = fields.Date.context_today(self)
            if not self.membership_until or self.membership_until < today:
                raise UserError(
                    self.env._(
                        "%(partner)s: give the end date of the new membership "
                        "(today or later).",
                        partner=self.partner_id.display_name,
                    )
                )
        required = (
            "mlcc_exchange_journal_id",
            "mlcc_exchange_account_id",
            "mlcc_partner_id",
            SOURCE_FIELDS[self.payment_method],
        )
        missing = [field for field in required if not company[field]]
        if missing:
            raise UserError(
                self.env._(
                    "The exchange office of %(company)s is not configured: set "
                    "%(fields)s in the settings.",
                    company=company.name,
                    fields=", ".join(company._fields[f].string for f in missing),
                )
            )

    def _prepare_note_move_vals(self):
        self.ensure_one()
        quantities = {}
        for line in self.line_ids:
            key = line.denomination_id.id
            quantities[key] = quantities.get(key, 0) + line.quantity
        location_key = (
            "location_src_id" if self.direction == "sale" else "location_dest_id"
        )
        return {
            "company_id": self.company_id.id,
            "move_type": self.direction,
            location_key: self.location_id.id,
            "date": self.date,
            "sale_id": self.id,
            "line_ids": [
                Command.create({"denomination_id": denomination_id, "quantity": qty})
                for denomination_id, qty in quantities.items()
            ],
        }

    def _prepare_account_move_vals(self):
        self.ensure_one()
        company = self.company_id
        money_account = company[SOURCE_FIELDS[self.payment_method]]
        sign = 1 if self.direction == "sale" else -1
        label = self.env._(
            "%(sale)s - %(mlcc)s notes - %(partner)s",
            sale=self.name,
            mlcc=company.mlcc_name or "",
            partner=self.partner_id.display_name,
        )
        if self.cheque_ref:
            label = f"{label} ({self.cheque_ref})"
        amount = float(self.amount)
        return {
            "move_type": "entry",
            "journal_id": company.mlcc_exchange_journal_id.id,
            "company_id": company.id,
            "date": fields.Date.context_today(self, self.date),
            "ref": self.name,
            "line_ids": [
                Command.create(
                    {
                        "name": label,
                        "account_id": money_account.id,
                        "partner_id": self.partner_id.id,
                        "debit": amount if sign > 0 else 0.0,
                        "credit": amount if sign < 0 else 0.0,
                    }
                ),
                Command.create(
                    {
                        "name": label,
                        "account_id": company.mlcc_exchange_account_id.id,
                        "partner_id": company.mlcc_partner_id.id,
                        "debit": amount if sign < 0 else 0.0,
                        "credit": amount if sign > 0 else 0.0,
                    }
                ),
            ],
        }

    def action_confirm(self):
        """Hand out the notes: register movement, stock and journal entry.

        All or nothing: a refusal leaves no movement, no entry and no
        membership written.
        """
        self._le97_check_group(
            "le97_pive.group_pive_merchant", self.env._("Hand out the notes")
        )
        self._le97_check_state(("draft",), self.env._("Handing out the notes"))
        for sale in self:
            sale._check_before_confirm()
        for sale in self:
            if sale.direction == "sale" and sale.record_membership:
                sale.partner_id.sudo().write(
                    {
                        "le97_pive_member": True,
                        "le97_pive_member_until": sale.membership_until,
                    }
                )
            sale._le97_write_workflow({"date": fields.Datetime.now()})
            note_move = (
                self.env["le97.pive.note.move"]
                .sudo()
                .create(sale._prepare_note_move_vals())
            )
            note_move.action_done()
            account_move = (
                self.env["account.move"]
                .sudo()
                .with_company(sale.company_id)
                .create(sale._prepare_account_move_vals())
            )
            account_move.action_post()
            sale._le97_write_workflow(
                {
                    "state": "done",
                    "note_move_id": note_move.id,
                    "move_id": account_move.id,
                }
            )
        return True

    def action_confirm_and_close(self):
        self.action_confirm()
        return {"type": "ir.actions.act_window_close"}
