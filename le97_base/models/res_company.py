# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from stdnum import luhn

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

RNA_PATTERN = re.compile(r"^W\d{9}$")


class ResCompany(models.Model):
    _inherit = "res.company"

    fund_legal_form = fields.Selection(
        selection=[
            ("endowment_fund", "Endowment fund"),
            ("association", "Association (law of 1901)"),
            ("foundation", "Foundation recognised of public utility"),
        ],
        string="Legal Form of the Fund",
        default="endowment_fund",
        help="Category printed on fiscal receipts (box 'fonds de dotation' for an "
        "endowment fund).",
    )
    fund_siren = fields.Char(
        string="SIREN",
        help="9-digit SIREN number of the fund, printed on fiscal receipts.",
    )
    fund_rna = fields.Char(
        string="RNA Number",
        help="Number in the national register of associations: W followed by 9 digits.",
    )
    fund_object = fields.Text(
        string="Object of the Fund",
        help="Explicit object of the fund as written in its statutes, printed on "
        "fiscal receipts.",
    )
    fund_rescrit_ref = fields.Char(
        string="Tax Ruling Reference",
        help="Reference of a tax ruling (rescrit) obtained, if any.",
    )
    fund_signatory_name = fields.Char(string="Signatory Name")
    fund_signatory_title = fields.Char(
        string="Signatory Title", help="For example: President, Treasurer."
    )
    fund_signature = fields.Image(
        string="Signature", max_width=600, max_height=300, attachment=True
    )
    fund_public_appeal_date = fields.Date(
        string="Public Appeal Authorisation",
        help="Date of the prefect's authorisation to appeal to public generosity. "
        "An endowment fund needs it before any public appeal for gifts.",
    )
    fund_receipt_art_200 = fields.Boolean(
        string="Receipts under CGI art. 200",
        default=True,
        help="Gifts from individuals give right to the income tax reduction of "
        "article 200 of the French tax code.",
    )
    fund_receipt_art_238bis = fields.Boolean(
        string="Receipts under CGI art. 238 bis",
        default=True,
        help="Gifts from companies give right to the reduction of article 238 bis.",
    )
    fund_receipt_art_978 = fields.Boolean(
        string="Receipts under CGI art. 978 (IFI)",
        help="Whether gifts give right to the wealth tax (IFI) reduction of article "
        "978. Unconfirmed for an endowment fund: off by default, check with your "
        "tax advisor before enabling it.",
    )
    fund_receipt_allow_pive = fields.Boolean(
        string="Fiscal Receipts for Gifts in Local Currency",
        help="Whether a gift paid in local complementary currency (La Pive) gives "
        "right to a fiscal receipt. Unconfirmed by the tax administration: off by "
        "default.",
    )

    @api.model
    def _fund_identity_fields(self):
        """Fields a receipts administrator may change on the company."""
        return {name for name in self._fields if name.startswith("fund_")}

    @api.constrains("fund_siren")
    def _check_fund_siren(self):
        for company in self.filtered("fund_siren"):
            siren = company.fund_siren
            if not (siren.isdigit() and len(siren) == 9 and luhn.is_valid(siren)):
                raise ValidationError(
                    self.env._(
                        "The SIREN %(siren)s of %(company)s is not valid: it must be "
                        "9 digits with a valid check key.",
                        siren=siren,
                        company=company.name,
                    )
                )

    @api.constrains("fund_rna")
    def _check_fund_rna(self):
        for company in self.filtered("fund_rna"):
            if not RNA_PATTERN.match(company.fund_rna):
                raise ValidationError(
                    self.env._(
                        "The RNA number %(rna)s of %(company)s is not valid: it must be "
                        "the letter W followed by 9 digits.",
                        rna=company.fund_rna,
                        company=company.name,
                    )
                )

    def write(self, vals):
        # Receipts administrators are granted write access on companies only to
        # keep the fund's identity up to date: anything else stays for the
        # administrators of companies.
        if (
            not self.env.su
            and not self.env.user.has_group("base.group_erp_manager")
            and set(vals) - self._fund_identity_fields()
        ):
            raise AccessError(
                self.env._(
                    "You may only change the fund's identity and receipt settings "
                    "of the company, not: %(fields)s.",
                    fields=", ".join(sorted(set(vals) - self._fund_identity_fields())),
                )
            )
        return super().write(vals)
