# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0: one owner per concept.

* The exchange office leaves this addon for ``le97_pive_exchange``: its xml ids
  (models, fields, views, rules, sequences, denominations…) change owner and the
  new addon is installed in the same run, so that no record is deleted and
  recreated (the sequences keep their numbers, the denominations their notes).
  Model names and tables stay; the renamed columns are renamed here, before the
  new addon reads them.
* The accounts of the local currency have one field each on the company
  (``mlcc_*_account_id``): the values le97_base held under a second name
  (``le97_account_pive_*``, ``le97_account_euro_cash_id``) are copied over
  before le97_base's old columns go.
* A contact ticked "Pive merchant" in le97_base (a boolean that is gone) is a
  merchant candidate of the network unless it already has a status.
"""

import re

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, rename_column

EXCHANGE_XMLID = re.compile(
    r"le97_pive_(denomination|exchange|note_)"
    r"|^report_(exchange|note_register)"
    r"|_exchange$"
    r"|__mlcc_exchange_(journal_id|buyback)$"
    r"|__le97_pive_member"
)

# company column of le97_pive <- column le97_base held
ACCOUNT_COLUMNS = {
    "mlcc_paper_account_id": "le97_account_pive_cash_id",
    "mlcc_digital_account_id": "le97_account_pive_digital_id",
    "mlcc_exchange_account_id": "le97_account_pive_exchange_id",
    "mlcc_cash_account_id": "le97_account_euro_cash_id",
}

# (model, table, old column, new column) renamed by the exchange office
EXCHANGE_RENAMED_FIELDS = [
    # move_id means a journal entry everywhere now
    ("le97.pive.note.move.line", "le97_pive_note_move_line", "move_id", "note_move_id"),
    (
        "le97.pive.exchange.sale",
        "le97_pive_exchange_sale",
        "account_move_id",
        "move_id",
    ),
    (
        "le97.pive.exchange.remittance",
        "le97_pive_exchange_remittance",
        "account_move_id",
        "move_id",
    ),
    # one denomination line: the number of notes is "quantity", its worth
    # "amount" and the unit value "value" on every line
    (
        "le97.pive.exchange.session.count",
        "le97_pive_exchange_session_count",
        "qty_close",
        "quantity",
    ),
    # the stock's "value" was the stock's worth: it is its amount now, and the
    # unit value (a new column) is computed from the denomination
    ("le97.pive.note.quant", "le97_pive_note_quant", "value", "amount"),
]


def _move_exchange_xmlids(cr):
    cr.execute("SELECT id, name FROM ir_model_data WHERE module = 'le97_pive'")
    ids = [xid for xid, name in cr.fetchall() if EXCHANGE_XMLID.search(name)]
    if ids:
        cr.execute(
            "UPDATE ir_model_data SET module = 'le97_pive_exchange' WHERE id IN %s",
            (tuple(ids),),
        )
    cr.execute(
        "UPDATE ir_module_module SET state = 'to install' "
        "WHERE name = 'le97_pive_exchange' AND state = 'uninstalled'"
    )
    return len(ids)


def _rename_exchange_fields(cr):
    for model, table, old, new in EXCHANGE_RENAMED_FIELDS:
        if column_exists(cr, table, old) and not column_exists(cr, table, new):
            rename_column(cr, table, old, new)
        cr.execute(
            "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s "
            "AND NOT EXISTS (SELECT 1 FROM ir_model_fields "
            "WHERE model = %s AND name = %s)",
            (new, model, old, model, new),
        )
        model_key = model.replace(".", "_")
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'le97_pive_exchange' AND model = 'ir.model.fields' "
            "AND name = %s",
            (f"field_{model_key}__{new}", f"field_{model_key}__{old}"),
        )


def _copy_accounts(cr):
    for new, old in ACCOUNT_COLUMNS.items():
        if not column_exists(cr, "res_company", old):
            continue
        if not column_exists(cr, "res_company", new):
            create_column(cr, "res_company", new, "int4")
        cr.execute(
            SQL(
                "UPDATE res_company SET %s = %s WHERE %s IS NULL AND %s IS NOT NULL",
                SQL.identifier(new),
                SQL.identifier(old),
                SQL.identifier(new),
                SQL.identifier(old),
            )
        )


def _merchants(cr):
    if column_exists(cr, "res_partner", "le97_is_pive_merchant"):
        cr.execute(
            "UPDATE res_partner SET le97_merchant_state = 'candidate' "
            "WHERE le97_is_pive_merchant AND le97_merchant_state IS NULL"
        )


def migrate(cr, version):
    if not version:
        return
    _move_exchange_xmlids(cr)
    _rename_exchange_fields(cr)
    _copy_accounts(cr)
    _merchants(cr)
