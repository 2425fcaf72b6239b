# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# purpose kind -> field of res.company holding its income account: gifts and
# membership fees go to the fund's accounts (le97_base)
KIND_ACCOUNT_FIELDS = {
    "gift": "le97_account_gift_id",
    "service": "mlcc_service_account_id",
    "sale": "mlcc_sale_account_id",
    "membership": "le97_account_membership_id",
}


class Le97PivePurpose(models.Model):
    _name = "le97.pive.purpose"
    _description = "Purpose of a Local Currency Payment"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        selection=[
            ("gift", "Gift"),
            ("service", "Service or pay-what-you-can"),
            ("sale", "Sale of goods"),
            ("membership", "Membership fee"),
        ],
        required=True,
        default="service",
        help="Decides the income account, set per company in the settings: gifts "
        "(7541), services (706), sales (707), membership fees (756).",
    )
    le97_project_id = fields.Many2one(
        comodel_name="account.analytic.account",
        string="Project",
        domain=lambda self: self.env["account.analytic.account"]._le97_project_domain(),
        ondelete="set null",
        help="Project of the fund the payments with this purpose are for, by "
        "default: their income journal item carries it (analytic plan Projects "
        "of the Fund).",
    )

    @api.constrains("le97_project_id")
    def _check_le97_project_id(self):
        self.env["account.analytic.account"]._le97_check_project_field(self)

    def _get_account(self, company):
        """Income account of this purpose for ``company`` (from the settings)."""
        self.ensure_one()
        return company[KIND_ACCOUNT_FIELDS[self.kind]]
