# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""French chart of accounts for non-profits (ANC 2018-06, 2025 numbering).

A child of Odoo's ``fr`` template: it loads the whole French chart of
``l10n_fr_account`` and adds (or renames) the non-profit accounts listed in
``data/template/account.account-fr_asso.csv``. Codes follow the ``fr`` template:
6 digits, the official number padded with zeros on the right (7541 -> 754100,
75411 -> 754110).
"""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.account.models.chart_template import template

NPO_TEMPLATE = "fr_asso"

# company field -> xml id (without the "account.<company id>_" prefix)
NPO_COMPANY_ACCOUNTS = {
    "le97_account_gift_id": "le97_pca_7541",
    "le97_account_company_gift_id": "le97_pca_7542",
    "le97_account_bequest_id": "le97_pca_7543",
    "le97_account_waived_expense_id": "le97_pca_75412",
    "le97_account_volunteer_expense_id": "le97_pca_4681",
    "le97_account_membership_id": "le97_pca_756",
    "le97_account_cvn_volunteer_expense_id": "le97_pca_864",
    "le97_account_cvn_volunteer_income_id": "le97_pca_875",
}

# accounts of the fr chart that the non-profit chart renames, as loaded by fr
FR_RENAMED = {
    "pcg_102": "Trust funds",
    "pcg_108": "Drawings account",
    "pcg_754": "Rebates from cooperatives (resulting from surpluses)",
}


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template(NPO_TEMPLATE)
    def _get_fr_asso_template_data(self):
        return {
            "name": self.env._("Non-profits (ANC 2018-06)"),
            "parent": "fr",
            "country": "fr",
            "sequence": 2,
        }

    def _le97_merge_fr_csv(self, model):
        """The fr data of ``model`` (from l10n_fr_account) updated with ours."""
        data = self._parse_csv(NPO_TEMPLATE, model, module="l10n_fr_account")
        for xmlid, values in self._parse_csv(
            NPO_TEMPLATE, model, module="le97_base"
        ).items():
            data.setdefault(xmlid, {}).update(values)
        return data

    @template(NPO_TEMPLATE, "account.account")
    def _get_fr_asso_account_account(self):
        return self._le97_merge_fr_csv("account.account")

    @template(NPO_TEMPLATE, "account.group")
    def _get_fr_asso_account_group(self):
        return self._le97_merge_fr_csv("account.group")

    @template(NPO_TEMPLATE, "account.tax.group")
    def _get_fr_asso_account_tax_group(self):
        return self._parse_csv(NPO_TEMPLATE, "account.tax.group", "l10n_fr_account")

    @template(NPO_TEMPLATE, "account.tax")
    def _get_fr_asso_account_tax(self):
        taxes = self._parse_csv(NPO_TEMPLATE, "account.tax", "l10n_fr_account")
        self._deref_account_tags(NPO_TEMPLATE, taxes)
        return taxes

    @template(NPO_TEMPLATE, "account.fiscal.position")
    def _get_fr_asso_account_fiscal_position(self):
        return self._parse_csv(
            NPO_TEMPLATE, "account.fiscal.position", "l10n_fr_account"
        )

    @template(NPO_TEMPLATE, "account.journal")
    def _get_fr_asso_account_journal(self):
        return {
            "le97_cvn": {
                "name": self.env._("Voluntary Contributions in Kind"),
                "code": "CVN",
                "type": "general",
                "show_on_dashboard": False,
                "sequence": 20,
            },
        }

    # ------------------------------------------------------------------
    # Loading and upgrading
    # ------------------------------------------------------------------
    def _load(self, template_code, company, install_demo, force_create=True):
        if template_code == NPO_TEMPLATE and company.chart_template == "fr":
            # Upgrade in place: Odoo then takes its "reload" path, which only
            # adds what is missing (accounts matched by code, journals by code)
            # and never deletes nor changes existing entries.
            company.chart_template = NPO_TEMPLATE
        return super()._load(template_code, company, install_demo, force_create)

    def _post_load_data(self, template_code, company, template_data):
        res = super()._post_load_data(template_code, company, template_data)
        if template_code == NPO_TEMPLATE:
            self._le97_post_load_nonprofit(company or self.env.company)
        return res

    def _le97_post_load_nonprofit(self, company):
        """Defaults of the non-profit chart, also when upgrading from fr."""
        vals = {}
        for field, xmlid in NPO_COMPANY_ACCOUNTS.items():
            account = self.ref(xmlid, raise_if_not_found=False)
            if account and not company[field]:
                vals[field] = account.id
        journal = self.ref("le97_cvn", raise_if_not_found=False)
        if journal and not company.le97_cvn_journal_id:
            vals["le97_cvn_journal_id"] = journal.id
        if vals:
            company.write(vals)
        # Upgrade from fr: existing accounts keep their data, rename those
        # whose meaning differs in the non-profit chart while they still
        # carry the commercial name.
        new_names = self._parse_csv(NPO_TEMPLATE, "account.account", "le97_base")
        # Only the languages of the database: a French company may live in a
        # database that has English only (Odoo refuses inactive languages).
        # French loaded later gets its names from the chart's translations.
        active = {code for code, _name in self.env["res.lang"].get_installed()}
        for xmlid, old_name in FR_RENAMED.items():
            account = self.ref(xmlid, raise_if_not_found=False)
            if account and account.with_context(lang="en_US").name == old_name:
                names = {"en_US": new_names[xmlid]["name"]}
                if "fr_FR" in active:
                    names["fr_FR"] = new_names[xmlid]["name@fr"]
                account.update_field_translations("name", names)
        if journal:
            self.env["account.journal"]._le97_secure_journal(journal)

    def _le97_install_nonprofit_chart(self, company):
        """Install the non-profit chart on ``company`` or upgrade its fr chart.

        Posted entries are kept as they are: on a company with the fr chart,
        only the missing accounts, groups and journal are added.
        """
        company.ensure_one()
        if company.chart_template not in (False, "fr", NPO_TEMPLATE):
            raise UserError(
                self.env._(
                    "The company %(company)s uses another chart of accounts "
                    "(%(chart)s): the non-profit chart only extends the French "
                    "chart.",
                    company=company.name,
                    chart=company.chart_template,
                )
            )
        # _load rather than try_loading: also called from the post-init hook,
        # before the registry is fully loaded.
        self._load(NPO_TEMPLATE, company, install_demo=False)
        self.env["account.journal"]._le97_secure_known_journals(company)
        return True

    def _guess_chart_template(self, country):
        # Le 97 is a French non-profit: new French companies get its chart.
        if country and country.code == "FR":
            return NPO_TEMPLATE
        return super()._guess_chart_template(country)
