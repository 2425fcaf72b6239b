# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from odoo.addons.le97_donation.tests.common import Le97DonationCommon


class DonationPiveCommon(Le97DonationCommon):
    """The fund of le97_donation's tests with its local currency set up, a
    Pive merchant, and a payment method ticking the Pive box."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company._le97_pive_setup()
        cls.company.fund_receipt_allow_pive = False
        cls.user_merchant = new_test_user(
            cls.env,
            login="don_merchant",
            groups="le97_pive.group_pive_merchant",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        cls.pive_line = cls.method_line.copy(
            {
                "name": "Pive",
                "le97_payment_means": "pive",
                "payment_account_id": cls.method_line.payment_account_id.id,
            }
        )
