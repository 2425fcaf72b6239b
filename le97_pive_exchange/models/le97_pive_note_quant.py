# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Le97PiveNoteQuant(models.Model):
    _name = "le97.pive.note.quant"
    _description = "Local Currency Notes in Stock"
    _order = "location_id, denomination_id"
    _rec_name = "denomination_id"

    location_id = fields.Many2one(
        comodel_name="le97.pive.note.location",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    denomination_id = fields.Many2one(
        comodel_name="le97.pive.denomination",
        required=True,
        ondelete="restrict",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="location_id.company_id", store=True, string="Company"
    )
    quantity = fields.Integer(readonly=True, help="Number of notes.")
    value = fields.Integer(compute="_compute_value", store=True)

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

    @api.depends("quantity", "denomination_id.value")
    def _compute_value(self):
        for quant in self:
            quant.value = quant.quantity * quant.denomination_id.value

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
            self.env.cr.execute(
                """
                INSERT INTO le97_pive_note_quant
                    (location_id, denomination_id, quantity, value,
                     create_uid, create_date, write_uid, write_date)
                SELECT loc, den, 0, 0, %(uid)s, now() at time zone 'UTC',
                       %(uid)s, now() at time zone 'UTC'
                  FROM unnest(%(locs)s, %(dens)s) AS k(loc, den)
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
        # the rows are locked: read their committed quantity afresh
        quants.invalidate_recordset(["quantity"])
        if missing:
            quants._compute_company_id_for_new()
        return {(row[1], row[2]): self.sudo().browse(row[0]) for row in rows}

    def _compute_company_id_for_new(self):
        """Rows inserted in SQL: store their related company."""
        self.env.cr.execute(
            """
            UPDATE le97_pive_note_quant q SET company_id = l.company_id
              FROM le97_pive_note_location l
             WHERE l.id = q.location_id AND q.id IN %s AND q.company_id IS NULL
            """,
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["company_id"])

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
