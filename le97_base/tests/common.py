# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class Le97Common(BaseCommon):
    """A French company and one user per Le 97 role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {
                "name": "Fonds de test Le 97",
                "street": "97 rue Battant",
                "zip": "25000",
                "city": "Besançon",
                "country_id": cls.env.ref("base.fr").id,
                "currency_id": cls.env.ref("base.EUR").id,
            }
        )
        cls.env.user.company_ids |= cls.company
        company_ctx = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.user_merchant = new_test_user(
            cls.env,
            login="le97_merchant",
            groups="le97_base.group_pive_merchant",
            **company_ctx,
        )
        cls.user_treasurer = new_test_user(
            cls.env,
            login="le97_treasurer",
            groups="le97_base.group_treasurer",
            **company_ctx,
        )
        cls.user_receipt_admin = new_test_user(
            cls.env,
            login="le97_receipt_admin",
            groups="le97_base.group_receipt_admin",
            **company_ctx,
        )
        cls.user_employee = new_test_user(
            cls.env,
            login="le97_employee",
            groups="base.group_user",
            **company_ctx,
        )
