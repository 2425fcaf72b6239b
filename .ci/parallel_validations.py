#!/usr/bin/env python3
"""Validate gifts in parallel on a real multi-worker Odoo.

Starts ``odoo-bin --workers=2`` with one cron worker on DATABASE (a database
with the Le 97 addons installed; it is changed: use a copy), then over
JSON-RPC, as the administrator (a treasurer and receipts administrator):

1. sets up the fund of the main company and one donor, creates COUNT draft
   gifts with a receipt per gift;
2. validates them in COUNT parallel JSON-RPC calls (threads): every call must
   answer, without error, within ANSWER_TIMEOUT seconds (the validation does
   not render the receipt's PDF: with the PDF rendered in the request,
   wkhtmltopdf asked the busy workers for its style sheets and two validations
   deadlocked);
3. checks the receipt numbers: one per gift, unique, and the year's numbers
   gapless;
4. waits (CRON_TIMEOUT) for the scheduled action to store every original PDF,
   then checks each one against its SHA-256 and that wkhtmltopdf reached the
   server for its style sheets.

Prints one ``PASS``/``FAIL`` line per check and, last,
``parallel_validations: N passed, N failed``. The server log (--logfile) is
left for the caller's WARNING/ERROR gate. Exit status 1 on any failure.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIGNATURE = REPO / "le97_base" / "static" / "description" / "demo_signature.png"
NUMBER = re.compile(r"^(\d{4})-(\d{5})$")


class Rpc:
    """A minimal JSON-RPC client of /jsonrpc (one connection per call, so it
    is safe to use from many threads)."""

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/") + "/jsonrpc"
        self.db = db
        self.password = password
        self.uid = self.call("common", "login", db, login, password)
        if not self.uid:
            raise RuntimeError(f"cannot log in as {login}")

    def call(self, service, method, *args, timeout=120):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
            "id": 1,
        }
        request = urllib.request.Request(
            self.url,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            error = answer["error"]
            message = error.get("data", {}).get("message") or error.get("message")
            raise RuntimeError(message)
        return answer.get("result")  # absent when the method returns None

    def __call__(self, model, method, *args, timeout=120, **kwargs):
        return self.call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
            timeout=timeout,
        )


class Check:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, ok, label, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"{'PASS' if ok else 'FAIL'}: {label}{' - ' + detail if detail else ''}")
        sys.stdout.flush()
        return ok


def start_server(args):
    cmd = [
        str(Path(args.odoo_path) / "venv" / "bin" / "python"),
        str(Path(args.odoo_path) / "odoo-bin"),
        f"--addons-path={args.addons_path}",
        f"--database={args.db}",
        f"--db-filter=^{re.escape(args.db)}$",
        f"--logfile={args.logfile}",
        "--log-level=info",
        "--no-database-list",
        "--workers=2",
        "--max-cron-threads=1",
        f"--http-port={args.port}",
        f"--gevent-port={args.port + 1}",
        "--limit-time-real=120",
        # the cron worker renders the PDFs: the setting advised in CONFIGURE.md
        "--limit-time-real-cron=600",
    ]
    err = open(f"{args.logfile}.stderr", "w", encoding="utf-8")
    return subprocess.Popen(
        cmd,
        cwd=args.odoo_path,
        stdout=err,
        stderr=err,
        start_new_session=True,
    )


def stop_server(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def append_stderr(logfile):
    """What the server wrote outside its log (a crash before logging) goes
    into the log, for the caller's gate."""
    err = Path(f"{logfile}.stderr")
    if not err.exists():
        return
    lines = [
        line
        for line in err.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip() != "Running as user 'root' is a security risk."
    ]
    if lines:
        with open(logfile, "a", encoding="utf-8") as log:
            log.write("\n".join(lines) + "\n")
    err.unlink()


def wait_http(url, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/web/login", timeout=10) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    return False


def setup(rpc, url, count):
    """Fund, donor, COUNT draft gifts with a receipt per gift: their ids."""
    rpc("ir.config_parameter", "set_param", "report.url", url)
    france = rpc("res.country", "search", [("code", "=", "FR")], limit=1)[0]
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0]["company_id"][0]
    rpc(
        "res.company",
        "write",
        [company_id],
        {
            "street": "97 rue Battant",
            "zip": "25000",
            "city": "Besançon",
            "country_id": france,
            "fund_siren": "732829320",
            "fund_object": "Soutenir le tiers-lieu Le 97.",
            "fund_signatory_name": "Camille Martin",
            "fund_signatory_title": "Présidente",
            "fund_signature": base64.b64encode(SIGNATURE.read_bytes()).decode(),
            "fund_legal_form": "endowment_fund",
            "fund_receipt_art_200": True,
        },
    )
    donor = rpc(
        "res.partner",
        "create",
        {
            "name": "Donatrice Parallèle",
            "street": "12 rue des Granges",
            "zip": "25000",
            "city": "Besançon",
            "country_id": france,
            "lang": "fr_FR",
        },
    )
    product = rpc(
        "ir.model.data",
        "search_read",
        [("module", "=", "le97_donation"), ("name", "=", "product_product_gift")],
        ["res_id"],
    )[0]["res_id"]
    method_line = rpc(
        "account.payment.method.line",
        "search",
        [
            ("donation", "=", True),
            ("payment_type", "=", "inbound"),
            ("journal_id.type", "=", "bank"),
            ("journal_id.company_id", "=", company_id),
        ],
        limit=1,
    )[0]
    return rpc(
        "donation.donation",
        "create",
        [
            {
                "partner_id": donor,
                "payment_method_line_id": method_line,
                "tax_receipt_option": "each",
                "line_ids": [
                    (0, 0, {"product_id": product, "quantity": 1, "unit_price": 10 + i})
                ],
            }
            for i in range(count)
        ],
    )


def validate_in_parallel(rpc, donation_ids, timeout):
    """Validate each gift in its own thread, all released at once:
    {id: (seconds, error or None)}."""
    results = {}
    barrier = threading.Barrier(len(donation_ids))

    def validate(donation_id):
        barrier.wait()
        started = time.monotonic()
        try:
            rpc("donation.donation", "validate", [donation_id], timeout=timeout)
            error = None
        except Exception as exc:  # reported as a failure
            error = f"{type(exc).__name__}: {exc}"
        results[donation_id] = (time.monotonic() - started, error)

    threads = [
        threading.Thread(target=validate, args=(donation_id,))
        for donation_id in donation_ids
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 30)
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--odoo-path", default=os.environ.get("ODOO_PATH", "/opt/odoo18")
    )
    parser.add_argument("--addons-path")
    parser.add_argument("--port", type=int, default=8179)
    parser.add_argument("--logfile", required=True)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--answer-timeout", type=int, default=60)
    parser.add_argument("--cron-timeout", type=int, default=900)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    args = parser.parse_args()
    odoo = Path(args.odoo_path)
    args.addons_path = args.addons_path or ",".join(
        [str(odoo / "addons"), str(odoo / "odoo" / "addons"), str(REPO)]
    )
    Path(args.logfile).unlink(missing_ok=True)
    url = f"http://127.0.0.1:{args.port}"
    check = Check()

    def terminate(_signum, _frame):
        raise SystemExit("terminated")

    signal.signal(signal.SIGTERM, terminate)  # the server is stopped below
    proc = start_server(args)
    try:
        if not check(wait_http(url, 180), "the server with 2 workers answers"):
            return finish(check)
        rpc = Rpc(url, args.db, args.login, args.password)
        donation_ids = setup(rpc, url, args.count)
        started = time.monotonic()
        results = validate_in_parallel(rpc, donation_ids, args.answer_timeout)
        elapsed = time.monotonic() - started
        slowest = max((r[0] for r in results.values()), default=0)
        errors = [
            f"gift {i}: {results[i][1] if i in results else 'no answer'}"
            for i in donation_ids
            if i not in results or results[i][1]
        ]
        check(
            not errors and slowest <= args.answer_timeout,
            f"{args.count} parallel validations all answered within "
            f"{args.answer_timeout} s",
            f"slowest {slowest:.1f} s, all in {elapsed:.1f} s"
            + (f"; {len(errors)} failed: {'; '.join(errors[:5])}" if errors else ""),
        )
        donations = rpc(
            "donation.donation", "read", donation_ids, ["state", "tax_receipt_id"]
        )
        receipt_ids = [d["tax_receipt_id"][0] for d in donations if d["tax_receipt_id"]]
        receipts = rpc("donation.tax.receipt", "read", receipt_ids, ["number"])
        numbers = sorted(r["number"] for r in receipts)
        year = numbers[0][:4] if numbers else ""
        year_numbers = sorted(
            r["number"]
            for r in rpc(
                "donation.tax.receipt",
                "search_read",
                [("number", "=like", f"{year}-%")],
                ["number"],
            )
        )
        sequence = [int(NUMBER.match(n).group(2)) for n in year_numbers]
        check(
            all(d["state"] == "done" for d in donations)
            and len(set(receipt_ids)) == args.count
            and len(set(numbers)) == args.count
            and sequence == list(range(1, len(sequence) + 1)),
            "one receipt per gift, numbers unique and gapless",
            f"{numbers[:1]}..{numbers[-1:]}, {len(year_numbers)} in {year}",
        )
        deadline = time.monotonic() + args.cron_timeout
        pending = receipt_ids
        while pending and time.monotonic() < deadline:
            time.sleep(2)
            pending = rpc(
                "donation.tax.receipt",
                "search",
                [("id", "in", receipt_ids), ("le97_pdf_attachment_id", "=", False)],
            )
        waited = args.cron_timeout - max(0, deadline - time.monotonic())
        check(
            not pending,
            f"the scheduled action stored every original within "
            f"{args.cron_timeout} s",
            f"{len(pending)} pending after {waited:.0f} s",
        )
        bad = []
        for receipt in rpc(
            "donation.tax.receipt",
            "read",
            receipt_ids,
            ["number", "le97_pdf_attachment_id", "le97_pdf_sha256"],
        ):
            attachments = rpc(
                "ir.attachment",
                "search_read",
                [
                    ("res_model", "=", "donation.tax.receipt"),
                    ("res_id", "=", receipt["id"]),
                ],
                ["datas"],
            )
            content = base64.b64decode(attachments[0]["datas"]) if attachments else b""
            if not (
                len(attachments) == 1
                and receipt["le97_pdf_attachment_id"]
                and attachments[0]["id"] == receipt["le97_pdf_attachment_id"][0]
                and content.startswith(b"%PDF")
                and hashlib.sha256(content).hexdigest() == receipt["le97_pdf_sha256"]
            ):
                bad.append(receipt["number"])
        check(
            not bad,
            "each receipt has one original PDF matching its SHA-256",
            ", ".join(bad),
        )
    except (Exception, SystemExit) as exc:  # reported as a failure
        check(False, "the run went through", f"{type(exc).__name__}: {exc}")
    finally:
        stop_server(proc)
        append_stderr(args.logfile)
    log = Path(args.logfile).read_text(encoding="utf-8", errors="replace")
    check(
        "network error" not in log,
        "wkhtmltopdf fetched its style sheets (no network error)",
    )
    return finish(check)


def finish(check):
    print(f"parallel_validations: {check.passed} passed, {check.failed} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
