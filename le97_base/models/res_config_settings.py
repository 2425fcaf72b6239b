# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    fund_legal_form = fields.Selection(
        related="company_id.fund_legal_form", readonly=False
    )
    fund_siren = fields.Char(related="company_id.fund_siren", readonly=False)
    fund_rna = fields.Char(related="company_id.fund_rna", readonly=False)
    fund_object = fields.Text(related="company_id.fund_object", readonly=False)
    fund_signatory_name = fields.Char(
        related="company_id.fund_signatory_name", readonly=False
    )
    fund_signatory_title = fields.Char(
        related="company_id.fund_signatory_title", readonly=False
    )
    fund_public_appeal_date = fields.Date(
        related="company_id.fund_public_appeal_date", readonly=False
    )
    fund_public_appeal_running = fields.Boolean(
        related="company_id.fund_public_appeal_running", readonly=False
    )
    le97_cvn_mode = fields.Selection(related="company_id.le97_cvn_mode", readonly=False)
    le97_cvn_journal_id = fields.Many2one(
        related="company_id.le97_cvn_journal_id", readonly=False
    )
    le97_chart_template = fields.Selection(
        related="company_id.chart_template", string="Current Chart of Accounts"
    )
    le97_warning_html = fields.Html(
        string="Warnings", compute="_compute_le97_warning_html", sanitize=False
    )

    @api.depends("company_id")
    def _compute_le97_warning_html(self):
        for settings in self:
            settings.le97_warning_html = settings.company_id._le97_get_warnings_html()

    def action_le97_install_nonprofit_chart(self):
        self.ensure_one()
        self.env["account.chart.template"]._le97_install_nonprofit_chart(
            self.company_id
        )
        return {"type": "ir.actions.client", "tag": "reload"}
