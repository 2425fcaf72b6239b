# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counter payments against plain cash payments, and a 10,000-line wallet import.

Run on a scratch database where le97_pive is installed (French company)::

    $ODOO/venv/bin/python $ODOO/odoo-bin shell -d DB --addons-path=... \
        --no-http < bench/bench_pive_payment.py

Everything is rolled back at the end. Prints both times, the ratio and the SQL
query counts. The wallet import is measured on 10,000 lines spread over a month
and over a year, each imported twice; its baseline is Odoo's own way, one
statement line per transaction (set LE97_BENCH_BASELINE=0 to skip it: it takes
minutes).
"""

import base64
import os
import random
import time
from datetime import date, timedelta

N = 1000
N_WALLET = 10000

env = env  # noqa: F821 - provided by odoo-bin shell
company = env.company
company._le97_pive_setup()
cr = env.cr


def measure(label, func):
    env.flush_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    count = cr.sql_log_count - queries
    print(f"{label:<48} {elapsed:8.2f} s {count:8d} queries")
    return elapsed, count


# Baseline: a plain account.payment posted in the company's (euro) cash journal
cash = env["account.journal"].search(
    [
        *env["account.journal"]._check_company_domain(company),
        ("type", "=", "cash"),
        ("currency_id", "in", (False, company.currency_id.id)),
    ],
    limit=1,
)
method_line = cash.inbound_payment_method_line_ids[:1]
if not method_line.payment_account_id:
    # so that the baseline payment posts a journal entry, as a counter does
    method_line.payment_account_id = cash.default_account_id
partner = env["res.partner"].create({"name": "Bench payer"})
bar = env.ref("le97_pive.purpose_bar")


def baseline():
    Payment = env["account.payment"]
    for i in range(N):
        payment = Payment.create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": partner.id,
                "amount": 1 + i % 20,
                "journal_id": cash.id,
                "payment_method_line_id": method_line.id,
            }
        )
        payment.action_post()


def counter_one_by_one():
    Payment = env["le97.pive.payment"]
    for i in range(N):
        payment = Payment.create(
            {
                "amount": 1 + i % 20,
                "medium": "paper",
                "purpose_id": bar.id,
                "payer_id": partner.id,
            }
        )
        payment.action_post()


def counter_batch():
    payments = env["le97.pive.payment"].create(
        [
            {
                "amount": 1 + i % 20,
                "medium": "digital",
                "purpose_id": bar.id,
                "payer_id": partner.id,
            }
            for i in range(N)
        ]
    )
    payments._le97_post()


print(f"== {N} payments, company {company.name}")
base_time, _base_q = measure(f"account.payment in cash journal x{N}", baseline)
one_time, _one_q = measure(f"le97.pive.payment one by one x{N}", counter_one_by_one)
batch_time, _batch_q = measure(f"le97.pive.payment in one batch x{N}", counter_batch)
print(f"ratio counter (one by one) / account.payment: {one_time / base_time:.2f}")
print(f"ratio counter (batch) / account.payment:      {batch_time / base_time:.2f}")


# Wallet import: 10,000 lines. The first thousand are the digital payments
# recorded above (same day, same amounts): they are matched, the others are
# spread over the period and go to statement lines, one per day and direction.
def wallet_file(days, prefix):
    random.seed(97)
    today = date.today()
    rows = ["date,counterpart,label,amount,transaction_id"]
    for i in range(N_WALLET):
        if i < N:
            day, amount = today, f"{1 + i % 20:.2f}"
        else:
            day = today - timedelta(days=random.randint(0, days - 1))
            amount = f"{random.choice([-1, 1]) * random.randint(100, 99999) / 100:.2f}"
        rows.append(
            f"{day.isoformat()},Membre {i},Transaction {i},{amount},{prefix}{i}"
        )
    return base64.b64encode("\n".join(rows).encode())


def wallet_wizard(data):
    return env["le97.pive.wallet.import"].create(
        {"data_file": data, "filename": "bench.csv"}
    )


results = {}
for days, label in ((31, "a month"), (365, "a year")):
    data = wallet_file(days, f"BENCH{days}-")
    cr.execute("SAVEPOINT wallet")
    wizard = wallet_wizard(data)
    elapsed, queries = measure(
        f"wallet import, {N_WALLET} lines over {label}", wizard.action_import
    )
    results[days] = elapsed
    print(
        f"  {wizard.imported_count} transactions, {wizard.matched_count} matched "
        f"payments, {wizard.created_count} statement lines, {elapsed:.2f} s, "
        f"{queries} queries (target < 30 s)"
    )
    again = wallet_wizard(data)
    again_time, again_q = measure("  the same file again", again.action_import)
    print(
        f"  second import: {again.imported_count} imported, {again.skipped_count} "
        f"skipped, {again_time:.2f} s, {again_q} queries"
    )
    cr.execute("ROLLBACK TO SAVEPOINT wallet")
    env.invalidate_all()

# Baseline: Odoo's own statement lines, one per transaction (what a statement
# import addon does), for the unmatched transactions of the month file.
if os.environ.get("LE97_BENCH_BASELINE", "1") == "1":
    data = wallet_file(31, "BASE-")
    wizard = wallet_wizard(data)
    rows = wizard._le97_read_rows()
    matches = wizard._le97_match_payments(rows)
    vals_list = [
        {
            "journal_id": wizard.journal_id.id,
            "date": row["date"],
            "amount": row["amount"],
            "payment_ref": row["label"],
            "partner_name": row["counterpart"],
        }
        for row in rows
        if row["transaction"] not in matches
    ]
    base_wallet, base_wallet_q = measure(
        f"Odoo statement lines, one per transaction x{len(vals_list)}",
        lambda: env["account.bank.statement.line"].create(vals_list),
    )
    print(
        f"ratio wallet import (a month) / one statement line per transaction: "
        f"{results[31] / base_wallet:.3f}"
    )
cr.rollback()
