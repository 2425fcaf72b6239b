# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The e-mails waiting for their originals belong to a sending.

Until 18.0.2.5.0 a receipt whose e-mail waited for its original PDF carried
the user who sent it (``le97_send_uid``). From 18.0.2.6.0 it carries the
sending (``le97.receipt.mailing``), which shows its progress and summary. Each
user's waiting receipts become one sending of theirs (per company), so that
the scheduled action still queues those e-mails, from the same user, once.
The old column is dropped afterwards.
"""

import logging

from odoo import SUPERUSER_ID, Command, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'donation_tax_receipt' AND column_name = 'le97_send_uid'
        """
    )
    if not cr.fetchone():
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """
        SELECT le97_send_uid, company_id, array_agg(id ORDER BY id)
          FROM donation_tax_receipt
         WHERE le97_send_uid IS NOT NULL
         GROUP BY le97_send_uid, company_id
        """
    )
    for user_id, company_id, receipt_ids in cr.fetchall():
        mailing = env["le97.receipt.mailing"].create(
            {
                "user_id": user_id,
                "company_id": company_id,
                "receipt_ids": [Command.set(receipt_ids)],
            }
        )
        env["donation.tax.receipt"].browse(receipt_ids).write(
            {"le97_mailing_id": mailing.id}
        )
        _logger.info(
            "%d receipts waiting for their e-mail from user %s: sending %s",
            len(receipt_ids),
            user_id,
            mailing.id,
        )
    cr.execute("ALTER TABLE donation_tax_receipt DROP COLUMN le97_send_uid")
