# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

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

    le97_counter_visible = fields.Boolean(
        string="Visible at the Counters",
        compute="_compute_le97_counter_visible",
        search="_search_le97_counter_visible",
        help="Contacts a Pive merchant may read: organisations, users, the "
        "merchants of the network, the companies, the contacts they created and "
        "the payers of their own payments. Other people's data stay private.",
    )

    @api.model
    def _le97_counter_visible_domain(self):
        """Domain of the contacts a Pive merchant (``self.env.user``) is shown.

        Extensions OR their own reasons in (the exchange office shows the
        members of the association). Sub-queries run as superuser so that the
        rule never calls itself. What :meth:`_le97_counter_hidden_domain`
        hides stays hidden whatever shows it.
        """
        user = self.env.user
        users = self.env["res.users"].sudo().with_context(active_test=False)
        payments = self.env["le97.pive.payment"].sudo()
        return expression.OR(
            [
                [("is_company", "=", True)],
                [("le97_merchant_state", "!=", False)],
                [("id", "in", users._search([]).subselect("partner_id"))],
                [("id", "in", user.sudo().company_ids.partner_id.ids)],
                [("create_uid", "=", user.id)],
                [
                    (
                        "id",
                        "in",
                        payments._search(
                            [("user_id", "=", user.id), ("payer_id", "!=", False)]
                        ).subselect("payer_id"),
                    )
                ],
            ]
        )

    @api.model
    def _le97_counter_hidden_domain(self):
        """Contacts never shown to a Pive merchant, whatever shows them
        (``le97_donation_pive`` hides the donors). None by default."""
        return expression.FALSE_DOMAIN

    @api.model
    def _le97_counter_rule_domain(self):
        """What a Pive merchant reads: shown and not hidden, whatever the
        order in which the addons extend the two."""
        hidden = self._le97_counter_hidden_domain()
        if hidden == expression.FALSE_DOMAIN:
            return self._le97_counter_visible_domain()
        return expression.AND(
            [
                self._le97_counter_visible_domain(),
                ["!", *expression.normalize_domain(hidden)],
            ]
        )

    def _compute_le97_counter_visible(self):
        visible = self.sudo().search(
            expression.AND([[("id", "in", self.ids)], self._le97_counter_rule_domain()])
        )
        for partner in self:
            partner.le97_counter_visible = partner in visible

    @api.model
    def _search_le97_counter_visible(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = self._le97_counter_rule_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _get_le97_public_merchant_domain(self):
        return [
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
