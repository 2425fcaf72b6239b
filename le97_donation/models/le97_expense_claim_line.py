# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

from .le97_mileage_rate import POWERS, VEHICLE_TYPES

EXPENSE_KINDS = [
    ("km", "Kilometres"),
    ("ticket", "Ticket (train, bus, parking, toll)"),
    ("purchase", "Purchase"),
]
# Electric vehicles: the scale's amount is raised by 20 %.
ELECTRIC_RATE = 1.2


class Le97ExpenseClaimLine(models.Model):
    _name = "le97.expense.claim.line"
    _inherit = ["le97.workflow.line.mixin"]
    _description = "Volunteer Expense"
    _order = "claim_id, date, id"
    _le97_document_field = "claim_id"

    claim_id = fields.Many2one(
        "le97.expense.claim", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(EXPENSE_KINDS, required=True, default="km")
    name = fields.Char(
        string="Description",
        required=True,
        help="What the expense was for: the trip (from, to) or what was bought.",
    )
    distance = fields.Float(string="Trip Distance (km)", digits=(16, 1))
    vehicle_type = fields.Selection(VEHICLE_TYPES)
    power = fields.Selection(POWERS, string="Fiscal Horsepower")
    electric = fields.Boolean(
        string="Electric Vehicle", help="The scale is raised by 20 %."
    )
    rate = fields.Float(
        string="Rate per km",
        digits=(16, 3),
        compute="_compute_rate",
        store=True,
        precompute=True,
        help="Taken from the mileage scale of the year of the trip when the "
        "line is entered; a later change of the scale does not change it.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        help="Kilometres: distance x rate of the scale (x 1.2 if electric). "
        "Tickets and purchases: the amount of the proof.",
    )
    proof = fields.Binary(
        attachment=True, help="Photo or PDF of the ticket or invoice."
    )
    proof_filename = fields.Char()
    account_id = fields.Many2one(
        "account.account",
        string="Expense Account",
        compute="_compute_account_id",
        store=True,
        readonly=False,
        check_company=True,
        groups="le97_base.group_treasurer",
        help="Charged when the claim is approved: travel (6251) for kilometres "
        "and tickets, other supplies (6068) for purchases.",
    )

    def _le97_check_document_draft(self):
        """A volunteer changes the expenses of their own draft claims only;
        a treasurer those of claims not approved yet."""
        super()._le97_check_document_draft()
        if self.env.su or self.env.user.has_group("le97_base.group_treasurer"):
            return
        claims = self.claim_id
        claims._le97_check_own(self.env._("Changing the expenses of a claim"))
        claims._le97_check_state(
            ("draft",), self.env._("Changing the expenses of a claim")
        )

    @api.depends("kind", "date", "power")
    def _compute_rate(self):
        rates = self.env["le97.mileage.rate"].sudo()
        for line in self:
            if line.kind == "km" and line.date and line.power:
                line.rate = rates._le97_get_rate(line.date.year, line.power)
            else:
                line.rate = 0.0

    @api.depends("kind", "distance", "rate", "electric")
    def _compute_amount(self):
        for line in self:
            if line.kind == "km":
                factor = ELECTRIC_RATE if line.electric else 1.0
                line.amount = float_round(
                    line.distance * line.rate * factor, precision_digits=2
                )
            elif line.amount is None:
                line.amount = 0.0

    @api.depends("kind", "company_id")
    def _compute_account_id(self):
        for line in self:
            company = line.company_id or self.env.company
            line.account_id = company._le97_expense_account(line.kind)

    @api.onchange("vehicle_type")
    def _onchange_vehicle_type(self):
        if self.vehicle_type == "moped":
            self.power = "moped"
        elif self.power and not self.power.startswith(
            {"car": "car_", "motorcycle": "moto_"}.get(self.vehicle_type, "-")
        ):
            self.power = False

    @api.constrains("kind", "distance", "power", "amount")
    def _check_values(self):
        for line in self:
            if line.kind == "km" and (line.distance <= 0 or not line.power):
                raise ValidationError(
                    self.env._(
                        "The trip %(name)s needs its distance and the vehicle's "
                        "fiscal horsepower.",
                        name=line.name,
                    )
                )
            if line.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The expense %(name)s cannot be negative.", name=line.name
                    )
                )
