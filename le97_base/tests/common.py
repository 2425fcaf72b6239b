# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


def add_test_users(test_class, company, **users):
    """Create the users ``attribute=(login, groups)`` working in ``company`` and
    set them as attributes of ``test_class``."""
    for attribute, (login, groups) in users.items():
        user = new_test_user(
            test_class.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=company.ids,
        )
        setattr(test_class, attribute, user)


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
        add_test_users(
            cls,
            cls.company,
            user_volunteer=("le97_volunteer", "le97_base.group_volunteer"),
            user_treasurer=("le97_treasurer", "le97_base.group_treasurer"),
            user_receipt_admin=("le97_receipt_admin", "le97_base.group_receipt_admin"),
            user_employee=("le97_employee", "base.group_user"),
        )
