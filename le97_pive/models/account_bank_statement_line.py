# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    # Same name and constraint as the statement import addons, so that they can
    # be installed side by side: a transaction is imported once.
    unique_import_id = fields.Char(
        string="Import ID", readonly=True, copy=False, index="btree_not_null"
    )

    le97_wallet_transaction_ids = fields.One2many(
        comodel_name="le97.pive.wallet.transaction",
        inverse_name="statement_line_id",
        string="Wallet Transactions",
        readonly=True,
        groups="le97_base.group_treasurer",
    )

    _sql_constraints = [
        (
            "unique_import_id",
            "unique (unique_import_id)",
            "A bank account transaction can be imported only once!",
        )
    ]
