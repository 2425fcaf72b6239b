# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class Le97PiveExchangeCheck(models.Model):
    _name = "le97.pive.exchange.check"
    _description = "Exchange Office Invariant"
    _order = "company_id, check_type"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, ondelete="cascade"
    )
    check_type = fields.Selection(
        selection=[
            ("stock", "Note stock = register"),
            ("account", "Euros owed = balance of the exchange account"),
        ],
        required=True,
    )
    is_ok = fields.Boolean(string="Holds", compute="_compute_result")
    expected = fields.Char(compute="_compute_result")
    actual = fields.Char(compute="_compute_result")
    detail = fields.Text(compute="_compute_result")

    _sql_constraints = [
        (
            "company_type_unique",
            "unique(company_id, check_type)",
            "One check of each type per company.",
        ),
    ]

    @api.model
    def _ensure_checks(self, company):
        existing = self.search([("company_id", "=", company.id)]).mapped("check_type")
        names = {
            "stock": self.env._(
                "Notes in stock = received - returned - sold + bought back - "
                "withdrawn"
            ),
            "account": self.env._("Euros owed to the association = balance of 4671"),
        }
        self.create(
            [
                {"name": name, "company_id": company.id, "check_type": check_type}
                for check_type, name in names.items()
                if check_type not in existing
            ]
        )

    # -- figures ---------------------------------------------------------------
    @api.model
    def _get_register_by_type(self, company):
        """Notes moved per denomination and move type (done movements).

        :return: {denomination_id: {move_type: quantity}}
        """
        groups = (
            self.env["le97.pive.note.move.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date", "<=", fields.Datetime.now()),
                ],
                ["denomination_id", "move_type"],
                ["quantity:sum"],
            )
        )
        result = {}
        for denomination, move_type, quantity in groups:
            result.setdefault(denomination.id, {})[move_type] = quantity
        return result

    @api.model
    def _get_stock_mismatches(self, company):
        """Quants differing from the register, and denominations whose total
        stock differs from received - returned - sold + bought back - withdrawn.

        :return: (quants, {denomination: (expected, actual)})
        """
        quants = (
            self.env["le97.pive.note.quant"]
            .sudo()
            .search([("company_id", "=", company.id)])
        )
        locations = (
            self.env["le97.pive.note.location"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "=", company.id)])
        )
        register = locations._get_stock()
        bad_quants = quants.filtered(
            lambda q: q.quantity < 0
            or q.quantity
            != register.get(q.location_id.id, {}).get(q.denomination_id.id, 0)
        )
        known = {(q.location_id.id, q.denomination_id.id) for q in quants}
        missing_quant = any(
            qty and (loc, den) not in known
            for loc, by_den in register.items()
            for den, qty in by_den.items()
        )
        by_type = self._get_register_by_type(company)
        Denomination = self.env["le97.pive.denomination"].with_context(
            active_test=False
        )
        in_stock = {}
        for quant in quants:
            key = quant.denomination_id.id
            in_stock[key] = in_stock.get(key, 0) + quant.quantity
        bad_denominations = {}
        for denomination in Denomination.search([]) | quants.denomination_id:
            moved = by_type.get(denomination.id, {})
            expected = (
                moved.get("reception", 0)
                - moved.get("return", 0)
                - moved.get("sale", 0)
                + moved.get("buyback", 0)
                - moved.get("withdrawal", 0)
            )
            actual = in_stock.get(denomination.id, 0)
            if expected != actual:
                bad_denominations[denomination] = (expected, actual)
        if missing_quant and not bad_denominations and not bad_quants:
            bad_denominations[Denomination] = (0, 0)
        return bad_quants, bad_denominations

    @api.model
    def _get_account_balance(self, company):
        """Balance of the exchange account (credit - debit), posted entries."""
        account = company.mlcc_exchange_account_id
        if not account:
            return 0.0
        self.env["account.move.line"].flush_model()
        self.env.cr.execute(
            """
            SELECT COALESCE(SUM(credit - debit), 0) FROM account_move_line
             WHERE account_id = %s AND company_id = %s AND parent_state = 'posted'
            """,
            [account.id, company.id],
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _get_owed_by_records(self, company):
        """Euros owed according to the exchange office records."""
        sold = dict(
            self.env["le97.pive.exchange.sale"]
            .sudo()
            ._read_group(
                [("company_id", "=", company.id), ("state", "=", "done")],
                ["direction"],
                ["amount:sum"],
            )
        )
        [(remitted,)] = (
            self.env["le97.pive.exchange.remittance"]
            .sudo()
            ._read_group(
                [("company_id", "=", company.id), ("state", "=", "posted")],
                [],
                ["amount:sum"],
            )
        )
        return sold.get("sale", 0) - sold.get("buyback", 0) - remitted

    @api.model
    def _get_account_culprits(self, company):
        """Lines of the exchange account not explained by the exchange office
        records, and records whose entry is missing or not posted."""
        sales = (
            self.env["le97.pive.exchange.sale"]
            .sudo()
            .search([("company_id", "=", company.id), ("state", "=", "done")])
        )
        remittances = (
            self.env["le97.pive.exchange.remittance"]
            .sudo()
            .search([("company_id", "=", company.id), ("state", "=", "posted")])
        )
        account = company.mlcc_exchange_account_id
        known_moves = sales.move_id | remittances.move_id
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("account_id", "=", account.id),
                    ("company_id", "=", company.id),
                    ("parent_state", "=", "posted"),
                    ("move_id", "not in", known_moves.ids),
                ]
            )
        )
        bad_sales = sales.filtered(
            lambda s: s.move_id.state != "posted" or s.move_id.amount_total != s.amount
        )
        bad_remittances = remittances.filtered(
            lambda r: r.move_id.state != "posted"
            or r.currency_id.compare_amounts(r.move_id.amount_total, r.amount)
        )
        return lines, bad_sales, bad_remittances

    @api.depends("check_type", "company_id")
    def _compute_result(self):
        for check in self:
            company = check.company_id
            if check.check_type == "stock":
                quants, denominations = self._get_stock_mismatches(company)
                check.is_ok = not quants and not denominations
                expected = actual = 0
                for exp, act in denominations.values():
                    expected += exp
                    actual += act
                check.expected = self.env._(
                    "%(count)s denominations differ", count=len(denominations)
                )
                check.actual = self.env._(
                    "%(count)s stock lines differ from the register",
                    count=len(quants),
                )
                check.detail = "\n".join(
                    self.env._(
                        "%(denomination)s: register %(expected)s, stock %(actual)s",
                        denomination=denomination.name or "?",
                        expected=exp,
                        actual=act,
                    )
                    for denomination, (exp, act) in denominations.items()
                )
            else:
                owed = self._get_owed_by_records(company)
                balance = self._get_account_balance(company)
                check.is_ok = not company.currency_id.compare_amounts(owed, balance)
                check.expected = company.currency_id.format(owed)
                check.actual = company.currency_id.format(balance)
                check.detail = False

    def action_explain(self):
        """Open the records that make the invariant fail."""
        self.ensure_one()
        company = self.company_id
        if self.check_type == "stock":
            quants, denominations = self._get_stock_mismatches(company)
            domain = [("id", "in", quants.ids)]
            if denominations and not quants:
                domain = [
                    ("company_id", "=", company.id),
                    ("denomination_id", "in", [d.id for d in denominations if d]),
                ]
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Stock lines causing the difference"),
                "res_model": "le97.pive.note.quant",
                "view_mode": "list",
                "domain": domain,
            }
        lines, bad_sales, bad_remittances = self._get_account_culprits(company)
        if bad_sales or bad_remittances:
            records = bad_sales or bad_remittances
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Records whose entry is missing or changed"),
                "res_model": records._name,
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
                "domain": [("id", "in", records.ids)],
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Entries of the exchange account not from the office"),
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "domain": [("id", "in", lines.ids)],
        }
