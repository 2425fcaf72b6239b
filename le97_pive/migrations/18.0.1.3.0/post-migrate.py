# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Keep the wallet transactions imported before 18.0.1.3.0.

Until then a matched transaction was only a reference on its payment and an
unmatched one a statement line with ``unique_import_id`` ``le97_wallet:J:REF``.
Both become ``le97.pive.wallet.transaction`` records, so that importing the same
file again still creates nothing. Two set-based statements.
"""

from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not version:
        return
    # the column of the reference stored on payments until 18.0.1.2.0 (now
    # computed from the transactions) is left in place by Odoo
    if column_exists(cr, "le97_pive_payment", "wallet_transaction_ref"):
        cr.execute(
            """
        INSERT INTO le97_pive_wallet_transaction (
            company_id, journal_id, currency_id, transaction_ref, date, amount,
            payment_id, state, create_uid, create_date, write_uid, write_date)
        SELECT p.company_id, p.journal_id, p.currency_id, p.wallet_transaction_ref,
               p.date, p.amount, p.id, 'matched', 1, now(), 1, now()
          FROM le97_pive_payment p
         WHERE p.wallet_transaction_ref IS NOT NULL
           AND p.journal_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """
        )
    cr.execute(
        """
        INSERT INTO le97_pive_wallet_transaction (
            company_id, journal_id, currency_id, transaction_ref, date, amount,
            counterpart, label, statement_line_id, state,
            create_uid, create_date, write_uid, write_date)
        SELECT m.company_id, m.journal_id,
               COALESCE(j.currency_id, c.currency_id),
               substr(l.unique_import_id,
                      length('le97_wallet:' || m.journal_id || ':') + 1),
               m.date, l.amount, l.partner_name, l.payment_ref, l.id, 'statement',
               1, now(), 1, now()
          FROM account_bank_statement_line l
          JOIN account_move m ON m.id = l.move_id
          JOIN account_journal j ON j.id = m.journal_id
          JOIN res_company c ON c.id = m.company_id
         WHERE l.unique_import_id LIKE 'le97_wallet:' || m.journal_id || ':%'
        ON CONFLICT DO NOTHING
        """
    )
