# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import Le97Common


@tagged("post_install", "-at_install")
class TestFundIdentity(Le97Common):
    def test_valid_identity(self):
        self.company.write(
            {
                "fund_siren": "123456782",
                "fund_rna": "W251234567",
                "fund_object": "Soutenir le tiers-lieu Le 97",
                "fund_signatory_name": "Camille Durand",
                "fund_signatory_title": "Présidente",
            }
        )
        self.assertEqual(self.company.fund_siren, "123456782")
        self.assertEqual(self.company.fund_rna, "W251234567")
        self.assertEqual(self.company.fund_legal_form, "endowment_fund")

    def test_siren_bad_key(self):
        with self.assertRaises(ValidationError) as error:
            self.company.write({"fund_siren": "123456789"})
        self.assertIn("123456789", str(error.exception))
        self.assertIn(self.company.name, str(error.exception))
        self.assertFalse(self.company.fund_siren)

    def test_siren_bad_shape(self):
        for value in ("12345678", "12345678A", "1234567820"):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.company.write({"fund_siren": value})
            self.assertFalse(self.company.fund_siren)

    def test_rna(self):
        for value in (
            "W12345678",
            "X123456789",
            "w123456789",
            "W1234567890",
            "123456789",
        ):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.company.write({"fund_rna": value})
            self.assertFalse(self.company.fund_rna)

    def test_message_in_french(self):
        fr = self.env["res.lang"]._activate_lang("fr_FR")
        self.assertTrue(fr)
        company = self.company.with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as error:
            company.write({"fund_rna": "X1"})
        self.assertIn("n'est pas valide", str(error.exception))

    def test_settings_form(self):
        with Form(
            self.env["res.config.settings"].with_company(self.company)
        ) as settings:
            settings.fund_siren = "552100554"
            settings.fund_signatory_name = "Camille Durand"
            settings.fund_public_appeal_running = True
        settings.save().execute()
        self.assertEqual(self.company.fund_siren, "552100554")
        self.assertEqual(self.company.fund_signatory_name, "Camille Durand")
        self.assertTrue(self.company.fund_public_appeal_running)
