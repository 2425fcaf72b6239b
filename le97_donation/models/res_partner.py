# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum import luhn

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    le97_legal_form = fields.Char(
        string="Legal Form",
        tracking=True,
        help="Legal form of a company donor (SA, SAS, SARL, association...), "
        "printed on its fiscal receipts (Cerfa 16216).",
    )

    le97_counterpart_year_total = fields.Monetary(
        string="Counterparts This Year",
        compute="_compute_le97_counterpart_year",
        currency_field="le97_counterpart_currency_id",
        groups="le97_base.group_treasurer,le97_base.group_receipt_admin",
        help="Value of the counterparts given this calendar year for the "
        "validated gifts of this donor.",
    )
    le97_counterpart_year_gifts = fields.Monetary(
        string="Gifts This Year",
        compute="_compute_le97_counterpart_year",
        currency_field="le97_counterpart_currency_id",
        groups="le97_base.group_treasurer,le97_base.group_receipt_admin",
    )
    le97_counterpart_year_limit = fields.Monetary(
        string="Counterpart Limit This Year",
        compute="_compute_le97_counterpart_year",
        currency_field="le97_counterpart_currency_id",
        groups="le97_base.group_treasurer,le97_base.group_receipt_admin",
        help="An individual's counterparts stay within 25 % of each gift and "
        "the yearly amount (73 € in 2025); a company's within 25 % of its "
        "gifts. Above, the gifts give no right to a receipt.",
    )
    le97_counterpart_currency_id = fields.Many2one(
        "res.currency", compute="_compute_le97_counterpart_year"
    )

    @api.depends_context("company")
    def _compute_le97_counterpart_year(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        max_rate, max_amount = self.env["donation.donation"]._le97_counterpart_limits()
        totals = {}
        partners = self.filtered("id")
        if partners:
            groups = (
                self.env["donation.donation"]
                .sudo()
                ._read_group(
                    [
                        ("commercial_partner_id", "in", partners.ids),
                        ("company_id", "=", company.id),
                        ("state", "=", "done"),
                        ("donation_date", ">=", today.replace(month=1, day=1)),
                        ("donation_date", "<=", today.replace(month=12, day=31)),
                    ],
                    ["commercial_partner_id"],
                    ["le97_counterpart_value:sum", "amount_total:sum"],
                )
            )
            totals = {
                partner.id: (counterparts, gifts)
                for partner, counterparts, gifts in groups
            }
        for partner in self:
            counterparts, gifts = totals.get(partner.id, (0.0, 0.0))
            partner.le97_counterpart_currency_id = company.currency_id
            partner.le97_counterpart_year_total = counterparts
            partner.le97_counterpart_year_gifts = gifts
            limit = gifts * max_rate
            if partner._le97_receipt_donor_type() != "company":
                limit = min(limit, max_amount)
            partner.le97_counterpart_year_limit = limit

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

    def _le97_receipt_donor_problems(self, company):
        """What keeps the donors of ``self`` from getting a fiscal receipt of
        the fund ``company``.

        Returns a list of messages naming each donor and what to fix (empty
        when every donor may be receipted). Reads only the partners of
        ``self``: the caller fetches their fields once for a batch.
        """
        problems = []
        for partner in self:
            donor = partner.display_name
            missing = partner._le97_missing_address_fields()
            if missing:
                problems.append(
                    self.env._(
                        "The address of the donor %(donor)s is incomplete: add the "
                        "%(missing)s.",
                        donor=donor,
                        missing=", ".join(missing),
                    )
                )
            donor_type = partner._le97_receipt_donor_type()
            if not donor_type:
                problems.append(
                    self.env._(
                        "The donor %(donor)s is not a company but has a company ID "
                        "or VAT number: tick 'Company' or clear these numbers so "
                        "the right receipt form is used.",
                        donor=donor,
                    )
                )
                continue
            if donor_type == "company":
                if not partner._le97_siren():
                    problems.append(
                        self.env._(
                            "The company donor %(donor)s has no valid SIREN: enter "
                            "its SIREN or SIRET in the Company ID field.",
                            donor=donor,
                        )
                    )
                if not partner.le97_legal_form:
                    problems.append(
                        self.env._(
                            "The company donor %(donor)s has no legal form: enter it "
                            "on the contact.",
                            donor=donor,
                        )
                    )
                if not company._le97_receipt_allows_donor_type(donor_type):
                    problems.append(
                        self.env._(
                            "Receipts under article 238 bis are disabled in the "
                            "fund's settings: no receipt can be issued to the "
                            "company %(donor)s.",
                            donor=donor,
                        )
                    )
            elif not company._le97_receipt_allows_donor_type(donor_type):
                problems.append(
                    self.env._(
                        "Receipts under articles 200 and 978 are disabled in the "
                        "fund's settings: no receipt can be issued to %(donor)s.",
                        donor=donor,
                    )
                )
        return problems
