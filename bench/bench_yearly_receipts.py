# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Yearly receipts: the Le 97 batch against the OCA annual wizard.

Run inside ``odoo-bin shell`` on a SCRATCH database where le97_donation is
installed (see bench/README.md)::

    odoo-bin shell -d SCRATCH_DB --addons-path=... < bench/bench_yearly_receipts.py

For each size (1,000 then 10,000 donors, 3 gifts each) it builds the data with
a few set-based SQL statements, then, on the same data and in the same
transaction, runs the OCA wizard (``tax.receipt.annual.create``) and the Le 97
batch (``donation.tax.receipt.yearly``), each inside a savepoint rolled back
afterwards. It prints both times, the ratio and the SQL query counts. Nothing
is committed: the transaction is rolled back at the end.
"""

import os
import sys
import time

# the scripts are run from the repository's root (see bench/README.md)
sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
from le97_bench_common import (
    GIFTS_PER_DONOR,
    YEAR,
    build_data,
    measure,
    prepare_fund,
)

SIZES = [int(s) for s in os.environ.get("LE97_BENCH_SIZES", "1000,10000").split(",")]


def run_oca(env, company):
    wizard = env["tax.receipt.annual.create"].create(
        {
            "start_date": f"{YEAR}-01-01",
            "end_date": f"{YEAR}-12-31",
            "company_id": company.id,
        }
    )
    # Same PDF policy for both: made later (by the scheduled action for Le 97).
    wizard.generate_annual_receipts()


def run_le97(env, company):
    wizard = env["donation.tax.receipt.yearly"].create(
        {"year": YEAR, "company_id": company.id}
    )
    wizard.action_issue()


def main(env):
    company = prepare_fund(env)
    rows = []
    for donors in SIZES:
        env.cr.execute("SAVEPOINT le97_bench_data")
        start = time.perf_counter()
        build_data(env, company, donors)
        built = time.perf_counter() - start
        print(
            f"{donors} donors x {GIFTS_PER_DONOR} gifts built in {built:.1f} s "
            f"(donation.tax.receipt and mail logs untouched)"
        )
        oca = measure(env, "OCA wizard", lambda: run_oca(env, company))
        le97 = measure(env, "Le 97 batch", lambda: run_le97(env, company))
        ratio = oca[0] / le97[0] if le97[0] else float("inf")
        print(f"  ratio OCA / Le 97: {ratio:.1f}x")
        rows.append((donors, oca, le97, ratio))
        env.cr.execute("ROLLBACK TO SAVEPOINT le97_bench_data")
        env.invalidate_all()
    print()
    print("| donors | OCA s | OCA queries | Le 97 s | Le 97 queries | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for donors, oca, le97, ratio in rows:
        print(
            f"| {donors} | {oca[0]:.2f} | {oca[1]} | {le97[0]:.2f} | {le97[1]} "
            f"| {ratio:.1f}x |"
        )
    env.cr.rollback()


main(env)  # noqa: F821 - ``env`` is given by odoo-bin shell
