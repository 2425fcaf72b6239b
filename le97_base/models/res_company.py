# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import re

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from stdnum import luhn

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools.misc import format_date, formatLang

RNA_PATTERN = re.compile(r"^W\d{9}$")

# Total resources of a year above which an endowment fund must appoint an
# auditor (commissaire aux comptes) and publish its accounts.
AUDITOR_THRESHOLD = 10000.0
# Resources from abroad of a year above which they must be declared.
FOREIGN_RESOURCES_THRESHOLD = 15300.0
TREASURER = "le97_base.group_treasurer"


def months_after(date, months):
    """``months`` after ``date``; from the last day of a month, the last day of
    the month reached (six months after 30 June is 31 December)."""
    result = date + relativedelta(months=months)
    if (date + relativedelta(days=1)).day == 1:
        result += relativedelta(day=31)
    return result


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
    # printed on fiscal receipts: not for the public nor the portal
    # (/web/image/res.company/<id>/fund_signature)
    fund_signature = fields.Image(
        string="Signature",
        max_width=600,
        max_height=300,
        attachment=True,
        groups="base.group_user",
    )
    fund_public_appeal_date = fields.Date(
        string="Public Appeal Authorisation",
        help="Date of the prefect's authorisation to appeal to public generosity. "
        "An endowment fund needs it before any public appeal for gifts.",
    )

    fund_public_appeal_running = fields.Boolean(
        string="Public Appeal Running",
        help="A campaign appealing to public generosity is running: the prefect's "
        "authorisation is then required.",
    )

    # -- non-profit chart defaults (set by the fr_asso chart template) --------
    le97_account_gift_id = fields.Many2one(
        "account.account",
        string="Individual Gifts Account",
        check_company=True,
        help="7541 Dons manuels: income account of gifts from individuals.",
    )
    le97_account_company_gift_id = fields.Many2one(
        "account.account",
        string="Corporate Sponsorship Account",
        check_company=True,
        help="7542 Mécénat: gifts from companies.",
    )
    le97_account_bequest_id = fields.Many2one(
        "account.account",
        string="Bequests Account",
        check_company=True,
        help="7543 Legs, donations et assurances-vie.",
    )
    le97_account_waived_expense_id = fields.Many2one(
        "account.account",
        string="Waived Expenses Account",
        check_company=True,
        help="75412 Abandons de frais des bénévoles.",
    )
    le97_account_volunteer_expense_id = fields.Many2one(
        "account.account",
        string="Volunteers' Expenses Account",
        check_company=True,
        help="4681 Frais des bénévoles, before they are refunded or waived.",
    )
    le97_account_membership_id = fields.Many2one(
        "account.account",
        string="Membership Fees Account",
        check_company=True,
        help="756 Cotisations.",
    )
    le97_account_cvn_volunteer_expense_id = fields.Many2one(
        "account.account",
        string="Volunteer Staff Account (86)",
        check_company=True,
        help="864 Personnel bénévole: use of the volunteers' time.",
    )
    le97_account_cvn_volunteer_income_id = fields.Many2one(
        "account.account",
        string="Volunteering Account (87)",
        check_company=True,
        help="875 Bénévolat: contribution of the volunteers' time.",
    )
    le97_cvn_journal_id = fields.Many2one(
        "account.journal",
        string="Contributions in Kind Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    le97_cvn_mode = fields.Selection(
        selection=[
            ("entries", "Entries in the contributions in kind journal"),
            ("statement", "Off-books statement"),
        ],
        string="Contributions in Kind",
        default="entries",
        required=True,
        help="Either post the yearly valuation of volunteers' time and goods "
        "received in kind in accounts 86/87, or keep it as a statement printed "
        "under the income statement.",
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
        if self.env.su or self.env.user.has_group("base.group_erp_manager"):
            return super().write(vals)
        forbidden = set(vals) - self._fund_identity_fields()
        if forbidden:
            raise AccessError(
                self.env._(
                    "You may only change the fund's identity and receipt settings "
                    "of the company, not: %(fields)s.",
                    fields=", ".join(sorted(forbidden)),
                )
            )
        return super().write(vals)

    # -- thresholds ------------------------------------------------------------
    def _le97_get_resources(self, date_from, date_to):
        """Total resources (class 7, net of debits) of the period."""
        self.ensure_one()
        groups = (
            self.env["account.move.line"]
            .with_company(self)
            ._read_group(
                [
                    ("company_id", "=", self.id),
                    ("parent_state", "=", "posted"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("account_id.code", "=like", "7%"),
                ],
                aggregates=["balance:sum"],
            )
        )
        return -(groups[0][0] or 0.0)

    def _le97_get_warnings(self, date=None):
        """Legal thresholds and missing authorisations, as translated messages."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        # the threshold is read on the financial year (the fund's accounts),
        # which is the calendar year only when the fund closes on 31 December
        period = self.compute_fiscalyear_dates(date)
        warnings = []
        resources = self._le97_get_resources(period["date_from"], period["date_to"])
        if resources > AUDITOR_THRESHOLD:
            amount = formatLang(self.env, resources, currency_obj=self.currency_id)
            warnings.append(
                self.env._(
                    "The resources of the financial year from %(date_from)s to "
                    "%(date_to)s reach %(amount)s, above 10,000 EUR: the fund must "
                    "appoint an auditor (commissaire aux comptes) and a deputy, and "
                    "publish its accounts.",
                    date_from=format_date(self.env, period["date_from"]),
                    date_to=format_date(self.env, period["date_to"]),
                    amount=amount,
                )
            )
        if self.fund_public_appeal_running and not self.fund_public_appeal_date:
            warnings.append(
                self.env._(
                    "A public appeal campaign is running but the date of the "
                    "prefect's authorisation is not set on %(company)s.",
                    company=self.name,
                )
            )
        return warnings

    def _le97_get_warnings_html(self, date=None):
        self.ensure_one()
        return Markup("").join(
            Markup("<p>%s</p>") % warning for warning in self._le97_get_warnings(date)
        )

    # -- the fund's calendar ---------------------------------------------------
    def _le97_fiscal_year_period(self, year):
        """(start, end) of the financial year closing in ``year``, from the
        company's fiscal year end (``fiscalyear_last_month``/``_day``)."""
        self.ensure_one()
        month = int(self.fiscalyear_last_month or 12)
        dates = self.compute_fiscalyear_dates(datetime.date(year, month, 1))
        return dates["date_from"], dates["date_to"]

    def _le97_last_closed_year(self, today):
        """Year of the closing date of the last financial year closed on ``today``."""
        self.ensure_one()
        start = self.compute_fiscalyear_dates(today)["date_from"]
        return (start - relativedelta(days=1)).year

    def _le97_get_foreign_resources(self, date_from, date_to):
        """Resources (class 7) of the period from partners abroad: the
        contact's *Resources from* country, else its address's; a contact with
        neither counts as from the company's country."""
        self.ensure_one()
        country = self.country_id or self.env.ref("base.fr")
        groups = self.env["account.move.line"]._read_group(
            [
                ("company_id", "=", self.id),
                ("parent_state", "=", "posted"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("account_id.code", "=like", "7%"),
                *self.env["res.partner"]._le97_resources_abroad_domain(country),
            ],
            aggregates=["balance:sum"],
        )
        return -(groups[0][0] or 0.0)

    def _le97_fund_deadline_vals(self, fiscal_year):
        """Values of the legal deadlines of the financial year closing in
        ``fiscal_year`` (a list of ``le97.fund.deadline`` values)."""
        self.ensure_one()
        date_from, closing = self._le97_fiscal_year_period(fiscal_year)
        treasurer = self.env.ref(TREASURER)
        six_months = months_after(closing, 6)

        def vals(kind, date_due, note, group=treasurer):
            return {
                "company_id": self.id,
                "fiscal_year": fiscal_year,
                "date_closing": closing,
                "kind": kind,
                "date_due": date_due,
                "group_id": group.id,
                "note": note,
            }

        vals_list = [
            vals(
                "prefect_file",
                six_months,
                self.env._(
                    "Within six months of closing: the activity report, the "
                    "accounts and, if any, the auditor's report go to the prefect."
                ),
            ),
            vals(
                "joafe",
                six_months,
                self.env._(
                    "Within six months of closing: the accounts are published on "
                    "the Journal officiel (JOAFE)."
                ),
            ),
        ]
        resources = self._le97_get_resources(date_from, closing)
        if resources > AUDITOR_THRESHOLD:
            vals_list.append(
                vals(
                    "auditor",
                    months_after(closing, 3),
                    self.env._(
                        "The resources of the financial year reach %(amount)s, "
                        "above 10,000 EUR: a statutory auditor and a deputy must "
                        "be appointed, in time to certify the accounts.",
                        amount=formatLang(
                            self.env, resources, currency_obj=self.currency_id
                        ),
                    ),
                )
            )
        foreign = self._le97_get_foreign_resources(date_from, closing)
        if foreign > FOREIGN_RESOURCES_THRESHOLD:
            vals_list.append(
                vals(
                    "foreign_resources",
                    six_months,
                    self.env._(
                        "The resources from partners abroad (by the contact's "
                        "Resources from country, else its address's) reach "
                        "%(amount)s, above 15,300 EUR: they must be declared to the "
                        "prefect.",
                        amount=formatLang(
                            self.env, foreign, currency_obj=self.currency_id
                        ),
                    ),
                )
            )
        return vals_list
