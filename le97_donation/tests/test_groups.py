# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDonationGroups(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.volunteer = new_test_user(
            cls.env, login="don_volunteer", groups="le97_base.group_volunteer"
        )
        cls.treasurer = new_test_user(
            cls.env, login="don_treasurer", groups="le97_base.group_treasurer"
        )
        cls.receipt_admin = new_test_user(
            cls.env, login="don_receipt_admin", groups="le97_base.group_receipt_admin"
        )

    def test_le97_roles_get_oca_donation_rights(self):
        self.assertTrue(self.treasurer.has_group("donation.group_donation_user"))
        self.assertFalse(self.treasurer.has_group("donation.group_donation_manager"))
        self.assertTrue(self.receipt_admin.has_group("donation.group_donation_manager"))
        self.assertFalse(self.volunteer.has_group("donation.group_donation_viewer"))
