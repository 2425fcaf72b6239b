# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# Income accounts of gifts looked up in a chart that has no gift account set
# on the company (first found wins, in code order).
GIFT_ACCOUNT_CODES = ["754110", "754100", "758200"]
# Manual gifts of individuals (7541 dons manuels, 75411 in money): a company
# giving on a product booked there is credited to 7542 (mécénat) instead.
INDIVIDUAL_GIFT_ACCOUNT_CODES = ["754100", "754110"]
# Corporate sponsorship (7542 mécénat) in a chart that has none set on the company
COMPANY_GIFT_ACCOUNT_CODES = ["754200"]
# Expense accounts of volunteers' expenses by kind (first found wins): travel
# (6251 voyages et déplacements) for trips and tickets, other supplies (6068)
# for purchases.
EXPENSE_ACCOUNT_CODES = {
    "km": ["625100", "625000"],
    "ticket": ["625100", "625000"],
    "purchase": ["606800", "606000"],
}
VOLUNTEER_EXPENSE_JOURNAL_CODE = "BENEV"


class ResCompany(models.Model):
    _inherit = "res.company"

    le97_volunteer_expense_journal_id = fields.Many2one(
        "account.journal",
        string="Volunteers' Expenses Journal",
        check_company=True,
        help="Hash-secured journal of the volunteers' expense claims: their "
        "approval (expense / 4681) and their waiver (4681 / 75412).",
    )

    def _le97_expense_account(self, kind):
        """The expense account of a volunteer's expense of ``kind``."""
        self.ensure_one()
        accounts = self.env["account.account"].sudo()
        for code in EXPENSE_ACCOUNT_CODES.get(kind, []):
            account = accounts.search(
                [*accounts._check_company_domain(self), ("code", "=", code)], limit=1
            )
            if account:
                return account
        return accounts

    def _le97_volunteer_expense_journal(self):
        """The company's journal of volunteers' expenses, created (and
        hash-secured) when it has none yet."""
        self.ensure_one()
        journal = self.sudo().le97_volunteer_expense_journal_id
        if journal:
            return journal
        Journal = self.env["account.journal"].sudo()
        journal = Journal.search(
            [
                *Journal._check_company_domain(self),
                ("code", "=", VOLUNTEER_EXPENSE_JOURNAL_CODE),
            ],
            limit=1,
        ) or Journal.create(
            {
                "name": self.with_context(lang=self.partner_id.lang).env._(
                    "Volunteers' Expenses"
                ),
                "code": VOLUNTEER_EXPENSE_JOURNAL_CODE,
                "type": "general",
                "company_id": self.id,
                "show_on_dashboard": False,
            }
        )
        Journal._le97_secure_journal(journal)
        self.sudo().le97_volunteer_expense_journal_id = journal
        return journal

    # Named fund_* like the fund's identity of le97_base: its company write
    # guard lets receipts administrators change every fund_* field.
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

    # -- receipt checks ----------------------------------------------------------
    def _le97_receipt_fund_problems(self):
        """What keeps the funds of ``self`` from issuing fiscal receipts.

        Returns a list of messages, one per problem and company (empty when
        receipts may be issued). Reads only the companies of ``self``.
        """
        problems = []
        for company in self:
            missing = []
            if not (company.fund_siren or company.fund_rna):
                missing.append(self.env._("SIREN or RNA number"))
            if not company.fund_object:
                missing.append(self.env._("object of the fund"))
            if not company.fund_signatory_name:
                missing.append(self.env._("signatory name"))
            if not company.fund_signatory_title:
                missing.append(self.env._("signatory title"))
            for field_name, label in (
                ("street", self.env._("street")),
                ("zip", self.env._("zip")),
                ("city", self.env._("city")),
            ):
                if not company[field_name]:
                    missing.append(self.env._("%(part)s of the address", part=label))
            # its size only: the image itself is not loaded
            if not company.with_context(bin_size=True).fund_signature:
                missing.append(self.env._("signature image"))
            if missing:
                problems.append(
                    self.env._(
                        "The fund %(company)s lacks: %(missing)s. Complete it in "
                        "Settings > Le 97.",
                        company=company.name,
                        missing=", ".join(missing),
                    )
                )
            if company.currency_id.name != "EUR":
                problems.append(
                    self.env._(
                        "The currency of %(company)s is %(currency)s: French fiscal "
                        "receipts are in euros.",
                        company=company.name,
                        currency=company.currency_id.name,
                    )
                )
        return problems

    def _le97_receipt_allows_donor_type(self, donor_type):
        """Whether the fund issues receipts to a donor of ``donor_type``
        (``company`` or ``individual``)."""
        self.ensure_one()
        if donor_type == "company":
            return self.fund_receipt_art_238bis
        return self.fund_receipt_art_200 or self.fund_receipt_art_978

    # -- set-up of the donations -------------------------------------------------
    def _le97_gift_income_account(self):
        """Income account of gifts of the company: the fund's gift account, or
        a gift account found in its chart."""
        self.ensure_one()
        if self.le97_account_gift_id:
            return self.le97_account_gift_id
        return self.env["account.account"].search(
            [
                *self.env["account.account"]._check_company_domain(self),
                ("code", "in", GIFT_ACCOUNT_CODES),
            ],
            order="code",
            limit=1,
        )

    def _le97_company_gift_income_account(self):
        """Income account of gifts from companies (7542 mécénat): the fund's
        corporate sponsorship account, or one found in its chart."""
        self.ensure_one()
        if self.le97_account_company_gift_id:
            return self.le97_account_company_gift_id
        return self.env["account.account"].search(
            [
                *self.env["account.account"]._check_company_domain(self),
                ("code", "in", COMPANY_GIFT_ACCOUNT_CODES),
            ],
            order="code",
            limit=1,
        )

    def _le97_donor_gift_account(self, account, donor):
        """Account to credit for a gift booked on ``account`` by ``donor``.

        Gifts of companies are corporate sponsorship (7542, CGI art. 238 bis),
        those of individuals manual gifts (7541/75411, art. 200): a company's
        gift on a manual-gift account goes to the company gift account. Any
        other account (bequests, waived expenses, a non-gift) is kept.
        """
        self.ensure_one()
        if not (account and donor) or donor._le97_receipt_donor_type() != "company":
            return account
        individual = self.le97_account_gift_id.ids
        if account.id not in individual and (
            account.with_company(self).code not in INDIVIDUAL_GIFT_ACCOUNT_CODES
        ):
            return account
        return self._le97_company_gift_income_account() or account

    @api.model
    def _le97_gift_product_xmlids(self):
        """XML ids of the gift products shipped as data: extended by the
        addons that bring their own (gifts in Pive, at the Point of Sale,
        online)."""
        return ["le97_donation.product_product_gift"]

    def _le97_gift_product_accounts(self):
        """``{product: income account}`` of the gift products of the company:
        each books on the fund's gift account."""
        self.ensure_one()
        account = self._le97_gift_income_account()
        products = [
            self.env.ref(xmlid, raise_if_not_found=False)
            for xmlid in self._le97_gift_product_xmlids()
        ]
        return {product: account for product in products if product}

    def _le97_donation_setup(self):
        """Give the donation payment methods and the gift products the accounts
        a fresh French chart lacks, so that a first donation can be validated,
        and the fund its corporate sponsorship account (7542) when the chart
        has one (idempotent: an account already set is kept)."""
        companies = self.sudo().filtered("chart_template")
        if not companies:
            return True
        MethodLine = self.env["account.payment.method.line"].sudo()
        # Inbound methods of bank and cash journals created with the chart after
        # OCA donation's own hook are made available on donations too.
        MethodLine.search(
            [
                ("payment_type", "=", "inbound"),
                ("donation", "=", False),
                ("journal_id.type", "in", ["bank", "cash"]),
                ("journal_id.company_id", "in", companies.ids),
            ]
        ).write({"donation": True})
        method_lines = MethodLine.search(
            [
                ("donation", "=", True),
                ("payment_account_id", "=", False),
                ("journal_id.company_id", "in", companies.ids),
            ]
        )
        for line in method_lines:
            journal = line.journal_id
            if journal.type == "cash":
                account = journal.default_account_id
            else:
                company = journal.company_id
                account = (
                    self.env["account.chart.template"]
                    .with_context(allowed_company_ids=company.root_id.ids)
                    .ref(
                        "account_journal_payment_debit_account_id",
                        raise_if_not_found=False,
                    )
                    or company.transfer_account_id
                )
            if account:
                line.payment_account_id = account
        companies._le97_translate_payment_method_lines()
        # the journals that receive gifts are hash-secured
        self.env["account.journal"]._le97_secure_known_journals(companies)
        for company in companies:
            if not company.le97_account_company_gift_id:
                account = company._le97_company_gift_income_account()
                if account:
                    company.le97_account_company_gift_id = account
            for product, account in company._le97_gift_product_accounts().items():
                template = product.product_tmpl_id.sudo().with_company(company)
                if account and not template.property_account_income_id:
                    template.property_account_income_id = account
        return True

    def _le97_translate_payment_method_lines(self):
        """Name the payment methods of the journals of ``self`` in the
        company's language.

        A journal's payment method line copies the name of its payment method
        in the language of the environment that creates it: a chart loaded at
        installation gives "Manual Payment" to a French fund, whose treasurers
        then read "Manual Payment (Banque)" on their donations. Only names
        still equal to the method's name, in English or in the company's
        language, are changed (idempotent; a name chosen by the user is kept).
        """
        MethodLine = self.env["account.payment.method.line"].sudo()
        for company in self:
            lang = company.partner_id.lang
            if not lang or lang == "en_US":
                continue
            lines = MethodLine.search([("journal_id.company_id", "=", company.id)])
            for line in lines:
                method = line.payment_method_id
                english = method.with_context(lang="en_US").name
                raw = method.with_context(lang=lang).name or ""
                # Odoo's French ends with a space: "Paiement manuel "
                translated = raw.strip()
                if (
                    translated
                    and line.name in (english, raw)
                    and line.name != translated
                ):
                    line.name = translated
        return True

    def _le97_fund_deadline_vals(self, fiscal_year):
        """The declaration of gifts (CGI 222 bis) of the financial year, due on
        the declaration's own deadline, for the receipts administrators."""
        vals_list = super()._le97_fund_deadline_vals(fiscal_year)
        Declaration = self.env["donation.tax.receipt.declaration"]
        closing = Declaration._get_closing_date(self, fiscal_year)
        vals_list.append(
            {
                "company_id": self.id,
                "fiscal_year": fiscal_year,
                "date_closing": closing,
                "kind": "declaration_222bis",
                "date_due": Declaration._get_deadline(closing),
                "group_id": self.env.ref("le97_base.group_receipt_admin").id,
                "note": self.env._(
                    "The declaration of the gifts receipted in the financial year "
                    "(CGI 222 bis): 3 months after closing, or the 2nd working day "
                    "after 1 May for a 31 December closing."
                ),
            }
        )
        return vals_list
