# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.le97_pive.models.le97_pive_payment import MEDIUMS


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    le97_pive_medium = fields.Selection(
        selection=MEDIUMS,
        string="Local Currency",
        help="Payments in the local currency (La Pive): notes are whole notes "
        "only and the change is given in euros; the payments are posted in the "
        "notes or digital journal of the local currency when the session is "
        "closed.",
    )

    @api.depends("journal_id", "split_transactions", "le97_pive_medium")
    def _compute_type(self):
        # Odoo counts only one cash method at closing and gives the change in
        # the first one: the Pive notes are counted on their own line and the
        # change is never given in Pive.
        res = super()._compute_type()
        for method in self.filtered("le97_pive_medium"):
            method.type = "bank"
        return res

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "le97_pive_medium"]

    @api.constrains("le97_pive_medium", "journal_id", "company_id")
    def _check_le97_pive_medium(self):
        for method in self.filtered("le97_pive_medium"):
            company = method.company_id.sudo()
            journal = company._le97_pive_journal(method.le97_pive_medium)
            if not journal:
                raise ValidationError(
                    self.env._(
                        "The local currency is not set up for %(company)s: the "
                        "payment method %(method)s cannot take local currency. "
                        "See the settings of the local currency.",
                        company=company.name,
                        method=method.name,
                    )
                )
            if method.journal_id != journal:
                raise ValidationError(
                    self.env._(
                        "The payment method %(method)s takes local currency "
                        "(%(medium)s): its journal must be %(journal)s.",
                        method=method.name,
                        medium=method._le97_pive_medium_label(),
                        journal=journal.display_name,
                    )
                )

    def _le97_pive_medium_label(self):
        self.ensure_one()
        return dict(
            self._fields["le97_pive_medium"]._description_selection(self.env)
        ).get(self.le97_pive_medium, "")

    def _le97_pive_parity_problem(self, config):
        """Why the POS ``config`` cannot take this method, or ``None``.

        A POS works in one currency: its amounts are written as they are in
        the method's journal. The journals of the local currency are in Pive:
        only a parity of exactly one euro keeps the amounts right.
        """
        self.ensure_one()
        company = config.company_id.sudo()
        currency = self.journal_id.currency_id
        if currency != company.mlcc_currency_id or not currency.le97_fixed_parity:
            return self.env._(
                "The journal %(journal)s of the payment method %(method)s is "
                "not in the local currency of %(company)s.",
                journal=self.journal_id.display_name,
                method=self.name,
                company=company.name,
            )
        if config.currency_id != company.currency_id:
            return self.env._(
                "The point of sale %(pos)s is not in the currency of its "
                "company: it cannot take local currency.",
                pos=config.name,
            )
        parity = self.env["res.currency"]._le97_parity(company)
        if company.currency_id.compare_amounts(parity, 1.0):
            return self.env._(
                "The local currency of %(company)s is worth %(parity)s euros: "
                "the point of sale takes it only at a parity of one euro.",
                company=company.name,
                parity=parity,
            )
        return None
