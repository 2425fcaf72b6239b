# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .donation_tax_receipt_declaration import ARTICLES


class DonationTaxReceiptDeclarationLine(models.TransientModel):
    _name = "donation.tax.receipt.declaration.line"
    _description = "Yearly Declaration of Gifts: Line per Article"
    _order = "id"

    declaration_id = fields.Many2one(
        "donation.tax.receipt.declaration", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="declaration_id.currency_id")
    article = fields.Selection(ARTICLES, required=True)
    receipt_count = fields.Integer(string="Number of Receipts")
    amount = fields.Monetary(string="Total Amount")
