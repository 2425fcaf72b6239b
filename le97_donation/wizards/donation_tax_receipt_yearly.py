# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import logging

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class DonationTaxReceiptYearly(models.TransientModel):
    """Issue, in one batch, one yearly receipt per donor for all the eligible
    gifts of a year that have no receipt yet."""

    _name = "donation.tax.receipt.yearly"
    _description = "Issue Yearly Fiscal Receipts"

    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year - 1

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "To Run"), ("done", "Done")], default="draft", readonly=True
    )
    receipt_ids = fields.Many2many(
        "donation.tax.receipt",
        "le97_yearly_wizard_receipt_rel",
        "wizard_id",
        "receipt_id",
        string="Issued Receipts",
        readonly=True,
    )
    skipped_partner_ids = fields.Many2many(
        "res.partner",
        "le97_yearly_wizard_skipped_partner_rel",
        "wizard_id",
        "partner_id",
        string="Donors Skipped",
        readonly=True,
        help="Donors who already have an issued yearly receipt for this year: "
        "their new gifts were left without receipt.",
    )
    receipt_count = fields.Integer(string="Receipts Issued", compute="_compute_totals")
    skipped_count = fields.Integer(
        string="Number of Donors Skipped", compute="_compute_totals"
    )
    amount_total = fields.Monetary(string="Total Amount", compute="_compute_totals")
    pending_original_count = fields.Integer(
        string="Originals Being Prepared",
        compute="_compute_pending_original_count",
        help="Issued receipts whose original PDF the scheduled action has not "
        "rendered yet.",
    )

    @api.depends("receipt_ids.amount", "skipped_partner_ids")
    def _compute_totals(self):
        for wizard in self:
            wizard.receipt_count = len(wizard.receipt_ids)
            wizard.skipped_count = len(wizard.skipped_partner_ids)
            wizard.amount_total = sum(wizard.receipt_ids.mapped("amount"))

    @api.depends("receipt_ids")
    def _compute_pending_original_count(self):
        for wizard in self:
            wizard.pending_original_count = len(
                wizard.receipt_ids.sudo().filtered(
                    lambda r: not r.le97_pdf_attachment_id
                )
            )

    # ------------------------------------------------------------------
    def _check_receipt_admin(self):
        self.env["donation.tax.receipt"]._le97_check_receipt_admin(
            self.env._("Only a receipts administrator issues the yearly receipts.")
        )

    def _get_period(self):
        self.ensure_one()
        if not 1900 < self.year < 3000:
            raise UserError(
                self.env._("The year %(year)s is not valid.", year=self.year)
            )
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    def _get_eligible_donation_domain(self):
        """Gifts of the year, validated, meant for a yearly receipt, with an
        eligible amount and no receipt yet (same selection as the OCA wizard)."""
        start, end = self._get_period()
        return [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("tax_receipt_option", "=", "annual"),
            ("tax_receipt_id", "=", False),
            ("tax_receipt_total", "!=", 0),
            ("donation_date", ">=", start),
            ("donation_date", "<=", end),
        ]

    def _get_existing_receipt_domain(self, partner_ids):
        start, end = self._get_period()
        return [
            ("company_id", "=", self.company_id.id),
            ("type", "=", "annual"),
            ("state", "=", "issued"),
            ("donation_date", ">=", start),
            ("donation_date", "<=", end),
            ("partner_id", "in", partner_ids),
        ]

    def _prepare_yearly_receipt_vals(self, partner_id, amount, donation_ids):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "currency_id": self.company_id.currency_id.id,
            "partner_id": partner_id,
            "type": "annual",
            "amount": amount,
            "date": fields.Date.context_today(self),
            "donation_date": self._get_period()[1],
            "le97_donation_ids": [Command.set(donation_ids)],
        }

    def _collect_gifts(self):
        """{donor id: (amount, [donation ids])} in ONE grouped query."""
        groups = self.env["donation.donation"]._read_group(
            self._get_eligible_donation_domain(),
            groupby=["commercial_partner_id"],
            aggregates=["tax_receipt_total:sum", "id:array_agg"],
        )
        currency = self.company_id.currency_id
        return {
            partner.id: (currency.round(amount), sorted(ids))
            for partner, amount, ids in groups
            if not currency.is_zero(amount)
        }

    def _issue_yearly_receipts(self):
        """The batch itself. Returns (receipts, skipped partners).

        A constant number of queries whatever the number of donors: one grouped
        read of the gifts, one search of the existing yearly receipts, one
        create() of all the receipts (checks and gapless numbers of
        ``donation.tax.receipt`` work on the whole recordset, numbers are
        reserved in one statement), one UPDATE linking the gifts to their
        receipt, one batched chatter log.
        """
        self.ensure_one()
        gifts = self._collect_gifts()
        receipt_model = self.env["donation.tax.receipt"]
        existing = receipt_model.search(self._get_existing_receipt_domain(list(gifts)))
        skipped = existing.partner_id
        for partner_id in skipped.ids:
            gifts.pop(partner_id, None)
        if not gifts:
            return receipt_model, skipped
        vals_list = [
            self._prepare_yearly_receipt_vals(partner_id, amount, donation_ids)
            for partner_id, (amount, donation_ids) in gifts.items()
        ]
        # The chatter is written below in one batch instead of per receipt;
        # the originals are rendered afterwards by the scheduled action.
        receipts = receipt_model.with_context(tracking_disable=True)._le97_issue(
            vals_list
        )
        self._link_donations(receipts)
        receipts._message_log_batch(
            bodies={
                receipt.id: Markup("<p>%s</p>")
                % self.env._(
                    "Yearly receipt %(number)s issued for the gifts of %(year)s.",
                    number=receipt.number,
                    year=self.year,
                )
                for receipt in receipts
            }
        )
        return receipts, skipped

    def _link_donations(self, receipts):
        """Point each gift to its receipt in ONE statement."""
        receipt_ids, donation_ids = [], []
        for receipt in receipts:
            for donation_id in receipt.le97_donation_ids.ids:
                receipt_ids.append(receipt.id)
                donation_ids.append(donation_id)
        self.env["donation.donation"].flush_model(["tax_receipt_id"])
        self.env.cr.execute(
            """
            UPDATE donation_donation AS d
               SET tax_receipt_id = v.receipt_id,
                   write_uid = %s,
                   write_date = now() at time zone 'UTC'
              FROM (SELECT unnest(%s::int[]) AS donation_id,
                           unnest(%s::int[]) AS receipt_id) AS v
             WHERE d.id = v.donation_id AND d.tax_receipt_id IS NULL
            """,
            (self.env.uid, donation_ids, receipt_ids),
        )
        if self.env.cr.rowcount != len(donation_ids):
            raise UserError(
                self.env._(
                    "Some gifts were receipted by someone else meanwhile: run the "
                    "yearly receipts again."
                )
            )
        self.env["donation.donation"].invalidate_model(["tax_receipt_id"])
        receipts.invalidate_recordset(["donation_ids"])

    def action_issue(self):
        self.ensure_one()
        self._check_receipt_admin()
        receipts, skipped = self._issue_yearly_receipts()
        _logger.info(
            "%d yearly receipts issued for %s, %d donors skipped",
            len(receipts),
            self.year,
            len(skipped),
        )
        self.write(
            {
                "state": "done",
                "receipt_ids": [Command.set(receipts.ids)],
                "skipped_partner_ids": [Command.set(skipped.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Yearly Receipts"),
        }

    def action_open_receipts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "le97_donation.donation_tax_receipt_action"
        )
        action["domain"] = [("id", "in", self.receipt_ids.ids)]
        action["context"] = {}
        return action

    def action_send(self):
        """Open the bulk sending of the receipts just issued."""
        self.ensure_one()
        return self.env["donation.tax.receipt.send"]._action_open(self.receipt_ids)
