# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Le97DonationCounterpart(models.Model):
    """A counterpart given for a gift: an item of the catalogue, how many, and
    its value when it was given."""

    _name = "le97.donation.counterpart"
    _description = "Counterpart Given for a Gift"
    _order = "donation_id, id"
    _check_company_auto = True

    donation_id = fields.Many2one(
        "donation.donation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="donation_id.company_id", store=True)
    currency_id = fields.Many2one(related="donation_id.currency_id")
    item_id = fields.Many2one(
        "le97.counterpart.item",
        string="Counterpart",
        required=True,
        check_company=True,
        ondelete="restrict",
    )
    quantity = fields.Float(default=1.0, digits=(16, 2), required=True)
    unit_value = fields.Monetary(
        compute="_compute_unit_value",
        store=True,
        readonly=False,
        precompute=True,
        help="Value of one item when it was given (from the catalogue).",
    )
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True, precompute=True)

    @api.depends("item_id")
    def _compute_unit_value(self):
        for line in self:
            line.unit_value = line.item_id.value

    @api.depends("quantity", "unit_value")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.unit_value

    @api.constrains("quantity", "unit_value")
    def _check_positive(self):
        for line in self:
            if line.quantity <= 0 or line.unit_value < 0:
                raise UserError(
                    self.env._(
                        "The counterpart %(item)s needs a positive quantity and "
                        "value.",
                        item=line.item_id.display_name,
                    )
                )

    # a validated gift's counterparts are its receipt's: fixed with it
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._le97_check_draft_donation()
        return lines

    def write(self, vals):
        self._le97_check_draft_donation()
        res = super().write(vals)
        if "donation_id" in vals:
            self._le97_check_draft_donation()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_le97_validated(self):
        self._le97_check_draft_donation()

    def _le97_check_draft_donation(self):
        if self.env.su:
            return
        validated = self.donation_id.filtered(lambda d: d.state != "draft")
        if validated:
            raise UserError(
                self.env._(
                    "The counterparts of the validated donations %(donations)s "
                    "cannot change: cancel the donation and record it again.",
                    donations=", ".join(validated.mapped("display_name")),
                )
            )
