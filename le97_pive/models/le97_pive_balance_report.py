# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

from .le97_pive_payment import MEDIUMS


class Le97PiveBalanceReport(models.Model):
    """Journal items of the local currency accounts, for holdings and fees.

    One row per posted journal item on the notes cash box, the wallet or the
    reconversion fees account of a company, with the purpose of the counter
    payment it comes from, if any.
    """

    _name = "le97.pive.balance.report"
    _description = "Local Currency Balances"
    _auto = False
    _order = "date desc"
    _rec_name = "date"
    # what the view reads: flushed before it is searched or grouped, so that
    # an entry posted in the same transaction is counted
    _depends = {
        "account.move.line": [
            "date",
            "company_id",
            "company_currency_id",
            "account_id",
            "journal_id",
            "move_id",
            "parent_state",
            "debit",
            "credit",
            "balance",
        ],
        "res.company": [
            "mlcc_paper_account_id",
            "mlcc_digital_account_id",
            "mlcc_fee_account_id",
        ],
        "le97.pive.payment": ["move_id", "purpose_id", "user_id"],
    }

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    company_currency_id = fields.Many2one("res.currency", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    journal_id = fields.Many2one("account.journal", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True)
    kind = fields.Selection(
        selection=[*MEDIUMS, ("fee", "Reconversion Fees")],
        readonly=True,
    )
    purpose_id = fields.Many2one("le97.pive.purpose", string="Purpose", readonly=True)
    user_id = fields.Many2one("res.users", string="Counter", readonly=True)
    received = fields.Monetary(
        currency_field="company_currency_id",
        readonly=True,
        help="Local currency received (debit of the notes or wallet account).",
    )
    spent = fields.Monetary(
        currency_field="company_currency_id",
        readonly=True,
        help="Local currency that left (credit of the notes or wallet account).",
    )
    balance = fields.Monetary(currency_field="company_currency_id", readonly=True)

    @property
    def _table_query(self):
        return tools.SQL(
            """
            SELECT aml.id AS id,
                   aml.date AS date,
                   aml.company_id AS company_id,
                   aml.company_currency_id AS company_currency_id,
                   aml.account_id AS account_id,
                   aml.journal_id AS journal_id,
                   aml.move_id AS move_id,
                   CASE WHEN aml.account_id = company.mlcc_paper_account_id
                             THEN 'paper'
                        WHEN aml.account_id = company.mlcc_digital_account_id
                             THEN 'digital'
                        ELSE 'fee' END AS kind,
                   payment.purpose_id AS purpose_id,
                   payment.user_id AS user_id,
                   aml.debit AS received,
                   aml.credit AS spent,
                   aml.balance AS balance
              FROM account_move_line aml
              JOIN res_company company ON company.id = aml.company_id
              LEFT JOIN le97_pive_payment payment ON payment.move_id = aml.move_id
             WHERE aml.parent_state = 'posted'
               AND aml.account_id IN (company.mlcc_paper_account_id,
                                      company.mlcc_digital_account_id,
                                      company.mlcc_fee_account_id)
            """
        )
