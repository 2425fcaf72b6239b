# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
from collections import defaultdict
from datetime import datetime, timedelta

from odoo import fields, models
from odoo.exceptions import UserError

MAX_ERRORS_SHOWN = 10
MATCH_DAYS = 3
MAX_REFS_IN_LABEL = 5


class Le97PiveWalletImport(models.TransientModel):
    _name = "le97.pive.wallet.import"
    _description = "Import of a Digital Local Currency Wallet Export"

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        required=True,
        check_company=True,
        domain="[('type', '=', 'bank'), ('company_id', '=', company_id)]",
        default=lambda self: self.env.company.mlcc_digital_journal_id,
    )
    data_file = fields.Binary(string="CSV File", required=True)
    filename = fields.Char()
    separator = fields.Selection(
        selection=[(",", "Comma"), (";", "Semicolon"), ("tab", "Tab")],
        required=True,
        default=",",
    )
    decimal_separator = fields.Selection(
        selection=[(".", "Dot"), (",", "Comma")],
        required=True,
        default=".",
    )
    date_format = fields.Char(required=True, default="%Y-%m-%d")
    date_column = fields.Char(required=True, default="date")
    counterpart_column = fields.Char(required=True, default="counterpart")
    label_column = fields.Char(required=True, default="label")
    amount_column = fields.Char(required=True, default="amount")
    transaction_column = fields.Char(
        string="Transaction Id Column", required=True, default="transaction_id"
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Done")], default="draft"
    )
    imported_count = fields.Integer(string="Transactions Imported", readonly=True)
    created_count = fields.Integer(string="Statement Lines Created", readonly=True)
    matched_count = fields.Integer(string="Payments Matched", readonly=True)
    skipped_count = fields.Integer(string="Already Imported", readonly=True)
    statement_line_ids = fields.Many2many(
        comodel_name="account.bank.statement.line", readonly=True
    )
    transaction_ids = fields.Many2many(
        comodel_name="le97.pive.wallet.transaction", readonly=True
    )

    # -- parsing ------------------------------------------------------------
    def _le97_columns(self):
        return {
            "date": self.date_column,
            "counterpart": self.counterpart_column,
            "label": self.label_column,
            "amount": self.amount_column,
            "transaction": self.transaction_column,
        }

    def _le97_read_rows(self):
        """Parse the whole file; raise one UserError listing the bad lines."""
        self.ensure_one()
        try:
            text = base64.b64decode(self.data_file).decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError) as error:
            raise UserError(self.env._("The file is not a UTF-8 text file.")) from error
        delimiter = "\t" if self.separator == "tab" else self.separator
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        columns = self._le97_columns()
        missing = [
            col for col in columns.values() if col not in (reader.fieldnames or [])
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Columns missing in the file: %(columns)s. Check the separator "
                    "and the column names.",
                    columns=", ".join(missing),
                )
            )
        rows, errors, seen = [], [], {}
        for row in reader:
            line_no = reader.line_num
            try:
                parsed = self._le97_parse_row(row, columns)
            except ValueError as error:
                errors.append((line_no, str(error)))
                continue
            ref = parsed["transaction"]
            if ref in seen:
                errors.append(
                    (
                        line_no,
                        self.env._(
                            "transaction id %(ref)s already on line %(line)s",
                            ref=ref,
                            line=seen[ref],
                        ),
                    )
                )
                continue
            seen[ref] = line_no
            parsed["line_no"] = line_no
            rows.append(parsed)
        if errors:
            details = "\n".join(
                self.env._("Line %(line)s: %(reason)s", line=line, reason=reason)
                for line, reason in errors[:MAX_ERRORS_SHOWN]
            )
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s line(s) of the file are not "
                    "valid.\n%(details)s",
                    count=len(errors),
                    details=details,
                )
            )
        if not rows:
            raise UserError(self.env._("The file has no transaction to import."))
        return rows

    def _le97_parse_row(self, row, columns):
        raw_date = (row.get(columns["date"]) or "").strip()
        try:
            date = datetime.strptime(raw_date, self.date_format).date()
        except ValueError as error:
            raise ValueError(
                self.env._(
                    "date %(value)s does not match the format %(format)s",
                    value=repr(raw_date),
                    format=self.date_format,
                )
            ) from error
        raw_amount = (row.get(columns["amount"]) or "").strip().replace(" ", "")
        normalized = raw_amount
        if self.decimal_separator == ",":
            normalized = raw_amount.replace(".", "").replace(",", ".")
        try:
            amount = float(normalized)
        except ValueError as error:
            raise ValueError(
                self.env._("amount %(value)s is not a number", value=repr(raw_amount))
            ) from error
        if not amount:
            raise ValueError(self.env._("the amount is zero"))
        ref = (row.get(columns["transaction"]) or "").strip()
        if not ref:
            raise ValueError(self.env._("the transaction id is empty"))
        return {
            "date": date,
            "amount": amount,
            "transaction": ref,
            "counterpart": (row.get(columns["counterpart"]) or "").strip(),
            "label": (row.get(columns["label"]) or "").strip(),
        }

    # -- import -------------------------------------------------------------
    def _le97_import_id(self, ref):
        return f"le97_wallet:{self.journal_id.id}:{ref}"

    def _le97_known_refs(self, refs):
        """Transaction ids of ``refs`` already imported in this journal.

        One query on the imported transactions, and one on the statement lines
        imported one per transaction by a statement import addon.
        """
        known = set(
            self.env["le97.pive.wallet.transaction"]
            .sudo()
            .search_fetch(
                [
                    ("journal_id", "=", self.journal_id.id),
                    ("transaction_ref", "in", refs),
                ],
                ["transaction_ref"],
            )
            .mapped("transaction_ref")
        )
        import_ids = {self._le97_import_id(ref): ref for ref in refs}
        known.update(
            import_ids[line.unique_import_id]
            for line in self.env["account.bank.statement.line"]
            .sudo()
            .search_fetch(
                [("unique_import_id", "in", list(import_ids))], ["unique_import_id"]
            )
        )
        return known

    def _le97_match_payments(self, rows):
        """Match incoming rows to recorded digital payments not yet matched.

        Same amount, a date at most ``MATCH_DAYS`` days apart, the closest first.
        Returns ``{transaction id: payment}``.
        """
        incoming = [row for row in rows if row["amount"] > 0]
        if not incoming:
            return {}
        dates = [row["date"] for row in incoming]
        payments = (
            self.env["le97.pive.payment"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("journal_id", "=", self.journal_id.id),
                    ("state", "=", "posted"),
                    ("wallet_transaction_ids", "=", False),
                    ("date", ">=", min(dates) - timedelta(days=MATCH_DAYS)),
                    ("date", "<=", max(dates) + timedelta(days=MATCH_DAYS)),
                ],
                order="date, id",
            )
        )
        currency = self.journal_id.currency_id or self.company_id.currency_id
        by_amount = defaultdict(list)
        for payment in payments:
            by_amount[currency.round(payment.amount)].append(payment)
        matches = {}
        for row in incoming:
            candidates = by_amount.get(currency.round(row["amount"]))
            if not candidates:
                continue
            best = min(candidates, key=lambda p, d=row["date"]: abs((p.date - d).days))
            if abs((best.date - row["date"]).days) <= MATCH_DAYS:
                candidates.remove(best)
                matches[row["transaction"]] = best
        return matches

    def _le97_group_rows(self, rows):
        """Group the unmatched rows by day and direction, in file order.

        Receipts and payments of a day are kept apart (no netting); each group
        becomes one statement line.
        """
        groups = defaultdict(list)
        for row in rows:
            groups[(row["date"], row["amount"] > 0)].append(row)
        return list(groups.values())

    def _prepare_statement_line_vals(self, rows):
        """Values of the statement line carrying ``rows`` (same day, same sign)."""
        currency = self.journal_id.currency_id or self.company_id.currency_id
        counterparts = {row["counterpart"] for row in rows}
        vals = {
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date": rows[0]["date"],
            "amount": currency.round(sum(row["amount"] for row in rows)),
            "partner_name": (counterparts.pop() or False)
            if len(counterparts) == 1
            else False,
            "transaction_details": [
                {
                    "transaction_id": row["transaction"],
                    "counterpart": row["counterpart"],
                    "label": row["label"],
                    "amount": row["amount"],
                }
                for row in rows
            ],
        }
        if len(rows) == 1:
            row = rows[0]
            vals["payment_ref"] = row["label"] or row["transaction"]
            vals["unique_import_id"] = self._le97_import_id(row["transaction"])
        else:
            refs = [row["transaction"] for row in rows]
            shown = ", ".join(refs[:MAX_REFS_IN_LABEL])
            if len(refs) > MAX_REFS_IN_LABEL:
                shown += ", …"
            vals["payment_ref"] = (
                self.env._(
                    "Wallet receipts: %(count)s transactions (%(refs)s)",
                    count=len(rows),
                    refs=shown,
                )
                if rows[0]["amount"] > 0
                else self.env._(
                    "Wallet payments: %(count)s transactions (%(refs)s)",
                    count=len(rows),
                    refs=shown,
                )
            )
        return vals

    def _prepare_transaction_vals(self, row, payment=None, statement_line=None):
        return {
            "company_id": self.company_id.id,
            "journal_id": self.journal_id.id,
            "transaction_ref": row["transaction"],
            "date": row["date"],
            "counterpart": row["counterpart"],
            "label": row["label"],
            "amount": row["amount"],
            "line_number": row["line_no"],
            "filename": self.filename,
            "payment_id": payment.id if payment else False,
            "statement_line_id": statement_line.id if statement_line else False,
        }

    def action_import(self):
        """Import the file in one go, or nothing at all.

        Already imported transactions are skipped, incoming ones are matched to
        the digital payments recorded at the counters (no new entry: the
        payment booked them), the others are grouped by day and direction into
        statement lines (one ``create()``), and every transaction is kept with
        its statement line or payment (one ``create()``).
        """
        self.ensure_one()
        rows = self._le97_read_rows()
        known = self._le97_known_refs([row["transaction"] for row in rows])
        new_rows = [row for row in rows if row["transaction"] not in known]
        matches = self._le97_match_payments(new_rows)
        groups = self._le97_group_rows(
            [row for row in new_rows if row["transaction"] not in matches]
        )
        lines = self.env["account.bank.statement.line"].create(
            [self._prepare_statement_line_vals(group) for group in groups]
        )
        transaction_vals = [
            self._prepare_transaction_vals(row, payment=matches[row["transaction"]])
            for row in new_rows
            if row["transaction"] in matches
        ]
        for group, line in zip(groups, lines, strict=True):
            transaction_vals.extend(
                self._prepare_transaction_vals(row, statement_line=line)
                for row in group
            )
        transactions = self.env["le97.pive.wallet.transaction"].create(transaction_vals)
        self.write(
            {
                "state": "done",
                "created_count": len(lines),
                "matched_count": len(matches),
                "imported_count": len(transactions),
                "skipped_count": len(rows) - len(new_rows),
                "statement_line_ids": [fields.Command.set(lines.ids)],
                "transaction_ids": [fields.Command.set(transactions.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_view_transactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "le97_pive.le97_pive_wallet_transaction_action"
        )
        action["domain"] = [("id", "in", self.transaction_ids.ids)]
        action["context"] = {}
        return action

    def action_view_statement_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Statement Lines"),
            "res_model": "account.bank.statement.line",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref("le97_pive.account_bank_statement_line_view_list").id,
                    "list",
                ),
                (
                    self.env.ref("le97_pive.account_bank_statement_line_view_form").id,
                    "form",
                ),
            ],
            "domain": [("id", "in", self.statement_line_ids.ids)],
            "context": {"create": False},
        }
