# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The statement by project and the treasurer's dashboard, on a year of books.

Run on a scratch database where le97_base and le97_donation are installed
(French company, a server running on the database's web.base.url so that
wkhtmltopdf gets its style sheets)::

    $ODOO/venv/bin/python $ODOO/odoo-bin shell -d DB --addons-path=... \
        --no-http < bench/bench_project_statement.py

Everything is rolled back at the end. ``LE97_BENCH_LINES`` (default 5000) sets
the number of analytic journal items (gifts and expenses on six projects, one
line in five split 60/40), ``LE97_BENCH_GIFTS`` (default 1000) the number of
validated donations for the dashboard.

What the treasurer waits for, end to end: the statement's PDF and its XLSX,
with and without the columns by project (the baseline: the same wizard and
outputs without them), then the data of the columns against Odoo's own pivot
of the analytic items (one ``read_group`` by project and account); the
dashboard against the ``read_group`` calls of Odoo's graph views of the same
figures. Prints times, SQL query counts and ratios.
"""

import os
import time
from datetime import date, timedelta

from odoo import Command

env = env  # noqa: F821 - provided by odoo-bin shell
cr = env.cr
company = env.company
N_LINES = int(os.environ.get("LE97_BENCH_LINES", "5000"))
N_GIFTS = int(os.environ.get("LE97_BENCH_GIFTS", "1000"))
LINES_PER_ENTRY = 250
YEAR = date.today().year
REPORT = "le97_base.action_report_le97_statement"
LANDSCAPE = "le97_base.action_report_le97_statement_landscape"


def measure(label, func, repeat=1):
    """Best of ``repeat`` runs, caches emptied before each."""
    best = None
    for _run in range(repeat):
        env.flush_all()
        env.invalidate_all()
        queries = cr.sql_log_count
        start = time.perf_counter()
        func()
        env.flush_all()
        elapsed = time.perf_counter() - start
        count = cr.sql_log_count - queries
        if best is None or elapsed < best[0]:
            best = (elapsed, count)
    print(f"  {label:<58} {best[0]:8.3f} s {best[1]:7d} queries")
    return best


def account(code):
    Account = env["account.account"].with_company(company)
    return Account.search(
        [*Account._check_company_domain(company), ("code", "=like", f"{code}%")],
        limit=1,
    )


# -- data ----------------------------------------------------------------------
Analytic = env["account.analytic.account"]
plan = Analytic._le97_project_plan()
projects = Analytic.create(
    [
        {"name": f"Bench project {n}", "plan_id": plan.id, "company_id": company.id}
        for n in range(6)
    ]
)
journal = env["account.journal"].search(
    [*env["account.journal"]._check_company_domain(company), ("type", "=", "general")],
    limit=1,
)
gift_account, expense_account, bank_account = (
    account("7541"),
    account("6063"),
    account("512"),
)


def distribution(n):
    first = projects[n % len(projects)]
    if n % 5 == 0:
        second = projects[(n + 1) % len(projects)]
        return {str(first.id): 60, str(second.id): 40}
    return {str(first.id): 100}


print(f"== {N_LINES} analytic journal items on {len(projects)} projects, {YEAR}")
start = time.perf_counter()
moves_vals = []
for entry in range(0, N_LINES, LINES_PER_ENTRY):
    lines = []
    total = 0.0
    for n in range(entry, min(entry + LINES_PER_ENTRY, N_LINES)):
        amount = 10.0 + n % 90
        is_gift = n % 3 != 0
        total += amount if is_gift else -amount
        lines.append(
            Command.create(
                {
                    "name": f"Bench {n}",
                    "account_id": (gift_account if is_gift else expense_account).id,
                    "debit": 0.0 if is_gift else amount,
                    "credit": amount if is_gift else 0.0,
                    "analytic_distribution": distribution(n),
                }
            )
        )
    lines.append(
        Command.create(
            {
                "name": "Bench bank",
                "account_id": bank_account.id,
                "debit": max(total, 0.0),
                "credit": max(-total, 0.0),
            }
        )
    )
    moves_vals.append(
        {
            "journal_id": journal.id,
            "date": date(YEAR, 1, 1) + timedelta(days=entry % 300),
            "line_ids": lines,
        }
    )
moves = env["account.move"].create(moves_vals)
moves.action_post()
env.flush_all()
print(f"  built in {time.perf_counter() - start:.1f} s")

# -- the statement ---------------------------------------------------------------
print("== statements of the year (PDF + XLSX), best of 2")
Wizard = env["le97.statement.wizard"]


def statement(by_project):
    wizard = Wizard.create(
        {
            "date_from": date(YEAR, 1, 1),
            "date_to": date(YEAR, 12, 31),
            "by_project": by_project,
        }
    )

    def run():
        # the report action_print_pdf() chooses (it may return the layout
        # wizard of a company whose document layout was never set)
        wide = by_project and wizard._is_wide(wizard._get_report_data())
        report = LANDSCAPE if wide else REPORT
        pdf, _kind = env["ir.actions.report"]._render_qweb_pdf(report, wizard.ids)
        assert pdf.startswith(b"%PDF")
        wizard.action_export_xlsx()

    return wizard, run


_plain_wizard, plain = statement(False)
project_wizard, by_project = statement(True)
base_time, _q = measure("baseline: statement without projects (PDF + XLSX)", plain, 2)
proj_time, _q = measure("statement by project (PDF + XLSX)", by_project, 2)
print(f"  ratio by project / without: {proj_time / base_time:.2f}")
data = project_wizard._get_report_data()
print(f"  {len(data['project_columns'])} columns (projects, others, not assigned)")

column = Analytic._le97_project_column()
domain = project_wizard._get_project_balance_domain(
    project_wizard.date_from, project_wizard.date_to
)


def odoo_pivot():
    env["account.analytic.line"].read_group(
        domain,
        ["amount:sum"],
        [column, "general_account_id"],
        lazy=False,
    )


def columns_data():
    project_wizard._get_project_columns(
        project_wizard.date_from,
        project_wizard.date_to,
        project_wizard._get_period_data(
            project_wizard.date_from, project_wizard.date_to
        )["income"],
    )


def odoo_grouping():
    env["account.analytic.line"]._read_group(
        domain, [column, "general_account_id"], ["amount:sum"]
    )


# the pivot view calls read_group(lazy=False), which formats each group (its
# domain, count and names); the grouping itself is the ORM's _read_group
pivot_time, _q = measure(
    "baseline: Odoo's analytic pivot (read_group, lazy=False)", odoo_pivot, 3
)
group_time, _q = measure(
    "baseline: the ORM's grouping alone (_read_group)", odoo_grouping, 3
)
col_time, _q = measure("the columns by project (data only)", columns_data, 3)
print(f"  ratio columns / Odoo's pivot: {col_time / pivot_time:.2f}")
print(f"  ratio columns / the grouping alone: {col_time / group_time:.2f}")

# -- the dashboard ---------------------------------------------------------------
print(f"== dashboard with {N_GIFTS} validated gifts")
start = time.perf_counter()
product = env.ref("le97_donation.product_product_gift")
donor = env["res.partner"].create(
    {"name": "Bench donor", "country_id": env.ref("base.fr").id}
)
method_line = env["account.payment.method.line"].search(
    [("journal_id.company_id", "=", company.id), ("donation", "=", True)], limit=1
)
campaigns = env["donation.campaign"].create(
    [
        {"name": f"Bench campaign {n}", "le97_project_id": project.id}
        for n, project in enumerate(projects)
    ]
)
donations = env["donation.donation"].create(
    [
        {
            "partner_id": donor.id,
            "donation_date": min(
                date(YEAR, 1, 1) + timedelta(days=n % 330), date.today()
            ),
            "payment_method_line_id": method_line.id,
            "campaign_id": campaigns[n % len(campaigns)].id,
            "tax_receipt_option": "none",
            "line_ids": [
                Command.create(
                    {"product_id": product.id, "quantity": 1, "unit_price": 5 + n % 50}
                )
            ],
        }
        for n in range(N_GIFTS)
    ]
)
donations.validate()
env.flush_all()
print(f"  built in {time.perf_counter() - start:.1f} s")
Donation = env["donation.donation"]
gift_domain = [
    ("company_id", "=", company.id),
    ("state", "=", "done"),
    ("donation_date", ">=", date(YEAR, 1, 1)),
    ("donation_date", "<=", date(YEAR, 12, 31)),
]


def odoo_graphs():
    # Odoo's graph views of the same figures: by month, by project, by means
    for groupby in ("donation_date:month", "le97_project_id", "payment_method_line_id"):
        Donation.read_group(
            gift_domain, ["amount_total_company_currency:sum"], [groupby], lazy=False
        )
    env["donation.tax.receipt"].read_group(
        [("company_id", "=", company.id)], ["amount:sum"], ["state"], lazy=False
    )
    Donation.search_count([*gift_domain, ("tax_receipt_id", "=", False)])


def dashboard():
    env["le97.dashboard"].get_dashboard_data()


graph_time, _q = measure("baseline: Odoo's graph views of the figures", odoo_graphs, 3)
dash_time, _q = measure("the dashboard (every card of every addon)", dashboard, 3)
print(f"  ratio dashboard / Odoo's graphs: {dash_time / graph_time:.2f}")
cr.rollback()
