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

import base64
import os
import time
import uuid

from odoo import Command, fields
from odoo.tools.misc import file_open

N = int(os.environ.get("LE97_BENCH_ORDERS", "500"))

env = env  # noqa: F821 - provided by odoo-bin shell
# the barman's closing, by a user of the Point of Sale (the administrator)
env = env(user=env.ref("base.user_admin"))
cr = env.cr
company = env.company
company._le97_pive_setup()
company.write(
    {
        "street": company.street or "97 rue Battant",
        "zip": company.zip or "25000",
        "city": company.city or "Besançon",
        "fund_siren": company.fund_siren or "732829320",
        "fund_object": company.fund_object or "Soutenir le tiers-lieu Le 97.",
        "fund_signatory_name": company.fund_signatory_name or "Camille Martin",
        "fund_signatory_title": company.fund_signatory_title or "Présidente",
        "fund_receipt_art_200": True,
        "fund_signature": company.fund_signature
        or base64.b64encode(
            file_open("le97_base/static/description/demo_signature.png", "rb").read()
        ),
    }
)
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
# l10n_fr_pos_cert chains a company's orders by number: demo orders made
# before it have none (see le97_pive_pos's tests)
if "l10n_fr_secure_sequence_number" in env["pos.order"]._fields:
    cr.execute(
        "UPDATE pos_order SET l10n_fr_secure_sequence_number = -id "
        "WHERE l10n_fr_secure_sequence_number IS NULL"
    )
    env["pos.order"].invalidate_model(["l10n_fr_secure_sequence_number"])


def order_vals(session, i, second, pive):
    total = 3.5 + 5.0
    if not pive:
        payments = [(cash, total)]
    elif i % 3 == 0:
        payments = [(digital, total)]
    else:
        payments = [(notes, 4.0), (cash, total - 4.0)]
    ref = str(uuid.uuid4())
    partner = donors[i // 2] if second == gift and i % 2 == 0 else False
    return {
        "uuid": ref,
        "name": f"Order {ref}",
        "session_id": session.id,
        "user_id": env.uid,
        "pricelist_id": config.pricelist_id.id,
        "partner_id": partner.id if partner else False,
        "fiscal_position_id": False,
        "sequence_number": i + 1,
        "date_order": fields.Datetime.to_string(fields.Datetime.now()),
        "amount_total": total,
        "amount_tax": 0.0,
        "amount_paid": total,
        "amount_return": 0.0,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": [
            Command.create(
                {
                    "product_id": product.id,
                    "qty": 1,
                    "price_unit": price,
                    "price_subtotal": price,
                    "price_subtotal_incl": price,
                    "tax_ids": [Command.clear()],
                    "pack_lot_ids": [],
                }
            )
            for product, price in ((drink, 3.5), (second, 5.0))
        ],
        "payment_ids": [
            Command.create(
                {
                    "amount": amount,
                    "name": fields.Datetime.now(),
                    "payment_method_id": method.id,
                }
            )
            for method, amount in payments
        ],
    }


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
