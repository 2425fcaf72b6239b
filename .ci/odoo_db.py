"""Create a fresh Odoo database whose main company is in France.

Run with the Python of the Odoo venv::

    $ODOO_PATH/venv/bin/python .ci/odoo_db.py --odoo-path $ODOO_PATH --db NAME [--demo]

The database is created the way Odoo's database manager does it (``country_code``
and ``lang``), so that installing ``account`` later loads the ``fr`` chart on the
main company. It only creates ``base``; modules are installed by ``odoo-bin -i``.
"""

import argparse
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-path", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--lang", default="fr_FR")
    parser.add_argument("--logfile")
    args = parser.parse_args()

    sys.path.insert(0, args.odoo_path)
    import odoo
    from odoo.service import db

    cli = [f"--addons-path={args.addons_path}", "--log-level=info"]
    if args.logfile:
        cli.append(f"--logfile={args.logfile}")
    odoo.tools.config.parse_config(cli)
    odoo.netsvc.init_logger()
    db.exp_create_database(
        args.db,
        args.demo,
        args.lang,
        user_password="admin",
        login="admin",
        country_code="fr",
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        country = env.company.country_id.code
        if country != "FR":
            sys.exit(f"database {args.db}: main company country is {country}, not FR")


if __name__ == "__main__":
    main()
