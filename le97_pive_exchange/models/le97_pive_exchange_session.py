# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class Le97PiveExchangeSession(models.Model):
    _name = "le97.pive.exchange.session"
    _description = "Exchange Office Session"
    _inherit = ["le97.pive.exchange.document", "mail.thread"]
    _order = "date_open desc, id desc"
    _check_company_auto = True

    _le97_workflow_fields = ("state", "date_open", "date_close")
    _le97_locked_states = ("closed",)
    _le97_deletable_states = ("draft",)
    _le97_draft_fields = ("company_id", "location_id", "user_id", "cash_open")

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
    has_open_difference = fields.Boolean(
        string="Difference at Opening",
        compute="_compute_difference",
        help="The notes counted at opening differ from the register of the " "counter.",
    )
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
        "count_ids.difference_open",
        "currency_id",
    )
    def _compute_difference(self):
        for session in self:
            session.cash_difference = session.cash_close - session.cash_expected
            session.cheque_difference = session.cheque_close - session.cheque_expected
            # a new session in a form may have no company yet (the field is not
            # on the form of a single-company user): the user's company's
            # currency is the one it will get
            currency = (
                session.currency_id
                or session.company_id.currency_id
                or self.env.company.currency_id
            )
            session.has_open_difference = any(
                session.count_ids.mapped("difference_open")
            )
            session.has_difference = bool(
                session.has_open_difference
                or any(session.count_ids.mapped("difference"))
                or not currency.is_zero(session.cash_difference)
                or not currency.is_zero(session.cheque_difference)
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if any(session.state != "draft" for session in self):
            raise UserError(
                self.env._("An opened session cannot be deleted: close it.")
            )

    def _le97_add_missing_counts(self, stock, denominations=None):
        """Count lines for the denominations the sessions do not count yet:
        ``denominations`` and those of the register at their counter
        (``stock``, from ``_get_stock``), archived ones included."""
        Denomination = self.env["le97.pive.denomination"].with_context(
            active_test=False
        )
        vals_list = []
        for session in self:
            in_register = Denomination.browse(
                [den for den, qty in stock[session.location_id.id].items() if qty]
            )
            missing = (denominations or Denomination) | in_register
            vals_list += [
                {"session_id": session.id, "denomination_id": denomination.id}
                for denomination in missing - session.count_ids.denomination_id
            ]
        self.env["le97.pive.exchange.session.count"].sudo().create(vals_list)

    def action_open(self):
        """Open the session: the notes counted are compared to the register.

        What the register holds at the counter is the starting point of the
        expected notes, whatever the operator counted: a note the register
        shows but nobody counted is a difference, flagged now and at closing.
        """
        self._le97_check_group(
            "le97_pive.group_pive_merchant", self.env._("Open a session")
        )
        self._le97_check_state(("draft",), self.env._("Opening"))
        stock = self.location_id._get_stock()
        self._le97_add_missing_counts(
            stock, self.env["le97.pive.denomination"].search([])
        )
        for session in self:
            location_stock = stock[session.location_id.id]
            for count in session.count_ids.sudo():
                count.stock_open = location_stock.get(count.denomination_id.id, 0)
        self._le97_write_workflow({"state": "open", "date_open": fields.Datetime.now()})
        for session in self.filtered("has_open_difference"):
            session._le97_post_open_differences()
        return True

    def _le97_post_open_differences(self):
        self.ensure_one()
        lines = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(denomination)s: %(counted)s counted, %(register)s in the register",
                denomination=count.denomination_id.name,
                counted=count.qty_open,
                register=count.stock_open,
            )
            for count in self.count_ids.filtered("difference_open")
        )
        self.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._(
                    "The notes counted at opening differ from the register of "
                    "the counter; the expected notes start from the register."
                ),
                lines,
            )
        )

    def _get_expected_notes(self):
        """Notes expected now per count line of the sessions: what the register
        holds at their counter (it started from the register at opening and
        follows every movement since), in one query."""
        stock = self.location_id._get_stock()
        return {
            count.id: stock[session.location_id.id].get(count.denomination_id.id, 0)
            for session in self
            for count in session.count_ids
        }

    def _le97_set_expected(self):
        expected = self._get_expected_notes()
        for count in self.count_ids.sudo():
            count.qty_expected = expected[count.id]

    def action_refresh_expected(self):
        self._le97_check_group(
            "le97_pive.group_pive_merchant", self.env._("Compute the expected notes")
        )
        self._le97_check_state(("open",), self.env._("Computing the expected notes"))
        self._le97_set_expected()
        return True

    def action_close(self):
        """Cash-up: counted against expected; differences must be explained."""
        self._le97_check_group(
            "le97_pive.group_pive_merchant", self.env._("Close a session")
        )
        self._le97_check_state(("open",), self.env._("Closing (cash-up)"))
        # a denomination that came to the counter during the session is counted
        # too (as none, if the operator did not count it)
        self._le97_add_missing_counts(self.location_id._get_stock())
        self._le97_set_expected()
        for session in self:
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
        self._le97_write_workflow(
            {"state": "closed", "date_close": fields.Datetime.now()}
        )
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
            "le97_pive_exchange.action_report_le97_pive_exchange_session"
        ).report_action(self)
