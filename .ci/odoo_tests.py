#!/usr/bin/env python3
"""Install the Le 97 addons in a real Odoo 18 and run their tests.

Each run starts from a fresh PostgreSQL database whose main company is in France
on the ``fr`` chart. The log of every Odoo process is read like OCA's
checklog-odoo does: any ERROR, CRITICAL or WARNING line fails the run, except the
one warning Debian's unpatched wkhtmltopdf gives for each PDF.

Runs (``--scope full``, the default):

* ``template``: base, ``l10n_fr_account`` and the OCA ``donation`` addons, no demo,
  French loaded;
* each addon that can stand alone (``le97_base``, ``le97_pive``,
  ``le97_pive_exchange``, ``le97_donation``) installed alone, with its own tests
  and those of the Le 97 addons it depends on; ``le97_donation`` alone must not
  bring the local currency in;
* each bridge to an Odoo app (``le97_pive_pos`` and ``le97_donation_pos``
  with the Point of Sale, ``le97_donation_website`` with the website donation form and the demo
  payment provider) installed alone, with its own tests;
* every addon together with the Point of Sale and the website payments, with
  every test (the bridges installed automatically), then, on a copy of that
  database, a server with
  two workers and a cron worker validating gifts in parallel
  (``parallel_validations.py``, skipped with ``--test-tags``);
* every addon together on a database WITH demo data (two companies, demo
  rates), installed in one step with the French chart, with every test, then
  checked ready for donations, then the Point of Sale and the website payments
  installed on it with the bridges' tests;
* the same on a French company whose database has English only (French not
  loaded).

``--scope all`` keeps only the run of every addon together (quicker while
developing). The last line printed is ``N passed, N failed``.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS = [
    "le97_base",
    "le97_pive",
    "le97_pive_exchange",
    "le97_donation",
    "le97_donation_pive",
    "le97_pive_pos",
    "le97_donation_pos",
    "le97_donation_website",
]
# addon installed alone -> the Le 97 addons whose tests run with it
ALONE = {
    "le97_base": ["le97_base"],
    "le97_pive": ["le97_base", "le97_pive"],
    "le97_pive_exchange": ["le97_base", "le97_pive", "le97_pive_exchange"],
    "le97_donation": ["le97_base", "le97_donation"],
    # the bridges to Odoo's apps, installed with their app alone: their own
    # tests (those of the addons below them run in the other runs)
    "le97_pive_pos": ["le97_pive_pos"],
    "le97_donation_pos": ["le97_donation_pos"],
    "le97_donation_website": ["le97_donation_website"],
}
# what an addon installed alone brings with it, and the Odoo apps installed
# with it for its tests
ALONE_INSTALLS = {
    "le97_pive_pos": (["le97_base", "le97_pive", "le97_pive_pos"], []),
    "le97_donation_pos": (["le97_base", "le97_donation", "le97_donation_pos"], []),
    "le97_donation_website": (
        ["le97_base", "le97_donation", "le97_donation_website"],
        ["payment_demo"],
    ),
}
# bridges: installed automatically once all their dependencies are
BRIDGES = {
    "le97_donation_pive": ["le97_donation", "le97_pive"],
    "le97_pive_pos": ["le97_pive", "point_of_sale"],
    "le97_donation_pos": ["le97_donation", "point_of_sale"],
    "le97_donation_website": ["le97_donation", "website_payment"],
}
# Odoo's apps that bridges extend, installed in the runs of every addon
# together (payment_demo: the test payment provider of the website gifts)
ODOO_APPS = ["point_of_sale", "website_payment", "payment_demo"]
OCA_DEPENDENCIES = ["l10n_fr_account", "donation"]
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>\S+): (?P<message>.*)$"
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
# The only tolerated warning: Debian's wkhtmltopdf is built without patched Qt.
TOLERATED = [re.compile(r"^wkhtmltopdf: .*is not support using unpatched qt")]
RESULT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
)


class Runner:
    def __init__(self, args):
        self.args = args
        self.odoo = Path(args.odoo_path)
        self.python = str(self.odoo / "venv" / "bin" / "python")
        self.addons_path = ",".join(
            [str(self.odoo / "addons"), str(self.odoo / "odoo" / "addons"), str(REPO)]
        )
        self.prefix = f"{args.db_prefix}_{uuid.uuid4().hex[:6]}"
        self.logdir = Path(args.log_dir)
        self.logdir.mkdir(parents=True, exist_ok=True)
        self.databases = []
        self.passed = 0
        self.failed = 0
        self.problems = []

    # -- helpers -----------------------------------------------------------
    def filestore(self, db):
        return Path.home() / ".local" / "share" / "Odoo" / "filestore" / db

    def odoo_bin(self, db, logfile, extra):
        cmd = [
            self.python,
            str(self.odoo / "odoo-bin"),
            f"--addons-path={self.addons_path}",
            f"--database={db}",
            f"--logfile={logfile}",
            "--log-level=info",
            "--stop-after-init",
            "--no-database-list",
            f"--http-port={self.args.http_port}",
            f"--gevent-port={self.args.http_port + 1}",
            "--max-cron-threads=0",
            *extra,
        ]
        return self.run_logged(cmd, logfile)

    def run_logged(self, cmd, logfile):
        started = time.time()
        proc = subprocess.run(
            cmd, cwd=self.odoo, capture_output=True, text=True, check=False
        )
        duration = time.time() - started
        with open(logfile, "a", encoding="utf-8") as log:
            for stream in (proc.stdout, proc.stderr):
                for line in stream.splitlines():
                    # odoo-bin writes this one to stderr, not to the log
                    if line.strip() != "Running as user 'root' is a security risk.":
                        log.write(line + "\n")
        return proc.returncode, duration

    def check_log(self, name, logfile, expect_tests=False):
        bad = []
        tests = None
        for line in Path(logfile).read_text(encoding="utf-8").splitlines():
            match = LOG_LINE.match(line)
            if match:
                if match["level"] in BAD_LEVELS and not any(
                    t.search(match["message"]) for t in TOLERATED
                ):
                    bad.append(line)
                if match["logger"] == "odoo.tests.result":
                    result = RESULT.search(match["message"])
                    if result:
                        tests = result
            elif line.startswith("Traceback") or line.startswith("Exception"):
                bad.append(line)
        if bad:
            self.problems.append(
                f"{name}: {len(bad)} ERROR/WARNING line(s) in {logfile}"
            )
            print(f"--- {name}: ERROR/WARNING lines in the log ---")
            for line in bad[:60]:
                print("   ", line[:400])
        if expect_tests:
            if tests is None:
                self.problems.append(f"{name}: no test result line in {logfile}")
            else:
                run = int(tests["run"])
                failed = int(tests["failed"]) + int(tests["errors"])
                self.passed += run - failed
                self.failed += failed
                print(f"{name}: {run - failed} passed, {failed} failed")
                if run == 0:
                    self.problems.append(f"{name}: no test ran")

    def check_french_chart(self, db):
        """The main company of the test databases is French, on the fr chart."""
        query = (
            "SELECT c.chart_template, country.code FROM res_company c "
            "JOIN res_partner p ON p.id = c.partner_id "
            "JOIN res_country country ON country.id = p.country_id WHERE c.id = 1"
        )
        out = subprocess.run(
            ["psql", "-qtAX", "-d", db, "-c", query],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        print(f"   main company of {db}: chart|country = {out}")
        if out != "fr|FR":
            self.problems.append(f"{db}: main company is not on the fr chart ({out})")

    def check_one_step_install(self, db):
        """Installed in one step (the French chart loaded in the same run as the
        addons): the main company is on the non-profit chart and every inbound
        bank and cash method, the Pive journals' included, takes donations."""
        query = (
            "SELECT c.chart_template, count(l.id), "
            "count(l.id) FILTER (WHERE NOT COALESCE(l.donation, false) "
            "OR l.payment_account_id IS NULL) "
            "FROM res_company c "
            "LEFT JOIN account_journal j ON j.company_id = c.id "
            "AND j.type IN ('bank', 'cash') "
            "LEFT JOIN account_payment_method_line l ON l.journal_id = j.id "
            "AND l.payment_method_id IN "
            "(SELECT id FROM account_payment_method WHERE payment_type = 'inbound') "
            "WHERE c.id = 1 GROUP BY c.chart_template"
        )
        out = subprocess.run(
            ["psql", "-qtAX", "-d", db, "-c", query],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        print(
            f"   one-step install of {db}: chart|inbound methods|not for donations = {out}"
        )
        chart, methods, wrong = [*out.split("|"), "", "", ""][:3]
        if (
            chart == "fr_asso"
            and methods.isdigit()
            and int(methods) >= 4
            and wrong == "0"
        ):
            self.passed += 1
        else:
            self.failed += 1
            self.problems.append(
                f"{db}: one-step install not ready for donations ({out})"
            )

    def installed_addons(self, db):
        out = subprocess.run(
            [
                "psql",
                "-qtAX",
                "-d",
                db,
                "-c",
                "SELECT name FROM ir_module_module WHERE state = 'installed' "
                "AND name LIKE 'le97%'",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        return set(out)

    @staticmethod
    def apps_of(addon):
        """The Odoo apps a bridge depends on (installed with it)."""
        return [need for need in BRIDGES.get(addon, []) if not need.startswith("le97")]

    def check_installed(self, name, db, expected, apps=()):
        """Exactly the expected Le 97 addons are installed (bridges included
        when, and only when, their dependencies are: the Le 97 addons expected
        and the Odoo ``apps`` installed)."""
        expected = set(expected)
        available = expected | set(apps)
        for bridge, needs in BRIDGES.items():
            if set(needs) <= available:
                expected.add(bridge)
        installed = self.installed_addons(db)
        print(f"   {name}: Le 97 addons installed = {sorted(installed)}")
        if installed == expected:
            self.passed += 1
        else:
            self.failed += 1
            self.problems.append(
                f"{name}: installed {sorted(installed)}, expected {sorted(expected)}"
            )

    def check_languages(self, db, expected):
        out = subprocess.run(
            [
                "psql",
                "-qtAX",
                "-d",
                db,
                "-c",
                "SELECT string_agg(code, ',' ORDER BY code) FROM res_lang "
                "WHERE active",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        print(f"   languages of {db}: {out}")
        if out != expected:
            self.problems.append(f"{db}: languages {out}, expected {expected}")

    def create_db(self, db, demo, logfile, lang="fr_FR"):
        cmd = [
            self.python,
            str(REPO / ".ci" / "odoo_db.py"),
            f"--odoo-path={self.odoo}",
            f"--addons-path={self.addons_path}",
            f"--db={db}",
            f"--logfile={logfile}",
        ]
        if demo:
            cmd.append("--demo")
        cmd.append(f"--lang={lang}")
        self.databases.append(db)
        rc, _duration = self.run_logged(cmd, logfile)
        if rc:
            self.problems.append(f"creating {db} failed (exit {rc}), see {logfile}")
        return rc

    def copy_db(self, source, target):
        subprocess.run(["createdb", "-T", source, target], check=True)
        self.databases.append(target)
        if self.filestore(source).exists():
            shutil.copytree(self.filestore(source), self.filestore(target))

    def drop_all(self):
        for db in self.databases:
            subprocess.run(["dropdb", "--if-exists", db], check=False)
            shutil.rmtree(self.filestore(db), ignore_errors=True)

    # -- runs ----------------------------------------------------------------
    def step(self, name, db, extra, expect_tests=False):
        logfile = self.logdir / f"{name}.log"
        logfile.unlink(missing_ok=True)
        print(f"== {name} ({db}) ...", flush=True)
        rc, duration = self.odoo_bin(db, logfile, extra)
        print(f"   {name}: exit {rc} in {duration:.0f}s, log {logfile}", flush=True)
        if rc:
            self.problems.append(f"{name}: odoo-bin exited with {rc}")
        self.check_log(name, logfile, expect_tests=expect_tests)

    def parallel_validations(self, source):
        """On a copy of ``source``: ``--workers=2`` with a cron worker, gifts
        validated in parallel over JSON-RPC, then their original PDFs rendered
        by the scheduled action (see parallel_validations.py). Its checks count
        as tests; its server log goes through the same gate."""
        name = "parallel_validations"
        db = f"{self.prefix}_parallel"
        self.copy_db(source, db)
        logfile = self.logdir / f"{name}.log"
        logfile.unlink(missing_ok=True)
        port = self.args.http_port + 10
        print(f"== {name} ({db}, port {port}) ...", flush=True)
        cmd = [
            self.python,
            str(REPO / ".ci" / "parallel_validations.py"),
            f"--db={db}",
            f"--odoo-path={self.odoo}",
            f"--addons-path={self.addons_path}",
            f"--port={port}",
            f"--logfile={logfile}",
        ]
        started = time.time()
        proc = subprocess.Popen(
            cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            out, _err = proc.communicate(timeout=self.args.parallel_timeout)
        except subprocess.TimeoutExpired:
            proc.terminate()  # the script stops its server on SIGTERM
            out, _err = proc.communicate(timeout=120)
            self.problems.append(
                f"{name}: killed after {self.args.parallel_timeout}s, see {logfile}"
            )
        print(f"   {name}: exit {proc.returncode} in {time.time() - started:.0f}s")
        for line in out.splitlines():
            print("   ", line[:400])
        result = re.search(r"parallel_validations: (\d+) passed, (\d+) failed", out)
        if result:
            self.passed += int(result[1])
            self.failed += int(result[2])
        else:
            self.problems.append(f"{name}: no result line")
        if logfile.exists():
            self.check_log(name, logfile)
        else:
            self.problems.append(f"{name}: no server log {logfile}")

    def run(self):
        scope = self.args.scope
        template = f"{self.prefix}_tpl"
        log = self.logdir / "create_template.log"
        log.unlink(missing_ok=True)
        if self.create_db(template, False, log):
            return
        self.check_log("create_template", log)
        self.step("template", template, ["-i", ",".join(OCA_DEPENDENCIES)])
        self.check_french_chart(template)
        tags = self.args.test_tags
        every = ",".join("/" + a for a in ADDONS)
        if scope == "full":
            # each addon alone, with its tests and those of the Le 97 addons it
            # depends on (which it must not break)
            for addon, own in ALONE.items():
                db = f"{self.prefix}_{addon}"
                installed, apps = ALONE_INSTALLS.get(addon, (own, []))
                self.copy_db(template, db)
                self.step(
                    f"{addon}_alone",
                    db,
                    [
                        "-i",
                        ",".join([addon, *apps]),
                        "--test-enable",
                        f"--test-tags={tags or ','.join('/' + a for a in own)}",
                    ],
                    expect_tests=True,
                )
                self.check_installed(
                    f"{addon}_alone", db, installed, apps=[*apps, *self.apps_of(addon)]
                )
        db = f"{self.prefix}_all"
        self.copy_db(template, db)
        main_addons = [a for a in ADDONS if a not in BRIDGES]
        extra = ["-i", ",".join(main_addons + ODOO_APPS), "--test-enable"]
        extra.append(f"--test-tags={tags or every}")
        self.step("all_addons", db, extra, expect_tests=True)
        self.check_installed("all_addons", db, main_addons, apps=ODOO_APPS)
        if not tags:
            self.parallel_validations(db)
        if scope == "full":
            # in one step with the French chart: with demo data (French), and
            # on a database that has English only
            for name, demo, lang in (
                ("demo", True, "fr_FR"),
                ("english_only", False, "en_US"),
            ):
                db = f"{self.prefix}_{name}"
                log = self.logdir / f"create_{name}.log"
                log.unlink(missing_ok=True)
                if self.create_db(db, demo, log, lang=lang):
                    continue
                self.check_log(f"create_{name}", log)
                self.step(
                    name,
                    db,
                    [
                        "-i",
                        ",".join(OCA_DEPENDENCIES + main_addons),
                        "--test-enable",
                        f"--test-tags={tags or every}",
                    ],
                    expect_tests=True,
                )
                self.check_installed(name, db, main_addons)
                self.check_languages(db, lang)
                self.check_one_step_install(db)
                # then Odoo's apps that the bridges extend, on the fund
                # installed (in the same step as the chart, the Point of
                # Sale's demo data would be loaded before the company has a
                # bank journal), with the bridges' tests
                app_bridges = [b for b in BRIDGES if self.apps_of(b)]
                self.step(
                    f"{name}_apps",
                    db,
                    [
                        "-i",
                        ",".join(ODOO_APPS),
                        "--test-enable",
                        f"--test-tags={tags or ','.join('/' + b for b in app_bridges)}",
                    ],
                    expect_tests=True,
                )
                self.check_installed(f"{name}_apps", db, main_addons, apps=ODOO_APPS)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--odoo-path", default=os.environ.get("ODOO_PATH", "/opt/odoo18")
    )
    parser.add_argument("--scope", choices=["full", "all"], default="full")
    parser.add_argument(
        "--test-tags", help="Odoo --test-tags, default: every Le 97 test"
    )
    parser.add_argument("--db-prefix", default="le97_ci")
    parser.add_argument(
        "--http-port", type=int, default=int(os.environ.get("LE97_HTTP_PORT", "8169"))
    )
    parser.add_argument("--log-dir", default=str(REPO / ".ci" / "logs"))
    parser.add_argument(
        "--parallel-timeout",
        type=int,
        default=1800,
        help="seconds allowed to the parallel validations step",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    runner = Runner(args)
    try:
        runner.run()
    finally:
        if not args.keep:
            runner.drop_all()
    for problem in runner.problems:
        print("PROBLEM:", problem)
    print(f"odoo: {runner.passed} passed, {runner.failed} failed")
    return 1 if (runner.failed or runner.problems) else 0


if __name__ == "__main__":
    sys.exit(main())
