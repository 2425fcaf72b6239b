# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class PosConfig(models.Model):
    _inherit = "pos.config"

    @api.constrains(
        "pricelist_id",
        "use_pricelist",
        "available_pricelist_ids",
        "journal_id",
        "invoice_journal_id",
        "payment_method_ids",
    )
    def _check_currencies(self):
        """Odoo's check of the currencies of a POS, except that the payment
        methods of the local currency, whose journals are in Pive, are
        accepted at a parity of one euro (a POS amount in euros is then the
        same number of Pives).

        Odoo's check refuses any journal in another currency and cannot be
        narrowed from outside: it is written again here, with the same rules
        for everything else.
        """
        for config in self:
            if (
                config.use_pricelist
                and config.pricelist_id
                and config.pricelist_id not in config.available_pricelist_ids
            ):
                raise ValidationError(
                    self.env._(
                        "The default pricelist must be included in the available "
                        "pricelists."
                    )
                )
            for method in config.payment_method_ids:
                journal_currency = method.journal_id.currency_id
                if not journal_currency or journal_currency == config.currency_id:
                    continue
                if method.le97_pive_medium:
                    problem = method._le97_pive_parity_problem(config)
                    if problem:
                        raise ValidationError(problem)
                    continue
                raise ValidationError(
                    self.env._(
                        "All payment methods must be in the same currency as the "
                        "Sales Journal or the company currency if that is not set."
                    )
                )
            if config.use_pricelist and any(
                pricelist.currency_id != config.currency_id
                for pricelist in config.available_pricelist_ids
            ):
                raise ValidationError(
                    self.env._(
                        "All available pricelists must be in the same currency as "
                        "the company or as the Sales Journal set on this point of "
                        "sale if you use the Accounting application."
                    )
                )
            invoice_currency = config.invoice_journal_id.currency_id
            if invoice_currency and invoice_currency != config.currency_id:
                raise ValidationError(
                    self.env._(
                        "The invoice journal must be in the same currency as the "
                        "Sales Journal or the company currency if that is not set."
                    )
                )
