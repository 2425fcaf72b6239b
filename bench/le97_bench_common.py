# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the benchmarks of the yearly receipts share: the fund, the data (built
with set-based SQL) and the measure of one run in a savepoint."""

import base64
import time

from odoo.tools.misc import file_open

GIFTS_PER_DONOR = 3
YEAR = 2025


def prepare_fund(env):
    company = env.company
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
                file_open(
                    "le97_base/static/description/demo_signature.png", "rb"
                ).read()
            ),
        }
    )
    # Kept for the whole run: the data savepoints are rolled back after it.
    env.flush_all()
    return company


def build_data(env, company, donors):
    """``donors`` individuals with a complete address and 3 validated gifts
    each in YEAR, asking for a yearly receipt: one INSERT ... SELECT per table."""
    cr = env.cr
    env.flush_all()
    fr = env.ref("base.fr")
    product = env["product.product"].search(
        [("tax_receipt_ok", "=", True), ("donation_type", "=", "donation")], limit=1
    ) or env["product.product"].create(
        {
            "name": "Bench gift",
            "type": "service",
            "donation_type": "donation",
            "taxes_id": [(5,)],
        }
    )
    method_line = env["account.payment.method.line"].search(
        [("journal_id.company_id", "=", company.id), ("donation", "=", True)],
        limit=1,
    ) or env["account.payment.method.line"].search(
        [("journal_id.company_id", "=", company.id)], limit=1
    )
    cr.execute(
        """
        INSERT INTO res_partner
            (name, complete_name, street, zip, city, country_id, email, lang,
             active, type, is_company, tax_receipt_option, autopost_bills,
             create_uid, write_uid, create_date, write_date)
        SELECT 'Bench donor ' || n, 'Bench donor ' || n, n || ' rue Battant',
               '25000', 'Besançon', %(country)s, 'donor' || n || '@example.com',
               'fr_FR', true, 'contact', false, 'annual', 'ask',
               %(uid)s, %(uid)s, now(), now()
          FROM generate_series(1, %(donors)s) AS n
        RETURNING id
        """,
        {"country": fr.id, "uid": env.uid, "donors": donors},
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        (partner_ids,),
    )
    cr.execute(
        """
        INSERT INTO donation_donation
            (number, partner_id, commercial_partner_id, country_id, currency_id,
             company_id, donation_date, state, tax_receipt_option,
             amount_total, amount_total_company_currency, tax_receipt_total,
             check_total, payment_method_line_id, le97_gift_form,
             le97_payment_means, le97_counterpart_value,
             create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH-' || p.id || '-' || g, p.id, p.id, %(country)s,
               %(currency)s, %(company)s,
               make_date(%(year)s, g * 3, 10), 'done', 'annual',
               10 * g, 10 * g, 10 * g, 10 * g, %(method)s, 'manual_gift',
               'cheque', 0,
               %(uid)s, %(uid)s, now(), now()
          FROM unnest(%(partners)s::int[]) AS p(id),
               generate_series(1, %(gifts)s) AS g
        RETURNING id, tax_receipt_total
        """,
        {
            "country": fr.id,
            "currency": company.currency_id.id,
            "company": company.id,
            "year": YEAR,
            "method": method_line.id or None,
            "uid": env.uid,
            "partners": partner_ids,
            "gifts": GIFTS_PER_DONOR,
        },
    )
    donations = cr.fetchall()
    cr.execute(
        """
        INSERT INTO donation_line
            (donation_id, company_id, currency_id, product_id, quantity,
             unit_price, amount, amount_company_currency, tax_receipt_amount,
             le97_nature, create_uid, write_uid, create_date, write_date)
        SELECT d.id, %(company)s, %(currency)s, %(product)s, 1, d.total, d.total,
               d.total, d.total, 'cash', %(uid)s, %(uid)s, now(), now()
          FROM unnest(%(ids)s::int[], %(totals)s::numeric[]) AS d(id, total)
        """,
        {
            "company": company.id,
            "currency": company.currency_id.id,
            "product": product.id,
            "uid": env.uid,
            "ids": [d[0] for d in donations],
            "totals": [d[1] for d in donations],
        },
    )
    env.invalidate_all()
    return partner_ids


def measure(env, label, func):
    """Run ``func`` in a savepoint rolled back afterwards; return (seconds,
    queries, receipts created)."""
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    cr.execute("SAVEPOINT le97_bench")
    receipt_model = env["donation.tax.receipt"]
    before = receipt_model.search_count([])
    queries = cr.sql_log_count
    start = time.perf_counter()
    func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = cr.sql_log_count - queries
    created = receipt_model.search_count([]) - before
    cr.execute("ROLLBACK TO SAVEPOINT le97_bench")
    env.invalidate_all()
    env.registry.clear_cache()
    print(
        f"  {label:<12} {elapsed:8.2f} s  {queries:8d} queries  {created:6d} receipts"
    )
    return elapsed, queries, created
