# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .donation_tax_receipt_declaration import ARTICLES


class DonationTaxReceiptDeclarationLine(models.Model):
    """The figures of one article: written by the declaration's computation
    only, frozen once it is filed."""

    _name = "donation.tax.receipt.declaration.line"
    _inherit = ["le97.workflow.line.mixin"]
    _description = "Declaration of Gifts: Line per Article"
    _order = "declaration_id, id"

    _le97_document_field = "declaration_id"
    _le97_line_workflow_fields = (
        "declaration_id",
        "article",
        "receipt_count",
        "amount",
    )

    declaration_id = fields.Many2one(
        "donation.tax.receipt.declaration",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="declaration_id.company_id", store=True)
    currency_id = fields.Many2one(related="declaration_id.currency_id")
    article = fields.Selection(ARTICLES, required=True, readonly=True)
    receipt_count = fields.Integer(string="Number of Receipts", readonly=True)
    amount = fields.Monetary(string="Total Amount", readonly=True)
