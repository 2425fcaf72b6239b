# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveExchangeSessionCount(models.Model):
    _name = "le97.pive.exchange.session.count"
    _inherit = ["le97.pive.denomination.line.mixin"]
    # the register figures are the session's to write, from its actions
    _le97_line_workflow_fields = ("stock_open", "qty_expected")
    _description = "Exchange Office Session Count"

    _le97_document_field = "session_id"
    _le97_denomination_group_field = "session_id"

    session_id = fields.Many2one(
        comodel_name="le97.pive.exchange.session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    qty_open = fields.Integer(string="Counted at Opening")
    stock_open = fields.Integer(
        string="Register at Opening",
        readonly=True,
        help="Notes of this denomination at the counter according to the "
        "register when the session was opened.",
    )
    difference_open = fields.Integer(
        string="Difference at Opening",
        compute="_compute_difference_open",
        store=True,
        help="Counted at opening minus the register at opening.",
    )
    qty_expected = fields.Integer(
        string="Expected",
        readonly=True,
        help="What the register holds at the counter: the notes there at "
        "opening and every movement since (computed by Compute Expected and at "
        "the cash-up).",
    )
    quantity = fields.Integer(string="Counted at Closing")
    amount = fields.Integer(string="Value Counted at Closing")
    difference = fields.Integer(compute="_compute_difference", store=True)
    amount_difference = fields.Integer(
        string="Difference Value", compute="_compute_difference", store=True
    )

    _sql_constraints = [
        (
            "quantities_positive",
            "CHECK(qty_open >= 0 AND quantity >= 0)",
            "A number of notes counted cannot be negative.",
        ),
    ]

    @api.depends("qty_open", "stock_open", "session_id.state")
    def _compute_difference_open(self):
        for count in self:
            if count.session_id.state == "draft":
                count.difference_open = 0
            else:
                count.difference_open = count.qty_open - count.stock_open

    @api.depends("quantity", "qty_expected", "session_id.state", "value")
    def _compute_difference(self):
        for count in self:
            if count.session_id.state == "draft":
                count.difference = 0
            else:
                count.difference = count.quantity - count.qty_expected
            count.amount_difference = count.difference * count.value

    @api.model_create_multi
    def create(self, vals_list):
        counts = super().create(vals_list)
        counts._le97_check_session_draft(self.env._("Adding a denomination to count"))
        return counts

    def write(self, vals):
        if "qty_open" in vals:
            self._le97_check_session_draft(self.env._("Changing the opening count"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_session_open(self):
        self._le97_check_session_draft(self.env._("Removing a denomination to count"))

    def _le97_check_session_draft(self, action):
        """What is counted and the opening count are fixed once the session is
        open: a denomination left out cannot hide a difference."""
        if self.env.su:
            return
        self.session_id._le97_check_state(("draft",), action)
