# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Le97PiveNoteQuant(models.Model):
    _name = "le97.pive.note.quant"
    _inherit = ["le97.pive.denomination.line.mixin"]
    _description = "Local Currency Notes in Stock"
    _order = "location_id, value desc"
    _rec_name = "denomination_id"

    location_id = fields.Many2one(
        comodel_name="le97.pive.note.location",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    denomination_id = fields.Many2one(readonly=True)
    company_id = fields.Many2one(
        related="location_id.company_id", store=True, string="Company"
    )
    quantity = fields.Integer(readonly=True)
    amount = fields.Integer(string="Value")

    _sql_constraints = [
        (
            "location_denomination_unique",
            "unique(location_id, denomination_id)",
            "One stock line per denomination and location.",
        ),
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "The stock of notes cannot be negative.",
        ),
    ]

    @api.model
    def _lock_quants(self, keys):
        """Lock (and create if missing) the stock rows of keys.

        :param keys: set of (location_id, denomination_id)
        :return: {key: quant}

        The rows are locked with SELECT ... FOR UPDATE NOWAIT in a fixed order:
        two operators moving notes of the same location at the same time never
        both read the same stock; the second gets a lock error, which the
        request machinery retries once the first transaction is over.
        """
        quants = self.sudo().search(
            [
                ("location_id", "in", [k[0] for k in keys]),
                ("denomination_id", "in", [k[1] for k in keys]),
            ]
        )
        existing = {(q.location_id.id, q.denomination_id.id) for q in quants}
        missing = sorted(set(keys) - existing)
        if missing:
            # inserted in SQL (ON CONFLICT: a row created meanwhile by another
            # transaction is kept), with the figures the ORM would compute
            self.env.cr.execute(
                """
                INSERT INTO le97_pive_note_quant
                    (location_id, denomination_id, company_id, quantity, value,
                     amount, create_uid, create_date, write_uid, write_date)
                SELECT k.loc, k.den, l.company_id, 0, d.value, 0, %(uid)s,
                       now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                  FROM unnest(%(locs)s, %(dens)s) AS k(loc, den)
                  JOIN le97_pive_note_location l ON l.id = k.loc
                  JOIN le97_pive_denomination d ON d.id = k.den
                ON CONFLICT (location_id, denomination_id) DO NOTHING
                """,
                {
                    "uid": self.env.uid,
                    "locs": [k[0] for k in missing],
                    "dens": [k[1] for k in missing],
                },
            )
        self.env.cr.execute(
            """
            SELECT id, location_id, denomination_id
              FROM le97_pive_note_quant
             WHERE (location_id, denomination_id) IN %s
             ORDER BY id
               FOR UPDATE NOWAIT
            """,
            [tuple(keys)],
        )
        rows = self.env.cr.fetchall()
        quants = self.sudo().browse([row[0] for row in rows])
        # the rows are locked: read their committed figures afresh
        quants.invalidate_recordset(["quantity", "amount"])
        return {(row[1], row[2]): self.sudo().browse(row[0]) for row in rows}

    @api.model
    def _apply_deltas(self, deltas):
        """Add {(location_id, denomination_id): delta} to the stock.

        Refused with a clear message when a denomination would go below zero.
        """
        deltas = {key: delta for key, delta in deltas.items() if delta}
        if not deltas:
            return
        quants = self._lock_quants(set(deltas))
        for key in sorted(deltas):
            quant = quants[key]
            if quant.quantity + deltas[key] < 0:
                raise UserError(
                    self.env._(
                        "Not enough notes of %(denomination)s at %(location)s: "
                        "%(available)s in stock, %(requested)s requested.",
                        denomination=quant.denomination_id.name,
                        location=quant.location_id.name,
                        available=quant.quantity,
                        requested=-deltas[key],
                    )
                )
        # all checked first: a refusal leaves no stock line written
        for key in sorted(deltas):
            quants[key].quantity += deltas[key]
