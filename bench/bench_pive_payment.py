# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counter payments against plain cash payments, and a 10,000-line wallet import.

Run on a scratch database where le97_pive is installed (French company)::

    $ODOO/venv/bin/python $ODOO/odoo-bin shell -d DB --addons-path=... \
        --no-http < bench/bench_pive_payment.py

Everything is rolled back at the end. Prints both times, the ratio and the SQL
query counts.
"""

import base64
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

# Wallet import: 10,000 lines, a tenth matching the digital payments above
random.seed(97)
today = date.today()
rows = ["date,counterpart,label,amount,transaction_id"]
for i in range(N_WALLET):
    day = today - timedelta(days=random.randint(0, 30))
    if i < N // 10:
        day, amount = today, f"{1 + i % 20:.2f}"
    else:
        amount = f"{random.choice([-1, 1]) * random.randint(100, 99999) / 100:.2f}"
    rows.append(f"{day.isoformat()},Membre {i},Transaction {i},{amount},BENCH-{i}")
data = base64.b64encode("\n".join(rows).encode())
wizard = env["le97.pive.wallet.import"].create(
    {"data_file": data, "filename": "bench.csv"}
)
wallet_time, wallet_q = measure(
    f"wallet import of {N_WALLET} lines", wizard.action_import
)
print(
    f"wallet import: {wizard.created_count} statement lines, "
    f"{wizard.matched_count} matched payments, {wallet_time:.2f} s, "
    f"{wallet_q} queries (target < 30 s)"
)
again = env["le97.pive.wallet.import"].create(
    {"data_file": data, "filename": "bench.csv"}
)
again_time, again_q = measure("same file again", again.action_import)
print(
    f"second import: {again.created_count} created, {again.skipped_count} "
    f"skipped, {again_time:.2f} s, {again_q} queries"
)
cr.rollback()
