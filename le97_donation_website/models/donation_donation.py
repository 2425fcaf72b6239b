# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models


class DonationDonation(models.Model):
    _inherit = "donation.donation"

    le97_transaction_id = fields.Many2one(
        comodel_name="payment.transaction",
        string="Online Payment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The payment of the website's donation form this gift comes from.",
    )

    @api.model
    def _le97_application_fields(self):
        # the link to the online payment is written by its post-processing only
        return super()._le97_application_fields() | {"le97_transaction_id"}

    def _le97_post_no_receipt_message(self, problems):
        """Say on the gift why it got no receipt at validation."""
        for donation in self:
            donation.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._(
                        "Online gift recorded without a fiscal receipt: the "
                        "yearly receipt will cover it once this is fixed."
                    ),
                    Markup("<br/>").join(escape(f"- {p}") for p in problems),
                )
            )
