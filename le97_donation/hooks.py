# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def _le97_default_accounts(env, companies):
    """Give the donation payment methods and the gift product the accounts a
    fresh French chart lacks, so that a first donation can be validated."""
    # Inbound methods of bank and cash journals created with the chart after
    # OCA donation's own hook are made available on donations too.
    env["account.payment.method.line"].search(
        [
            ("payment_type", "=", "inbound"),
            ("donation", "=", False),
            ("journal_id.type", "in", ["bank", "cash"]),
            ("journal_id.company_id", "in", companies.ids),
        ]
    ).write({"donation": True})
    method_lines = env["account.payment.method.line"].search(
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
                env["account.chart.template"]
                .with_context(allowed_company_ids=company.root_id.ids)
                .ref(
                    "account_journal_payment_debit_account_id", raise_if_not_found=False
                )
                or company.transfer_account_id
            )
        if account:
            line.payment_account_id = account
    product = env.ref("le97_donation.product_product_gift", raise_if_not_found=False)
    if not product:
        return
    for company in companies:
        account = env["account.account"].search(
            [
                *env["account.account"]._check_company_domain(company),
                ("code", "in", ["754110", "754100", "758200"]),
            ],
            order="code",
            limit=1,
        )
        if account:
            product.product_tmpl_id.with_company(
                company
            ).property_account_income_id = account


def post_init_hook(env):
    companies = env["res.company"].search([("chart_template", "!=", False)])
    _le97_default_accounts(env, companies)
