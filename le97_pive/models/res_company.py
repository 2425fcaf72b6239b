# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # The local currency (MLCC): nothing here is specific to La Pive, whose
    # values are only the defaults.
    mlcc_name = fields.Char(
        string="Local Currency Name",
        default="La Pive",
        help="Name of the local complementary currency (MLCC) and of the "
        "association that issues it.",
    )
    mlcc_currency_code = fields.Char(
        string="Local Currency Code",
        size=3,
        default="PIV",
        help="Three-letter code of the local currency in Odoo (not an ISO code).",
    )
    mlcc_currency_symbol = fields.Char(
        string="Local Currency Symbol",
        default="Pive",
        help="Symbol printed after amounts in local currency.",
    )
    mlcc_currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Local Currency",
        help="Currency of the local currency journals, at a fixed parity.",
    )
    mlcc_parity = fields.Float(
        string="Parity with the Euro",
        default=1.0,
        digits=(12, 6),
        help="Value of one unit of local currency in euros. French local "
        "currencies are at par: 1 unit = 1 euro.",
    )
    mlcc_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Local Currency Association",
        help="The association issuing the local currency (La Pive): counterpart "
        "of reconversions and of the exchange office.",
    )
    mlcc_paper_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Local Currency Notes Journal",
        help="Cash journal of the paper notes received.",
    )
    mlcc_digital_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Digital Local Currency Journal",
        help="Bank journal of the digital wallet.",
    )
    # The accounts of the local currency entries, found in the company's chart
    # by code or created by _le97_pive_setup_accounts. Gifts and membership
    # fees go to the fund's own accounts (le97_base's le97_account_gift_id and
    # le97_account_membership_id).
    mlcc_paper_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Local Currency Notes Account",
        check_company=True,
        help="Cash box of paper notes (5305 Caisse Pive).",
    )
    mlcc_digital_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Digital Local Currency Account",
        check_company=True,
        help="Digital wallet (5175 Pive numérique).",
    )
    mlcc_service_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Services Account",
        help="Income account of services and pay-what-you-can contributions " "(706).",
    )
    mlcc_sale_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Sales Account",
        help="Income account of goods sold, for example at the bar (707).",
    )
    mlcc_exchange_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Local Currency Exchange Office Account",
        check_company=True,
        help="Third-party account of the euros collected for the local currency "
        "association at the exchange office (4671).",
    )
    mlcc_fee_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Reconversion Fees Account",
        help="Expense account of the reconversion fees (627).",
    )
    mlcc_bank_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Euro Bank Account",
        help="Bank account receiving the euros of reconversions (512).",
    )
    mlcc_cash_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Exchange Office Euro Cash Account",
        check_company=True,
        help="Euro cash box of the exchange office (531).",
    )
    mlcc_cheque_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Cheques Account",
        help="Cheques to cash in, received at the exchange office (5112).",
    )
    mlcc_reconversion_fee_rate = fields.Float(
        string="Reconversion Fee (%)",
        digits=(5, 2),
        help="Fee rate the association charges on the reconversion of the "
        "company's own local currency into euros.",
    )
    mlcc_reconversion_fee_fixed = fields.Monetary(
        string="Reconversion Fixed Fee",
        currency_field="currency_id",
        help="Fixed fee charged on each reconversion of the company's own local "
        "currency.",
    )

    @api.constrains("mlcc_parity")
    def _check_mlcc_parity(self):
        for company in self:
            if company.mlcc_parity <= 0:
                raise ValidationError(
                    self.env._(
                        "The parity of the local currency of %(company)s must be "
                        "positive.",
                        company=company.name,
                    )
                )

    @api.constrains("mlcc_reconversion_fee_rate", "mlcc_reconversion_fee_fixed")
    def _check_mlcc_reconversion_fee(self):
        for company in self:
            if (
                not 0 <= company.mlcc_reconversion_fee_rate <= 100
                or company.mlcc_reconversion_fee_fixed < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The reconversion fee of %(company)s must be a rate "
                        "between 0 and 100 %% and a positive fixed amount.",
                        company=company.name,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if "mlcc_parity" in vals:
            # keep the stored rate in line with the new parity
            for company in self.sudo().filtered("mlcc_currency_id"):
                company.mlcc_currency_id._le97_set_fixed_rate(company)
        if {"mlcc_paper_journal_id", "mlcc_digital_journal_id"} & set(vals):
            # a journal chosen in the settings is secured as the created ones
            for company in self:
                company._le97_pive_secure_journals()
        return res

    # -- set-up --------------------------------------------------------------
    @api.model
    def _le97_pive_account_specs(self):
        """Accounts of the local currency: field, code, type and French name.

        Codes follow the association chart (ANC 2018-06); they are looked up in
        the company's chart and created when missing, so that the addon works on
        the commercial chart as well as on the association chart.
        """
        return [
            ("mlcc_paper_account_id", "5305", "asset_cash", "Caisse Pive (billets)"),
            ("mlcc_digital_account_id", "5175", "asset_cash", "Pive numérique"),
            # the fund's account, when the chart has not set it
            ("le97_account_gift_id", "7541", "income", "Dons manuels"),
            ("mlcc_service_account_id", "706", "income", "Prestations de services"),
            ("mlcc_sale_account_id", "707", "income", "Ventes de marchandises"),
            ("le97_account_membership_id", "756", "income", "Cotisations"),
            (
                "mlcc_exchange_account_id",
                "4671",
                "liability_current",
                "La Pive - comptoir de change",
            ),
            (
                "mlcc_fee_account_id",
                "627",
                "expense",
                "Services bancaires et assimilés",
            ),
            ("mlcc_bank_account_id", "512", "asset_cash", "Banque"),
            ("mlcc_cash_account_id", "531", "asset_cash", "Caisse euros"),
            ("mlcc_cheque_account_id", "5112", "asset_current", "Chèques à encaisser"),
        ]

    def _le97_find_accounts(self, codes):
        """Accounts of this company's chart for ``codes``, in one query.

        Returns ``{code: account}`` for the codes found, each code matched
        exactly first, then padded to the chart's six digits.
        """
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        candidates = {
            code: [code, code.ljust(max(len(code), 6), "0")] for code in codes
        }
        accounts = Account.search(
            [
                *Account._check_company_domain(self),
                ("code", "in", [c for cands in candidates.values() for c in cands]),
            ]
        )
        by_code = {}
        for account in accounts:
            by_code.setdefault(account.code, account)
        found = {}
        for code, cands in candidates.items():
            account = next((by_code[c] for c in cands if c in by_code), None)
            if account:
                found[code] = account
        return found

    def _le97_pive_setup_accounts(self):
        self.ensure_one()
        vals = {}
        Account = self.env["account.account"].with_company(self)
        to_create = []
        specs = [spec for spec in self._le97_pive_account_specs() if not self[spec[0]]]
        found = self._le97_find_accounts([code for _field, code, *_rest in specs])
        for field, code, account_type, name in specs:
            account = found.get(code)
            if not account and field == "mlcc_bank_account_id":
                bank = self.env["account.journal"].search(
                    [
                        *self.env["account.journal"]._check_company_domain(self),
                        ("type", "=", "bank"),
                        ("currency_id", "in", (False, self.currency_id.id)),
                        ("default_account_id", "!=", False),
                    ],
                    limit=1,
                )
                account = bank.default_account_id
            if account:
                vals[field] = account.id
            else:
                to_create.append((field, code, account_type, name))
        if to_create:
            new_accounts = Account.create(
                [
                    {
                        "code": code.ljust(6, "0"),
                        "name": name,
                        "account_type": account_type,
                        "reconcile": account_type == "asset_current",
                        "company_ids": [Command.link(self.id)],
                    }
                    for _field, code, account_type, name in to_create
                ]
            )
            for (field, *_rest), account in zip(to_create, new_accounts, strict=True):
                vals[field] = account.id
        if vals:
            self.write(vals)

    def _le97_pive_setup_currency(self):
        self.ensure_one()
        Currency = self.env["res.currency"].with_context(active_test=False)
        code = (self.mlcc_currency_code or "PIV").upper()
        currency = self.mlcc_currency_id or Currency.search(
            [("name", "=", code)], limit=1
        )
        vals = {
            "active": True,
            "le97_fixed_parity": True,
            "symbol": self.mlcc_currency_symbol or code,
            "position": "after",
        }
        if currency:
            currency.write(
                {key: val for key, val in vals.items() if currency[key] != val}
            )
        else:
            currency = Currency.create(
                {
                    **vals,
                    "name": code,
                    "full_name": self.mlcc_name or code,
                    "rounding": 0.01,
                    "currency_unit_label": self.mlcc_currency_symbol or code,
                    "currency_subunit_label": "Cents",
                }
            )
        if self.mlcc_currency_id != currency:
            self.mlcc_currency_id = currency
        currency._le97_set_fixed_rate(self)
        return currency

    def _le97_pive_journal_specs(self):
        """Values of the two local currency journals."""
        self.ensure_one()
        symbol = self.mlcc_currency_symbol or self.mlcc_currency_code
        prefix = (self.mlcc_currency_code or "PIV")[:3].upper()
        return [
            (
                "mlcc_paper_journal_id",
                {
                    "name": self.env._("%(symbol)s notes", symbol=symbol),
                    "code": f"{prefix}B",
                    "type": "cash",
                    "le97_whole_units": True,
                    "default_account_id": self.mlcc_paper_account_id.id,
                },
            ),
            (
                "mlcc_digital_journal_id",
                {
                    "name": self.env._("%(symbol)s digital", symbol=symbol),
                    "code": f"{prefix}N",
                    "type": "bank",
                    "default_account_id": self.mlcc_digital_account_id.id,
                },
            ),
        ]

    def _le97_pive_setup_journals(self):
        self.ensure_one()
        Journal = self.env["account.journal"]
        vals_list = []
        fields_to_set = []
        specs = [
            (field, vals)
            for field, vals in self._le97_pive_journal_specs()
            if not self[field]
        ]
        if not specs:
            return self._le97_pive_secure_journals()
        by_code = {}
        for journal in Journal.search(
            [
                *Journal._check_company_domain(self),
                ("code", "in", [vals["code"] for _field, vals in specs]),
            ]
        ):
            by_code.setdefault(journal.code, journal)
        for field, vals in specs:
            existing = by_code.get(vals["code"])
            if existing:
                self[field] = existing
                continue
            vals_list.append(
                {
                    **vals,
                    "company_id": self.id,
                    "currency_id": self.mlcc_currency_id.id,
                }
            )
            fields_to_set.append(field)
        if vals_list:
            journals = Journal.with_company(self).create(vals_list)
            for field, journal in zip(fields_to_set, journals, strict=True):
                self[field] = journal
            # Payments in local currency go straight to the cash box or the
            # wallet: no outstanding account waiting for a bank reconciliation.
            for journal in journals:
                (
                    journal.inbound_payment_method_line_ids
                    | journal.outbound_payment_method_line_ids
                ).filtered(lambda line: not line.payment_account_id).write(
                    {"payment_account_id": journal.default_account_id.id}
                )
        return self._le97_pive_secure_journals()

    def _le97_pive_secure_journals(self):
        """Hash-chain the entries of the notes and digital journals.

        le97_base secures the journals it knows when its chart is loaded, which
        may be before this addon creates them: they are secured here, at every
        set-up, whether they were created or found.
        """
        self.ensure_one()
        journals = self.mlcc_paper_journal_id | self.mlcc_digital_journal_id
        self.env["account.journal"]._le97_secure_journal(journals)
        return journals

    def _le97_pive_journal(self, medium):
        """Journal of the local currency ``medium`` (``paper`` or ``digital``)."""
        self.ensure_one()
        if medium == "paper":
            return self.mlcc_paper_journal_id
        return self.mlcc_digital_journal_id

    def _le97_pive_setup_partner(self):
        self.ensure_one()
        if self.mlcc_partner_id:
            return
        name = self.mlcc_name or "La Pive"
        partner = self.env["res.partner"].search(
            [
                ("name", "=", name),
                ("is_company", "=", True),
                ("company_id", "in", (False, self.id)),
            ],
            limit=1,
        )
        if not partner:
            partner = self.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "le97_is_partner_org": True,
                    "country_id": self.country_id.id,
                }
            )
        self.mlcc_partner_id = partner

    def _le97_pive_is_applicable(self):
        """Companies of the French chart get the local currency set up."""
        self.ensure_one()
        return bool(
            self.chart_template
            and (self.account_fiscal_country_id or self.country_id).code == "FR"
        )

    def _le97_pive_setup(self):
        """Set up the local currency of the companies (idempotent).

        Currency at a fixed parity, accounts found in the chart or created, the
        notes and digital journals and the issuing association.
        """
        for company in self.sudo():
            lang = company.partner_id.lang
            if lang and self.env["res.lang"]._lang_get(lang):
                company = company.with_context(lang=lang)
            company._le97_pive_setup_accounts()
            company._le97_pive_setup_currency()
            company._le97_pive_setup_journals()
            company._le97_pive_setup_partner()
        return True
