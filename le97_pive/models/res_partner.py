# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Public data of an agreed merchant, for the map of the network
PUBLIC_MERCHANT_FIELDS = (
    "name",
    "le97_merchant_description",
    "street",
    "street2",
    "zip",
    "city",
    "website",
    "le97_merchant_accepts_paper",
    "le97_merchant_accepts_digital",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_merchant_state = fields.Selection(
        selection=[
            ("candidate", "Candidate"),
            ("agreed", "Agreed"),
            ("suspended", "Suspended"),
        ],
        string="Merchant Status",
        tracking=True,
        index=True,
        help="Status in the local currency network: only agreed merchants are "
        "published and may receive local currency payments.",
    )
    le97_merchant_agreement_date = fields.Date(string="Agreement Date", tracking=True)
    le97_merchant_agreement_doc = fields.Binary(
        string="Signed Agreement", attachment=True, copy=False
    )
    le97_merchant_agreement_filename = fields.Char(string="Agreement File Name")
    le97_merchant_accepts_paper = fields.Boolean(
        string="Accepts Notes", default=True, tracking=True
    )
    le97_merchant_accepts_digital = fields.Boolean(
        string="Accepts Digital", tracking=True
    )
    le97_merchant_fee_category_id = fields.Many2one(
        comodel_name="le97.pive.fee.category",
        string="Reconversion Fee Category",
        tracking=True,
        ondelete="restrict",
    )
    le97_merchant_description = fields.Text(
        string="Public Description",
        help="Published on the map of the network: what the merchant offers.",
    )

    @api.onchange("le97_merchant_state")
    def _onchange_le97_merchant_state(self):
        if self.le97_merchant_state:
            self.le97_is_pive_merchant = True

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("le97_merchant_state"):
                vals.setdefault("le97_is_pive_merchant", True)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("le97_merchant_state") and "le97_is_pive_merchant" not in vals:
            vals = {**vals, "le97_is_pive_merchant": True}
        return super().write(vals)

    @api.model
    def _get_le97_public_merchant_domain(self):
        return [
            ("le97_is_pive_merchant", "=", True),
            ("le97_merchant_state", "=", "agreed"),
            ("active", "=", True),
        ]

    @api.model
    def _le97_public_merchants(self):
        """Public data of the agreed merchants, ready for a map.

        Only the fields of ``PUBLIC_MERCHANT_FIELDS``: no email, phone or
        anything private.
        """
        partners = self.sudo().search(self._get_le97_public_merchant_domain())
        rows = partners.read([*PUBLIC_MERCHANT_FIELDS, "country_id"])
        return [
            {
                "id": row["id"],
                "name": row["name"],
                "description": row["le97_merchant_description"] or "",
                "street": row["street"] or "",
                "street2": row["street2"] or "",
                "zip": row["zip"] or "",
                "city": row["city"] or "",
                "country": row["country_id"][1] if row["country_id"] else "",
                "website": row["website"] or "",
                "accepts_paper": row["le97_merchant_accepts_paper"],
                "accepts_digital": row["le97_merchant_accepts_digital"],
            }
            for row in rows
        ]

    def action_le97_merchants_json(self):
        """Open the public JSON export of the agreed merchants."""
        return {
            "type": "ir.actions.act_url",
            "url": "/le97/pive/merchants.json",
            "target": "new",
        }
