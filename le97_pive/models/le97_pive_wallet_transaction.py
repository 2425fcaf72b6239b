# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveWalletTransaction(models.Model):
    """One line of a digital wallet export, as imported.

    The transaction id is unique per journal: importing a file again creates
    nothing. A transaction is either matched to a payment recorded at a counter
    (that payment already booked it) or carried by a statement line of the
    digital journal (one statement line per day and direction for the
    transactions nobody recorded). Imported transactions are not edited: delete
    the statement line to import its transactions again.
    """

    _name = "le97.pive.wallet.transaction"
    _description = "Digital Local Currency Wallet Transaction"
    _order = "date desc, id desc"
    _rec_name = "transaction_ref"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, readonly=True, index=True
    )
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        required=True,
        readonly=True,
        check_company=True,
        ondelete="restrict",
    )
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_currency_id",
        store=True,
        precompute=True,
    )
    transaction_ref = fields.Char(string="Transaction Id", required=True, readonly=True)
    date = fields.Date(required=True, readonly=True, index=True)
    counterpart = fields.Char(readonly=True)
    label = fields.Char(readonly=True)
    amount = fields.Monetary(required=True, readonly=True, currency_field="currency_id")
    line_number = fields.Integer(
        string="Line in the File", readonly=True, help="Line of the imported file."
    )
    filename = fields.Char(string="Imported File", readonly=True)
    payment_id = fields.Many2one(
        comodel_name="le97.pive.payment",
        string="Matched Payment",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    statement_line_id = fields.Many2one(
        comodel_name="account.bank.statement.line",
        string="Statement Line",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="Deleting the statement line deletes its transactions, so that they "
        "can be imported again.",
    )
    state = fields.Selection(
        selection=[
            ("matched", "Matched to a payment"),
            ("statement", "On a statement line"),
        ],
        compute="_compute_state",
        store=True,
        precompute=True,
    )

    _sql_constraints = [
        (
            "transaction_unique",
            "unique(journal_id, transaction_ref)",
            "A wallet transaction can be imported only once.",
        ),
        (
            "payment_unique",
            "unique(payment_id)",
            "A payment is matched to one wallet transaction only.",
        ),
        (
            "payment_or_statement_line",
            "CHECK((payment_id IS NULL) != (statement_line_id IS NULL))",
            "A wallet transaction is either matched to a payment or carried by a "
            "statement line.",
        ),
    ]

    @api.depends("journal_id")
    def _compute_currency_id(self):
        for transaction in self:
            transaction.currency_id = (
                transaction.journal_id.currency_id
                or transaction.journal_id.company_id.currency_id
            )

    @api.depends("payment_id")
    def _compute_state(self):
        for transaction in self:
            transaction.state = "matched" if transaction.payment_id else "statement"
