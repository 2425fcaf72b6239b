# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class FecExportWizard(models.TransientModel):
    _inherit = "l10n_fr.fec.export.wizard"

    def _get_company_legal_data(self, company):
        """Name the FEC file from the fund's SIREN when there is no VAT number.

        Odoo takes the SIREN out of the VAT number; an endowment fund usually has
        none, so its SIREN comes from the fund's identity.
        """
        legal_data = super()._get_company_legal_data(company)
        if legal_data or company.vat or not company.fund_siren:
            return legal_data
        dom_tom = self.env.ref("l10n_fr.dom-tom", raise_if_not_found=False)
        if dom_tom and company.account_fiscal_country_id in dom_tom.country_ids:
            return legal_data
        return company.fund_siren
