# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # declared again for the French of its values (see donation.donation),
    # also shown on the donation lines
    donation_type = fields.Selection(
        selection=[
            ("donation", "Monetary Donation"),
            ("donation_in_kind", "In-Kind Donation"),
        ],
    )
