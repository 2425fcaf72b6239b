# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97ReceiptCounter(models.Model):
    """Last receipt number given, per company and calendar year.

    The row is incremented in the transaction that issues the receipts: its row
    lock serialises concurrent issuers and a rollback gives the numbers back, so
    the numbering has neither gap nor duplicate.
    """

    _name = "le97.receipt.counter"
    _description = "Fiscal Receipt Counter"
    _order = "company_id, year desc"
    _rec_name = "year"

    company_id = fields.Many2one(
        "res.company", required=True, ondelete="restrict", readonly=True
    )
    year = fields.Integer(required=True, readonly=True)
    last_number = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "There is already a receipt counter for this company and year.",
        )
    ]

    @api.model
    def _reserve(self, company_id, year, count):
        """Reserve ``count`` consecutive numbers in ONE locked statement.

        Creates the row on the first use of a year. The statement row-locks the
        counter until the end of the transaction. Returns the first number.
        """
        self.flush_model()
        self.env.cr.execute(
            """
            INSERT INTO le97_receipt_counter
                (company_id, year, last_number, create_date, write_date)
            VALUES (%s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')
            ON CONFLICT (company_id, year) DO UPDATE
               SET last_number = le97_receipt_counter.last_number
                                 + EXCLUDED.last_number,
                   write_date = EXCLUDED.write_date
            RETURNING last_number
            """,
            (company_id, year, count),
            # a concurrent issuer's commit is a serialization failure here,
            # retried by Odoo with the whole request: not an error to log
            log_exceptions=False,
        )
        last = self.env.cr.fetchone()[0]
        self.invalidate_model(["last_number"])
        return last - count + 1
