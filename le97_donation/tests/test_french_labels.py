# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import Le97DonationCommon
from .french_labels import (
    DONATION_VIEWS,
    KNOWN_ENGLISH,
    RECEIPT_VIEWS,
    FrenchLabelsMixin,
    english_labels,
)


@tagged("post_install", "-at_install")
class TestFrenchLabels(FrenchLabelsMixin, Le97DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._le97_load_french()
        # every group that shows a field of these views
        cls.user_all = new_test_user(
            cls.env,
            login="don_all_labels",
            groups="le97_base.group_receipt_admin,base.group_multi_currency,"
            "base.group_multi_company,analytic.group_analytic_accounting",
            lang="fr_FR",
        )
        cls.env_fr = cls.env(user=cls.user_all, context={"lang": "fr_FR"})

    def test_criterion_finds_english(self):
        """The check itself: OCA's receipt form without this addon's labels
        is English in French."""
        self.env.ref("le97_donation.donation_tax_receipt_view_form").active = False
        untranslated, _empty = english_labels(
            self.env_fr, "donation.tax.receipt", "form"
        )
        self.assertIn("Send by Email", untranslated)

    def test_donation_views_in_french(self):
        self.assertViewsInFrench(self.env_fr, DONATION_VIEWS)

    def test_receipt_views_in_french(self):
        self.assertViewsInFrench(self.env_fr, RECEIPT_VIEWS)

    def test_new_donation_in_french(self):
        """The values a new donation form shows: its title, its payment
        method and the names of the donation methods."""
        env = self.env(user=self.user_treasurer, context={"lang": "fr_FR"})
        form = Form(env["donation.donation"])
        self.assertEqual(form.number, "Nouveau")
        methods = env["account.payment.method.line"].search(
            [("donation", "=", True), ("company_id", "=", self.company.id)]
        )
        self.assertTrue(methods)
        for name in methods.mapped("display_name"):
            self.assertFalse(
                [text for text in KNOWN_ENGLISH if text in name],
                f"{name} in English",
            )
        # the translated "New" is not kept as a number
        form.partner_id = self.donor
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.unit_price = 10
        donation = form.save()
        self.assertNotIn(donation.number, ("Nouveau", "New"))

    def test_payment_method_names_in_company_language(self):
        """A journal made in English gets French method names from the
        donation set-up; a name chosen by the user is kept."""
        self.company.partner_id.lang = "fr_FR"
        journal = (
            self.env["account.journal"]
            .with_context(lang="en_US")
            .create({"name": "Crédit Mutuel", "code": "CMUT", "type": "bank"})
        )
        lines = journal.inbound_payment_method_line_ids
        lines |= journal.outbound_payment_method_line_ids
        manual = lines.filtered(lambda line: line.payment_method_id.code == "manual")
        self.assertEqual(set(manual.mapped("name")), {"Manual Payment"})
        manual[:1].name = "Chèques reçus"
        self.company._le97_donation_setup()
        self.assertEqual(manual[:1].name, "Chèques reçus")
        self.assertEqual(set(manual[1:].mapped("name")), {"Paiement manuel"})
        self.assertEqual(
            manual[1:].with_context(lang="fr_FR").display_name,
            "Paiement manuel (Crédit Mutuel)",
        )

    def test_send_receipt_in_french(self):
        """The receipt's Send by Email opens the e-mail of Le 97 (in the
        donor's language) and says in French when the donor has no e-mail."""
        receipt = self._validated_donation().tax_receipt_id
        self._le97_render_originals()  # the e-mail carries the original
        env = self.env(user=self.user_admin, context={"lang": "fr_FR"})
        action = receipt.with_env(env).action_send_tax_receipt()
        self.assertEqual(action["name"], "Envoyer le reçu fiscal")
        template = self.env["mail.template"].browse(
            action["context"]["default_template_id"]
        )
        self.assertEqual(
            template, self.env.ref("le97_donation.mail_template_receipt_bulk")
        )
        self.assertIn(
            "Merci encore pour votre soutien",
            template._render_field("body_html", receipt.ids, compute_lang=True)[
                receipt.id
            ],
        )
        receipt.partner_id.email = False
        with self.assertRaisesRegex(UserError, "n'a pas d'adresse e-mail"):
            receipt.with_env(env).action_send_tax_receipt()

    def test_option_switch_in_french(self):
        donation = self._validated_donation(tax_receipt_option="none")
        env = self.env(user=self.user_treasurer, context={"lang": "fr_FR"})
        selection = dict(
            env["donation.tax.receipt.option.switch"].fields_get(
                ["new_tax_receipt_option"]
            )["new_tax_receipt_option"]["selection"]
        )
        self.assertEqual(selection["annual"], "Reçu fiscal annuel")
        self.assertEqual(
            dict(
                env["donation.donation"].fields_get(["tax_receipt_option"])[
                    "tax_receipt_option"
                ]["selection"]
            )["none"],
            "Aucun",
        )
        self.assertTrue(donation.line_ids)
        self.assertEqual(
            dict(
                env["donation.line"].fields_get(["product_donation_type"])[
                    "product_donation_type"
                ]["selection"]
            )["donation"],
            "Don monétaire",
        )

    def test_validation_mistakes_in_french(self):
        """OCA's refusals of the usual mistakes are said in French, all the
        donations of a batch in one message."""
        env = self.env(user=self.user_treasurer, context={"lang": "fr_FR"})
        Donation = env["donation.donation"]
        empty = Donation.create(
            {
                "partner_id": self.donor.id,
                "payment_method_line_id": self.cheque_line.id,
                "donation_date": self.today,
            }
        )
        zero = Donation.create(self._donation_vals(amount=0))
        no_method = Donation.create(self._donation_vals(method_line=self.cheque_line))
        no_method.payment_method_line_id = False
        with self.assertRaises(UserError) as cm:
            (empty | zero | no_method).validate()
        message = str(cm.exception)
        self.assertIn("Les dons ne peuvent pas être validés", message)
        self.assertIn(f"Le don {empty.display_name} n'a aucune ligne", message)
        self.assertIn(f"Le don {zero.display_name} a un total nul", message)
        self.assertIn(
            f"Le don {no_method.display_name} n'a pas de méthode de paiement", message
        )
        self.assertEqual(empty.state, "draft")

    def test_annual_option_warning_in_french(self):
        self.donor.tax_receipt_option = "annual"
        env = self.env(user=self.user_treasurer, context={"lang": "fr_FR"})
        donation = env["donation.donation"].new(
            {"partner_id": self.donor.id, "tax_receipt_option": "each"}
        )
        warning = donation.tax_receipt_option_change()["warning"]
        self.assertEqual(warning["title"], "Reçu annuel")
        self.assertIn("Jeanne Dupont demande un reçu annuel", warning["message"])
        self.assertEqual(donation.tax_receipt_option, "annual")
