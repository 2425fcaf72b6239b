# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo, force_create=True):
        """A chart loaded after the module (a new company, or the French chart
        installed in the same run as this module) gets its bank and cash
        journals usable on donations, like the install hook does."""
        res = super()._load(template_code, company, install_demo, force_create)
        self.env["res.company"].browse(company.id)._le97_donation_setup()
        return res
