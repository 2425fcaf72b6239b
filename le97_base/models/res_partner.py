# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_is_donor = fields.Boolean(string="Donor", tracking=True)
    le97_is_volunteer = fields.Boolean(string="Volunteer", tracking=True)
    le97_is_partner_org = fields.Boolean(string="Partner Organisation", tracking=True)
    le97_resources_country_id = fields.Many2one(
        "res.country",
        string="Resources from",
        tracking=True,
        help="Country the money of this contact comes from, when it is not the "
        "country of the address (a donor living in France giving from a foreign "
        "company, a foreign foundation with a French office). Used for the "
        "yearly declaration of resources from abroad; empty: the address's "
        "country.",
    )

    def _le97_resources_abroad_domain(self, country, path="partner_id"):
        """Domain on ``path`` (a partner field) of the contacts whose money
        comes from outside ``country``: their *Resources from* country, else
        their address's; a contact with neither counts as from ``country``."""
        origin = f"{path}.le97_resources_country_id"
        address = f"{path}.country_id"
        return [
            "|",
            "&",
            (origin, "!=", False),
            (origin, "!=", country.id),
            "&",
            "&",
            (origin, "=", False),
            (address, "!=", False),
            (address, "!=", country.id),
        ]
