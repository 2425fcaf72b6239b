# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum import luhn

from odoo import api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_legal_form = fields.Char(
        string="Legal Form",
        tracking=True,
        help="Legal form of a company donor (SA, SAS, SARL, association...), "
        "printed on its fiscal receipts (Cerfa 16216).",
    )

    @api.model
    def _le97_counter_visible_domain(self):
        """A Pive merchant reads no donor, even one they recorded a gift of."""
        return expression.AND(
            [super()._le97_counter_visible_domain(), [("le97_is_donor", "=", False)]]
        )

    def _le97_receipt_donor_type(self):
        """Return 'company', 'individual' or False when the type is unclear.

        A contact that is not a company but carries a company registry (SIREN)
        or a VAT number is unclear: the receipt form is never guessed.
        """
        self.ensure_one()
        if self.is_company:
            return "company"
        if self.company_registry or self.vat:
            return False
        return "individual"

    def _le97_missing_address_fields(self):
        """Labels of the missing parts of the postal address."""
        self.ensure_one()
        labels = {
            "street": self.env._("street"),
            "zip": self.env._("zip"),
            "city": self.env._("city"),
            "country_id": self.env._("country"),
        }
        return [label for fname, label in labels.items() if not self[fname]]

    def _le97_siren(self):
        """SIREN of a company donor: the first 9 digits of its Company ID
        (``company_registry``, which holds a SIREN or a SIRET in France), when
        its check key is valid."""
        self.ensure_one()
        digits = "".join(ch for ch in (self.company_registry or "") if ch.isdigit())
        if len(digits) not in (9, 14) or not luhn.is_valid(digits[:9]):
            return False
        return digits[:9]
