# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.le97_donation.tests.french_labels import (
    DONATION_VIEWS,
    RECEIPT_VIEWS,
    FrenchLabelsMixin,
)

from .common import DonationPiveCommon


@tagged("post_install", "-at_install")
class TestFrenchLabelsPive(FrenchLabelsMixin, DonationPiveCommon):
    """le97_donation's screens in French with the Pive bridge installed."""

    _le97_french_modules = [
        *FrenchLabelsMixin._le97_french_modules,
        "le97_pive",
        "le97_donation_pive",
    ]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_load_french()
        cls.user_all = new_test_user(
            cls.env,
            login="don_pive_all_labels",
            groups="le97_base.group_receipt_admin,base.group_multi_currency,"
            "base.group_multi_company",
            lang="fr_FR",
        )

    def test_donation_and_receipt_views_in_french(self):
        env = self.env(user=self.user_all, context={"lang": "fr_FR"})
        self.assertViewsInFrench(env, DONATION_VIEWS + RECEIPT_VIEWS)
        selection = dict(
            env["donation.donation"].fields_get(["le97_payment_means"])[
                "le97_payment_means"
            ]["selection"]
        )
        self.assertEqual(selection["pive"], "Pive (monnaie locale)")
        # a contact's name has no translation: the data is French
        self.assertEqual(
            self.env.ref("le97_donation_pive.res_partner_pive_anonymous_donor").name,
            "Donateur anonyme (monnaie locale)",
        )

    def test_new_donation_is_not_paid_in_pive(self):
        """The default method of a new donation is the bank's, never the
        Pive digital journal's (a bank journal too)."""
        env = self.env(user=self.user_treasurer, context={"lang": "fr_FR"})
        form = Form(env["donation.donation"])
        journal = form.payment_method_line_id.journal_id
        self.assertEqual(journal.type, "bank")
        self.assertNotIn(
            journal,
            self.company.mlcc_paper_journal_id | self.company.mlcc_digital_journal_id,
        )
        self.assertNotEqual(form.le97_payment_means, "pive")
