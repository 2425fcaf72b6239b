# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.2.0: the declaration of gifts becomes a kept document.

Until now ``donation.tax.receipt.declaration`` (and its lines) was a wizard
(transient model) counting the calendar year: its rows are throw-away results,
in the old states, possibly several per company and year. They are cleared
before the model becomes persistent, so that the one declaration per company
and financial year can be created (the scheduled action makes that of the last
closed year).
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT 1 FROM ir_model
         WHERE model = 'donation.tax.receipt.declaration' AND transient
        """
    )
    if not cr.fetchone():
        return
    for table in (
        "donation_tax_receipt_declaration_line",
        "donation_tax_receipt_declaration",
    ):
        cr.execute("SELECT to_regclass(%s)", (table,))
        if cr.fetchone()[0]:
            # the table name comes from the tuple above, not from input
            cr.execute(f"DELETE FROM {table}")  # pylint: disable=sql-injection
    cr.execute(
        """
        DELETE FROM ir_attachment
         WHERE res_model IN ('donation.tax.receipt.declaration',
                             'donation.tax.receipt.declaration.line')
        """
    )
