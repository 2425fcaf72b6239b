# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models


class Le97PiveExchangeStatement(models.TransientModel):
    _name = "le97.pive.exchange.statement"
    _description = "Statement of Account with the Local Currency Association"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    notes_opening = fields.Integer(
        string="Notes Held at Start", compute="_compute_statement"
    )
    notes_received = fields.Integer(compute="_compute_statement")
    notes_returned = fields.Integer(compute="_compute_statement")
    notes_sold = fields.Integer(compute="_compute_statement")
    notes_bought_back = fields.Integer(compute="_compute_statement")
    notes_withdrawn = fields.Integer(
        string="Damaged Notes Withdrawn", compute="_compute_statement"
    )
    notes_closing = fields.Integer(
        string="Notes Held at End", compute="_compute_statement"
    )
    euros_opening = fields.Monetary(
        string="Euros Owed at Start", compute="_compute_statement"
    )
    euros_owed = fields.Monetary(string="Euros Collected", compute="_compute_statement")
    euros_remitted = fields.Monetary(compute="_compute_statement")
    euros_closing = fields.Monetary(
        string="Balance Owed at End", compute="_compute_statement"
    )

    def _note_totals(self, start, end):
        """Value of the notes moved per type, between two datetimes (no start:
        since the beginning), whole company like the account totals."""
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("date", "<", end),
        ]
        if start:
            domain.append(("date", ">=", start))
        return dict(
            self.env["le97.pive.note.move.line"]
            .sudo()
            ._read_group(domain, ["move_type"], ["amount:sum"])
        )

    def _account_totals(self, date_from, date_to):
        account = self.company_id.mlcc_exchange_account_id
        if not account:
            return 0.0, 0.0
        self.env["account.move.line"].flush_model()
        self.env.cr.execute(
            """
            SELECT COALESCE(SUM(credit), 0), COALESCE(SUM(debit), 0)
              FROM account_move_line
             WHERE account_id = %s AND company_id = %s AND parent_state = 'posted'
               AND (%s IS NULL OR date >= %s) AND date <= %s
            """,
            [account.id, self.company_id.id, date_from, date_from, date_to],
        )
        return self.env.cr.fetchone()

    @api.depends("date_from", "date_to", "company_id")
    def _compute_statement(self):
        for wizard in self:
            if not (wizard.date_from and wizard.date_to):
                wizard.update({f: 0 for f in wizard._statement_fields()})
                continue
            # register dates are UTC datetimes: a day is [00:00, next 00:00)
            start = datetime.combine(wizard.date_from, time.min)
            end = datetime.combine(wizard.date_to + timedelta(days=1), time.min)
            before = wizard._note_totals(None, start)
            during = wizard._note_totals(start, end)

            def held(totals):
                return (
                    totals.get("reception", 0)
                    - totals.get("return", 0)
                    - totals.get("sale", 0)
                    + totals.get("buyback", 0)
                    - totals.get("withdrawal", 0)
                )

            credit_before, debit_before = wizard._account_totals(
                None, wizard.date_from - timedelta(days=1)
            )
            credit, debit = wizard._account_totals(wizard.date_from, wizard.date_to)
            opening = credit_before - debit_before
            wizard.update(
                {
                    "notes_opening": held(before),
                    "notes_received": during.get("reception", 0),
                    "notes_returned": during.get("return", 0),
                    "notes_sold": during.get("sale", 0),
                    "notes_bought_back": during.get("buyback", 0),
                    "notes_withdrawn": during.get("withdrawal", 0),
                    "notes_closing": held(before) + held(during),
                    "euros_opening": opening,
                    "euros_owed": credit,
                    "euros_remitted": debit,
                    "euros_closing": opening + credit - debit,
                }
            )

    @api.model
    def _statement_fields(self):
        return [
            "notes_opening",
            "notes_received",
            "notes_returned",
            "notes_sold",
            "notes_bought_back",
            "notes_withdrawn",
            "notes_closing",
            "euros_opening",
            "euros_owed",
            "euros_remitted",
            "euros_closing",
        ]

    def action_print(self):
        return self.env.ref(
            "le97_pive_exchange.action_report_le97_pive_exchange_statement"
        ).report_action(self)
