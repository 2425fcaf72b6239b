# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Yearly receipts delivered end to end: Le 97 against the OCA path.

Run inside ``odoo-bin shell`` on a SCRATCH database where le97_donation is
installed, from the repository's root, while an Odoo server of the same
database answers at LE97_BENCH_REPORT_URL (wkhtmltopdf fetches the style
sheets of the receipts from it; see bench/README.md)::

    odoo-bin shell -d SCRATCH_DB --addons-path=... --no-http \\
        < bench/bench_receipt_delivery.py

For each size (LE97_BENCH_SIZES, default 1,000 then 10,000 donors, 3 gifts
each), on the same data and in the same transaction (savepoints rolled back):

* the OCA path: OCA's annual wizard (``tax.receipt.annual.create``), then OCA's
  receipt PDF (``donation_base.report_donationtaxreceipt``) of each receipt,
  one wkhtmltopdf run each as OCA prints them. The PDFs of a sample
  (LE97_BENCH_OCA_PDF_SAMPLE receipts, default 100) are rendered for real and
  their time per receipt is multiplied by the number of receipts: rendering
  10,000 of them would take hours. The printed line says so.
* the Le 97 path, everything the donor waits for: the yearly batch
  (``donation.tax.receipt.yearly``), the bulk sending of every receipt
  (``donation.tax.receipt.send``), then the scheduled action run until every
  original PDF is stored (SHA-256 recorded) and every donor's e-mail is queued
  with its PDF (``_le97_cron_render_originals``, what the cron worker runs).

It prints the times, SQL queries (in all and per receipt), PDF bytes per
receipt and the ratio OCA / Le 97. Nothing is committed.
"""

import os
import sys
import time
import urllib.request

# the scripts are run from the repository's root (see bench/README.md)
sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
from le97_bench_common import (
    GIFTS_PER_DONOR,
    YEAR,
    build_data,
    prepare_fund,
)

SIZES = [int(s) for s in os.environ.get("LE97_BENCH_SIZES", "1000,10000").split(",")]
OCA_PDF_SAMPLE = int(os.environ.get("LE97_BENCH_OCA_PDF_SAMPLE", "100"))
REPORT_URL = os.environ.get("LE97_BENCH_REPORT_URL", "http://127.0.0.1:8069")
OCA_REPORT = "donation_base.report_donationtaxreceipt"


def check_server():
    try:
        urllib.request.urlopen(REPORT_URL + "/web/login", timeout=30).read()
    except OSError as error:
        raise SystemExit(
            f"No Odoo server answers at {REPORT_URL} ({error}): start one on this "
            "database (wkhtmltopdf takes the receipts' style sheets from it) or "
            "set LE97_BENCH_REPORT_URL."
        ) from error


class Clock:
    """Seconds and SQL queries of the phases of one run."""

    def __init__(self, env):
        self.env = env
        self.phases = []
        self._mark()

    def _mark(self):
        self.env.flush_all()
        self.start = time.perf_counter()
        self.queries = self.env.cr.sql_log_count

    def lap(self, label):
        self.env.flush_all()
        self.phases.append(
            (
                label,
                time.perf_counter() - self.start,
                self.env.cr.sql_log_count - self.queries,
            )
        )
        self._mark()

    @property
    def seconds(self):
        return sum(phase[1] for phase in self.phases)

    @property
    def query_count(self):
        return sum(phase[2] for phase in self.phases)


def in_savepoint(env, func):
    env.flush_all()
    env.invalidate_all()
    env.cr.execute("SAVEPOINT le97_bench_run")
    try:
        result = func()
        env.flush_all()
        return result
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT le97_bench_run")
        env.invalidate_all(flush=False)
        env.registry.clear_cache()


def oca_report(env):
    """OCA's own receipt report (Le 97 turned the OCA action into the CERFA):
    an action of its own, in the savepoint, on OCA's template."""
    return (
        env["ir.actions.report"]
        .sudo()
        .create(
            {
                "name": "OCA tax receipt (bench)",
                "model": "donation.tax.receipt",
                "report_type": "qweb-pdf",
                "report_name": OCA_REPORT,
            }
        )
    )


def run_oca(env, company, donors):
    def run():
        receipt_model = env["donation.tax.receipt"]
        last = receipt_model.search([], order="id desc", limit=1).id or 0
        clock = Clock(env)
        wizard = env["tax.receipt.annual.create"].create(
            {
                "start_date": f"{YEAR}-01-01",
                "end_date": f"{YEAR}-12-31",
                "company_id": company.id,
            }
        )
        wizard.generate_annual_receipts()
        clock.lap("OCA annual wizard")
        receipts = receipt_model.search([("id", ">", last)], order="id")
        count = len(receipts)
        assert count == donors, (count, donors)
        report = oca_report(env)
        sample = receipts[:OCA_PDF_SAMPLE]
        clock._mark()
        size = 0
        for receipt in sample:
            content, _type = report._render_qweb_pdf(report, receipt.ids)
            size += len(content)
        env.flush_all()
        sample_seconds = time.perf_counter() - clock.start
        sample_queries = env.cr.sql_log_count - clock.queries
        factor = count / len(sample) if sample else 0
        clock.phases.append(
            (
                f"OCA PDFs: {len(sample)} rendered in {sample_seconds:.1f} s, "
                f"x{factor:.0f} for {count}",
                sample_seconds * factor,
                round(sample_queries * factor),
            )
        )
        return clock, count, size / len(sample) if sample else 0

    return in_savepoint(env, run)


def run_le97(env, company, donors):
    def run():
        receipt_model = env["donation.tax.receipt"]
        clock = Clock(env)
        yearly = env["donation.tax.receipt.yearly"].create(
            {"year": YEAR, "company_id": company.id}
        )
        yearly.action_issue()
        receipts = yearly.receipt_ids
        clock.lap("Le 97 yearly batch")
        sender = (
            env["donation.tax.receipt.send"]
            .with_context(active_model=receipt_model._name, active_ids=receipts.ids)
            .create({})
        )
        sender.action_send()
        mailing = sender.mailing_id
        clock.lap("Le 97 sending (the user's request)")
        runs = 0
        while receipt_model.search_count(
            [
                "|",
                ("le97_pdf_attachment_id", "=", False),
                ("le97_mailing_id", "!=", False),
            ]
        ):
            receipt_model._le97_cron_render_originals(auto_commit=False)
            runs += 1
        clock.lap(f"Le 97 originals + e-mails queued ({runs} runs of the cron job)")
        env.invalidate_all()
        receipts = receipt_model.browse(receipts.ids)
        attachments = receipts.le97_pdf_attachment_id
        mails = mailing.sudo().mail_ids
        assert len(attachments) == len(receipts), "an original is missing"
        assert all(receipts.mapped("le97_pdf_sha256")), "a fingerprint is missing"
        assert len(mails) == len(receipts.partner_id) == donors, (len(mails), donors)
        assert set(mails.mapped("state")) == {"outgoing"}, "queued, not sent"
        assert len(mails.attachment_ids) == len(receipts), "a PDF is not attached"
        size = sum(attachments.mapped("file_size")) / len(receipts)
        return clock, len(receipts), size

    return in_savepoint(env, run)


def print_run(label, clock, count, size):
    print(f"  {label}")
    for phase, seconds, queries in clock.phases:
        print(f"    {phase:<62} {seconds:9.2f} s {queries:9d} queries")
    print(
        f"    {'total':<62} {clock.seconds:9.2f} s {clock.query_count:9d} queries"
        f"  ({clock.query_count / count:.2f} per receipt, {size / 1024:.1f} KB "
        f"of PDF per receipt)"
    )


def main(env):
    check_server()
    company = prepare_fund(env)
    env["ir.config_parameter"].sudo().set_param("report.url", REPORT_URL)
    rows = []
    for donors in SIZES:
        env.cr.execute("SAVEPOINT le97_bench_data")
        start = time.perf_counter()
        build_data(env, company, donors)
        print(
            f"{donors} donors x {GIFTS_PER_DONOR} gifts built in "
            f"{time.perf_counter() - start:.1f} s"
        )
        oca = run_oca(env, company, donors)
        print_run("OCA path", *oca)
        le97 = run_le97(env, company, donors)
        print_run("Le 97 path", *le97)
        ratio = oca[0].seconds / le97[0].seconds
        print(f"  ratio OCA / Le 97: {ratio:.1f}x")
        rows.append((donors, oca, le97, ratio))
        env.cr.execute("ROLLBACK TO SAVEPOINT le97_bench_data")
        env.invalidate_all()
    print()
    print(
        "| donors | OCA s (PDFs extrapolated) | Le 97 s | Le 97 queries per receipt "
        "| Le 97 PDF KB per receipt | OCA PDF KB | ratio |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for donors, oca, le97, ratio in rows:
        print(
            f"| {donors} | {oca[0].seconds:.0f} | {le97[0].seconds:.0f} "
            f"| {le97[0].query_count / le97[1]:.2f} | {le97[2] / 1024:.1f} "
            f"| {oca[2] / 1024:.1f} | {ratio:.1f}x |"
        )
    env.cr.rollback()


main(env)  # noqa: F821 - ``env`` is given by odoo-bin shell
