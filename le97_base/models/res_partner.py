# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_is_donor = fields.Boolean(string="Donor", tracking=True)
    le97_is_volunteer = fields.Boolean(string="Volunteer", tracking=True)
    le97_is_partner_org = fields.Boolean(string="Partner Organisation", tracking=True)
