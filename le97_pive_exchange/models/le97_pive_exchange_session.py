# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class Le97PiveExchangeSession(models.Model):
    _name = "le97.pive.exchange.session"
    _description = "Exchange Office Session"
    _inherit = ["le97.pive.exchange.document", "mail.thread"]
    _order = "date_open desc, id desc"

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        ondelete="restrict",
    )
    location_id = fields.Many2one(
        comodel_name="le97.pive.note.location",
        string="Counter",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Operator",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
        tracking=True,
    )
    state = fields.Selection(
        selection=[("draft", "Opening"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    date_open = fields.Datetime(string="Opened On", readonly=True, copy=False)
    date_close = fields.Datetime(string="Closed On", readonly=True, copy=False)
    count_ids = fields.One2many(
        comodel_name="le97.pive.exchange.session.count",
        inverse_name="session_id",
        string="Notes Counted",
        default=lambda self: self._default_count_ids(),
    )
    sale_ids = fields.One2many(
        comodel_name="le97.pive.exchange.sale",
        inverse_name="session_id",
        string="Sales",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cash_open = fields.Monetary(
        string="Euros at Opening", help="Euros counted in the till at opening."
    )
    cash_close = fields.Monetary(
        string="Euros Counted", help="Euros counted in the till at closing."
    )
    cheque_close = fields.Monetary(
        string="Cheques Counted", help="Total of the cheques counted at closing."
    )
    cash_expected = fields.Monetary(
        string="Euros Expected", compute="_compute_expected", store=True
    )
    cheque_expected = fields.Monetary(
        string="Cheques Expected", compute="_compute_expected", store=True
    )
    cash_difference = fields.Monetary(
        string="Euros Difference", compute="_compute_difference"
    )
    cheque_difference = fields.Monetary(
        string="Cheques Difference", compute="_compute_difference"
    )
    has_difference = fields.Boolean(compute="_compute_difference")
    difference_explanation = fields.Text(
        string="Explanation of the Differences", tracking=True
    )
    sold_total = fields.Integer(
        string="Notes Sold", compute="_compute_expected", store=True
    )
    operator_signature = fields.Image(max_width=600, max_height=200, copy=False)

    @api.model
    def _default_count_ids(self):
        denominations = self.env["le97.pive.denomination"].search([])
        return [Command.create({"denomination_id": d.id}) for d in denominations]

    @api.depends(
        "cash_open",
        "sale_ids.state",
        "sale_ids.amount",
        "sale_ids.payment_method",
        "sale_ids.direction",
    )
    def _compute_expected(self):
        for session in self:
            sales = session.sale_ids.filtered(lambda s: s.state == "done")
            cash = sum(
                s.amount if s.direction == "sale" else -s.amount
                for s in sales.filtered(lambda s: s.payment_method == "cash")
            )
            session.cash_expected = session.cash_open + cash
            session.cheque_expected = sum(
                sales.filtered(lambda s: s.payment_method == "cheque").mapped("amount")
            )
            session.sold_total = sum(
                s.amount if s.direction == "sale" else -s.amount for s in sales
            )

    @api.depends(
        "cash_close",
        "cheque_close",
        "cash_expected",
        "cheque_expected",
        "count_ids.difference",
    )
    def _compute_difference(self):
        for session in self:
            session.cash_difference = session.cash_close - session.cash_expected
            session.cheque_difference = session.cheque_close - session.cheque_expected
            currency = session.currency_id
            session.has_difference = bool(
                any(session.count_ids.mapped("difference"))
                or not currency.is_zero(session.cash_difference)
                or not currency.is_zero(session.cheque_difference)
            )

    def _check_not_closed(self):
        closed = self.filtered(lambda s: s.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The session %(session)s is closed: it cannot be changed.",
                    session=", ".join(closed.mapped("name")),
                )
            )

    def write(self, vals):
        if not self.env.context.get("le97_session_closing"):
            self._check_not_closed()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if any(session.state != "draft" for session in self):
            raise UserError(
                self.env._("An opened session cannot be deleted: close it.")
            )

    def action_open(self):
        """Open the session: the notes counted are compared to the register."""
        for session in self:
            if session.state != "draft":
                raise UserError(
                    self.env._(
                        "The session %(session)s is already open or closed.",
                        session=session.name,
                    )
                )
        denominations = self.env["le97.pive.denomination"].search([])
        for session in self:
            missing = denominations - session.count_ids.denomination_id
            if missing:
                session.count_ids = [
                    Command.create({"denomination_id": d.id}) for d in missing
                ]
        stock = self.location_id._get_stock()
        for session in self:
            location_stock = stock[session.location_id.id]
            for count in session.count_ids:
                count.stock_open = location_stock.get(count.denomination_id.id, 0)
        self.write({"state": "open", "date_open": fields.Datetime.now()})
        return True

    def _get_expected_notes(self):
        """Notes expected now per count line of the sessions: counted at opening
        + register moves of their counter since the opening (one query)."""
        stock = self.location_id._get_stock()
        return {
            count.id: count.qty_open
            + stock[session.location_id.id].get(count.denomination_id.id, 0)
            - count.stock_open
            for session in self
            for count in session.count_ids
        }

    def action_close(self):
        """Cash-up: counted against expected; differences must be explained."""
        expected = self._get_expected_notes()
        for session in self:
            if session.state == "closed":
                raise UserError(
                    self.env._(
                        "The session %(session)s is already closed.",
                        session=session.name,
                    )
                )
            if session.state != "open":
                raise UserError(
                    self.env._(
                        "The session %(session)s is not open.", session=session.name
                    )
                )
            for count in session.count_ids:
                count.with_context(le97_session_closing=True).qty_expected = expected[
                    count.id
                ]
            if (
                session.has_difference
                and not (session.difference_explanation or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "The cash-up of %(session)s shows differences: explain "
                        "them before closing the session.",
                        session=session.name,
                    )
                )
        self.with_context(le97_session_closing=True).write(
            {"state": "closed", "date_close": fields.Datetime.now()}
        )
        return True

    def action_refresh_expected(self):
        sessions = self.filtered(lambda s: s.state == "open")
        expected = sessions._get_expected_notes()
        for count in sessions.count_ids:
            count.qty_expected = expected[count.id]
        return True

    def action_new_sale(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "le97.pive.exchange.sale",
            "view_mode": "form",
            "target": "new",
            "context": {"default_session_id": self.id},
        }

    def action_print_report(self):
        return self.env.ref(
            "le97_pive.action_report_le97_pive_exchange_session"
        ).report_action(self)
