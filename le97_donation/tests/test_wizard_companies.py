# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import Le97DonationCommon


@tagged("post_install", "-at_install")
class TestWizardCompanies(Le97DonationCommon):
    """The yearly receipts and the declaration open in the form (the
    onchange a browser sends) in a database of two companies, for a user of
    both companies with one or both selected and for a user of one company,
    who does not see the company field (issue 16: "Expected singleton:
    res.currency()")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].search(
            [("id", "!=", cls.company.id)], limit=1
        ) or cls.env["res.company"].create(
            {"name": "Autre fonds", "currency_id": cls.company.currency_id.id}
        )
        both = cls.company | cls.other_company
        cls.admin_both = new_test_user(
            cls.env,
            login="don_admin_both",
            groups="le97_base.group_receipt_admin,base.group_multi_company",
            company_id=cls.company.id,
            company_ids=both.ids,
        )
        cls.admin_one = new_test_user(
            cls.env,
            login="don_admin_one",
            groups="le97_base.group_receipt_admin",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        # this year: 150 receipted at validation; last year: 80 for a yearly
        # receipt
        cls._validated_donation(cls.donor, 120)
        cls._validated_donation(cls.donor, 30)
        cls.last_year = cls.today.year - 1
        for amount in (70, 10):
            cls._validated_donation(
                cls.donor,
                amount,
                tax_receipt_option="annual",
                donation_date=cls.today.replace(year=cls.last_year, month=6, day=1),
            )

    def _cases(self):
        both = self.company | self.other_company
        return [
            (self.admin_both, both),
            (self.admin_both, self.other_company | self.company),
            (self.admin_both, self.company),
            (self.admin_both, self.other_company),
            (self.admin_one, self.company),
            (self.user_treasurer, self.company),
        ]

    def test_users_of_one_company_do_not_see_the_company(self):
        self.assertFalse(self.admin_one.has_group("base.group_multi_company"))
        self.assertFalse(self.user_treasurer.has_group("base.group_multi_company"))

    def test_declaration_form_opens(self):
        for user, companies in self._cases():
            with self.subTest(user=user.login, companies=companies.ids):
                env = self.env(
                    user=user,
                    context={"allowed_company_ids": companies.ids, "lang": "fr_FR"},
                )
                if not user.has_group("le97_base.group_receipt_admin"):
                    # a treasurer reads the declarations, does not make them
                    with self.assertRaises(AccessError):
                        env["donation.tax.receipt.declaration"].create({})
                    continue
                form = Form(env["donation.tax.receipt.declaration"])
                self.assertEqual(form.company_id, companies[0])
                self.assertEqual(form.currency_id, companies[0].currency_id)
                self.assertEqual(form.year, self.today.year - 1)
                self.assertEqual(form.amount_total, 0)
                form.year = self.today.year
                # one declaration per company and year: each case on its own
                savepoint = self.env.cr.savepoint()
                declaration = form.save()
                declaration.action_compute()
                expected = 150 if companies[0] == self.company else 0
                self.assertEqual(declaration.amount_total, expected)
                self.assertEqual(declaration.currency_id, companies[0].currency_id)
                savepoint.close()  # rolls back
                self.env.invalidate_all()

    def test_yearly_form_opens(self):
        for user, companies in self._cases():
            if not user.has_group("le97_base.group_receipt_admin"):
                continue
            with self.subTest(user=user.login, companies=companies.ids):
                env = self.env(
                    user=user,
                    context={"allowed_company_ids": companies.ids, "lang": "fr_FR"},
                )
                form = Form(env["donation.tax.receipt.yearly"])
                self.assertEqual(form.company_id, companies[0])
                self.assertEqual(form.currency_id, companies[0].currency_id)
                self.assertEqual(form.year, self.last_year)
                wizard = form.save()
                self.assertEqual(wizard.company_id, companies[0])

    def test_yearly_total_is_an_amount(self):
        fields = self.env["donation.tax.receipt.yearly"].fields_get(["amount_total"])
        self.assertEqual(fields["amount_total"]["type"], "monetary")
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.admin_one)
            .create({"year": self.last_year})
        )
        wizard.action_issue()
        self.assertEqual(wizard.amount_total, 80)
        self.assertEqual(wizard.currency_id, self.company.currency_id)

    def test_years_without_thousands_separator(self):
        for model in (
            "donation.tax.receipt.yearly",
            "donation.tax.receipt.declaration",
        ):
            arch = self.env[model].get_views([(False, "form")])["views"]["form"]["arch"]
            years = [line for line in arch.splitlines() if 'name="year"' in line]
            self.assertTrue(years, model)
            for line in years:
                self.assertIn("'enable_formatting': false", line, model)
