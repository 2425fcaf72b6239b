# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Closing a Point of Sale session with Pive payments and gifts, against
Odoo's own closing of the same orders paid in euros.

Run on a scratch database where le97_pive_pos and le97_donation_pos are
installed (French company)::

    $ODOO/venv/bin/python $ODOO/odoo-bin shell -d DB --addons-path=... \
        --no-http < bench/bench_pos_closing.py

What the barman waits for is the closing of the register: the session's
entries, and with the bridges the Pive journals' payments and one validated
donation (with its receipt when the donor may get one) per order with a gift.
Each run syncs LE97_BENCH_ORDERS orders (500 by default) in a new session,
then closes it; only the closing is timed. Everything is rolled back.

* baseline: each order is a drink (3.50) and a pay-what-you-can price (5.00)
  paid in euros cash: Odoo's closing, nothing of Le 97 at work;
* Pive: the same orders paid half in Pive notes (whole notes), the rest in
  euros, every third one in digital Pive;
* Pive and gifts: the same, the pay-what-you-can price replaced by a 5.00
  gift: one donation per order at the closing (half with a receipt-ready
  donor, half anonymous);
* the second baseline: the same gifts recorded by a treasurer in the back
  office, N donations created and validated in one batch, which is what the
  closing spares: the ratio compares the closing with gifts to the closing
  plus those donations.
"""

import os
import sys
import time

from odoo import Command, fields

from odoo.addons.le97_pive_pos.tests.common import number_demo_orders, pos_order_vals

# the scripts are run from the repository's root (see bench/README.md)
sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
from le97_bench_common import prepare_fund

N = int(os.environ.get("LE97_BENCH_ORDERS", "500"))

env = env  # noqa: F821 - provided by odoo-bin shell
# the barman's closing, by a user of the Point of Sale (the administrator)
env = env(user=env.ref("base.user_admin"))
cr = env.cr
company = prepare_fund(env)
company._le97_pive_setup()
methods = company._le97_pive_pos_setup()
notes = methods.filtered(lambda m: m.le97_pive_medium == "paper")
digital = methods - notes
env["pos.config"].search([("payment_method_ids", "in", notes.ids)]).write(
    {"payment_method_ids": [Command.unlink(notes.id)]}
)
cash_journal = env["account.journal"].create(
    {"name": "Bench bar cash", "code": "BNCH", "type": "cash"}
)
cash = env["pos.payment.method"].create(
    {"name": "Bench cash", "journal_id": cash_journal.id}
)
sale_journal = env["account.journal"].create(
    {"name": "Bench bar sales", "code": "BNCV", "type": "sale"}
)
account = env["account.account"]
income = account.search(
    [*account._check_company_domain(company), ("code", "=like", "707%")], limit=1
)
service = account.search(
    [*account._check_company_domain(company), ("code", "=like", "706%")], limit=1
)
drink = env["product.product"].create(
    {
        "name": "Bench drink",
        "type": "consu",
        "available_in_pos": True,
        "list_price": 3.5,
        "taxes_id": [Command.clear()],
        "property_account_income_id": income.id,
    }
)
pay_what_you_can = env["product.product"].create(
    {
        "name": "Bench prix libre",
        "type": "service",
        "available_in_pos": True,
        "le97_gift_kind": "service",
        "list_price": 5.0,
        "taxes_id": [Command.clear()],
        "property_account_income_id": service.id,
    }
)
gift = env.ref("le97_donation_pos.product_product_pos_gift")
fr = env.ref("base.fr")
donors = env["res.partner"].create(
    [
        {
            "name": f"Bench donor {i}",
            "street": f"{i} rue Battant",
            "zip": "25000",
            "city": "Besançon",
            "country_id": fr.id,
        }
        for i in range(N // 2)
    ]
)
config = env["pos.config"].create(
    {
        "name": "Bench bar",
        "journal_id": sale_journal.id,
        "invoice_journal_id": sale_journal.id,
        "payment_method_ids": [Command.set((cash | notes | digital).ids)],
    }
)
number_demo_orders(env)


def order_vals(session, i, second, pive):
    """A drink and ``second`` (a pay-what-you-can price or a gift)."""
    total = 3.5 + 5.0
    if not pive:
        payments = [(cash, total)]
    elif i % 3 == 0:
        payments = [(digital, total)]
    else:
        payments = [(notes, 4.0), (cash, total - 4.0)]
    partner = donors[i // 2] if second == gift and i % 2 == 0 else None
    vals = pos_order_vals(
        session, [(drink, 1, 3.5), (second, 1, 5.0)], payments, partner=partner
    )
    vals["sequence_number"] = i + 1
    return vals


def run(label, second, pive):
    savepoint = cr.savepoint()
    config.open_ui()
    session = config.current_session_id
    session.set_opening_control(0, None)
    env["pos.order"].sync_from_ui(
        [order_vals(session, i, second, pive) for i in range(N)]
    )
    orders = session.order_ids
    counted = sum(
        orders.payment_ids.filtered(lambda p: p.payment_method_id == cash).mapped(
            "amount"
        )
    )
    session.post_closing_cash_details(counted)
    env.flush_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    result = session.close_session_from_ui()
    env.flush_all()
    elapsed = time.perf_counter() - start
    count = cr.sql_log_count - queries
    assert result["successful"], result
    donations = env["donation.donation"].search(
        [("le97_pos_order_id.session_id", "=", session.id)]
    )
    receipts = donations.tax_receipt_id
    print(
        f"{label:<44} {elapsed:8.2f} s {count:8d} queries "
        f"{len(orders):5d} orders {len(donations):5d} donations "
        f"{len(receipts):5d} receipts"
    )
    savepoint.close(rollback=True)
    env.invalidate_all()
    return elapsed


def run_donations_by_hand(label):
    """The same gifts recorded by a treasurer in the back office: N donations
    created and validated in one batch (le97_donation), paid in cash."""
    savepoint = cr.savepoint()
    method_line = cash_journal._le97_donation_method_line()
    if not method_line.payment_account_id:
        method_line.payment_account_id = cash_journal.default_account_id
    vals_list = [
        {
            "partner_id": (
                donors[i // 2]
                if i % 2 == 0
                else env.ref("le97_donation_pos.res_partner_pos_anonymous_donor")
            ).id,
            "donation_date": fields.Date.context_today(env.user),
            "payment_method_line_id": method_line.id,
            "tax_receipt_option": "each" if i % 2 == 0 else "none",
            "line_ids": [
                Command.create(
                    {"product_id": gift.id, "quantity": 1, "unit_price": 5.0}
                )
            ],
        }
        for i in range(N)
    ]
    env.flush_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    donations = env["donation.donation"].sudo().create(vals_list)
    donations.validate()
    env.flush_all()
    elapsed = time.perf_counter() - start
    count = cr.sql_log_count - queries
    print(
        f"{label:<44} {elapsed:8.2f} s {count:8d} queries "
        f"{'':5s}       {len(donations):5d} donations "
        f"{len(donations.tax_receipt_id):5d} receipts"
    )
    savepoint.close(rollback=True)
    env.invalidate_all()
    return elapsed


print(f"Closing a session of {N} orders")
baseline = run("baseline: euros only, Odoo's closing", pay_what_you_can, False)
pive = run("Pive notes, digital and euros", pay_what_you_can, True)
gifts = run("Pive, euros and a gift per order", gift, True)
by_hand = run_donations_by_hand("baseline: the gifts as donations by hand")
print(f"ratio Pive / baseline:          {pive / baseline:6.2f}")
print(
    "ratio gifts at the closing / (closing + the same donations by hand): "
    f"{gifts / (pive + by_hand):6.2f}"
)
print(f"ratio Pive and gifts / baseline: {gifts / baseline:6.2f}")
print(f"per order with a gift: {1000 * (gifts - pive) / N:.1f} ms more")
env.cr.rollback()
