# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97CvnValuationLine(models.Model):
    _name = "le97.cvn.valuation.line"
    _inherit = ["le97.workflow.line.mixin"]
    _description = "Contribution in Kind"
    _le97_document_field = "valuation_id"
    _order = "kind desc, name"
    _check_company_auto = True

    valuation_id = fields.Many2one(
        "le97.cvn.valuation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="valuation_id.company_id", store=True)
    currency_id = fields.Many2one(related="valuation_id.currency_id")
    kind = fields.Selection(
        [
            ("volunteer", "Volunteer time (864/875)"),
            ("goods", "Goods given in kind (860/870)"),
            ("premises", "Free use of premises or goods (861/871)"),
            ("services", "Services given in kind (862/871)"),
        ],
        required=True,
        default="goods",
    )
    name = fields.Char(string="Description", required=True)
    activity_id = fields.Many2one("le97.volunteer.activity", readonly=True)
    le97_project_id = fields.Many2one(
        "account.analytic.account",
        string="Project",
        index=True,
        check_company=True,
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        help="Project of the fund the contribution went to: the entries in "
        "86/87 carry it, and the income statement by project reads it.",
    )
    hours = fields.Float(digits=(16, 2))
    rate = fields.Monetary(string="Hourly Rate")
    amount_manual = fields.Monetary(string="Value")
    amount = fields.Monetary(compute="_compute_amount", store=True)

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    @api.depends("kind", "hours", "rate", "amount_manual")
    def _compute_amount(self):
        for line in self:
            if line.kind == "volunteer":
                line.amount = line.currency_id.round(line.hours * line.rate)
            else:
                line.amount = line.amount_manual
