# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from importlib import import_module
from inspect import getmembers, isclass

from odoo import models

from odoo.addons.account.models.ir_module import (
    templ,
    template_function,
    template_module,
)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _compute_account_templates(self):
        """Offer the non-profit chart of this addon like any localisation.

        Odoo only looks for chart templates in modules of the category
        "Accounting/Localizations/Account Charts"; this addon is not one, so its
        templates are added here.
        """
        res = super()._compute_account_templates()
        chart = self.env["account.chart.template"]
        for module in self.filtered(lambda m: m.name == "le97_base"):
            python_module = import_module("odoo.addons.le97_base.models")
            templates = {}
            for _name, mdl in getmembers(python_module, template_module):
                for _name, cls in getmembers(mdl, isclass):
                    for _name, fct in getmembers(cls, template_function):
                        values = fct(chart)
                        if values:
                            templates[fct._l10n_template[0]] = {
                                "name": values.get("name"),
                                "parent": values.get("parent"),
                                "sequence": values.get("sequence", 1),
                                "country": values.get("country", ""),
                                "visible": True,
                                "installed": module.state == "installed",
                                "module": module.name,
                            }
            module.account_templates = {
                code: templ(self.env, code, **vals) for code, vals in templates.items()
            }
        return res
