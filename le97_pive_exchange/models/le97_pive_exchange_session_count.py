# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveExchangeSessionCount(models.Model):
    _name = "le97.pive.exchange.session.count"
    _description = "Exchange Office Session Count"
    _order = "value desc"

    session_id = fields.Many2one(
        comodel_name="le97.pive.exchange.session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    denomination_id = fields.Many2one(
        comodel_name="le97.pive.denomination", required=True, ondelete="restrict"
    )
    value = fields.Integer(related="denomination_id.value", store=True)
    qty_open = fields.Integer(string="Counted at Opening")
    stock_open = fields.Integer(
        string="Register at Opening",
        readonly=True,
        help="Notes of this denomination at the counter according to the "
        "register when the session was opened.",
    )
    qty_expected = fields.Integer(
        string="Expected",
        readonly=True,
        help="Counted at opening plus the movements of the counter since.",
    )
    qty_close = fields.Integer(string="Counted at Closing")
    difference = fields.Integer(compute="_compute_difference", store=True)
    amount_difference = fields.Integer(
        string="Difference Value", compute="_compute_difference", store=True
    )

    _sql_constraints = [
        (
            "session_denomination_unique",
            "unique(session_id, denomination_id)",
            "Count each denomination once per session.",
        ),
        (
            "quantities_positive",
            "CHECK(qty_open >= 0 AND qty_close >= 0)",
            "A number of notes counted cannot be negative.",
        ),
    ]

    @api.depends("qty_close", "qty_expected", "session_id.state", "value")
    def _compute_difference(self):
        for count in self:
            if count.session_id.state == "draft":
                count.difference = 0
            else:
                count.difference = count.qty_close - count.qty_expected
            count.amount_difference = count.difference * count.value

    def write(self, vals):
        if not self.env.context.get("le97_session_closing"):
            self.session_id._check_not_closed()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self.session_id._check_not_closed()
