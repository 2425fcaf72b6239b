# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import file_path, format_amount

from .common import Le97DonationCommon


class NonGiftCommon(Le97DonationCommon):
    """Donation products that are not gifts: a pay-what-you-can price for
    using the place, a bar sale, a fee with a counterpart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_706 = cls._account("706000")
        cls.account_707 = cls._account("707000")
        cls.prix_libre = cls._product("Prix libre (usage du lieu)", "service")
        cls.bar = cls._product("Bar", "sale", cls.account_707)
        cls.fee = cls._product("Stage avec repas", "counterpart_fee")

    @classmethod
    def _account(cls, code):
        return cls.env["account.account"].search(
            [
                *cls.env["account.account"]._check_company_domain(cls.company),
                ("code", "=", code),
            ],
            limit=1,
        )

    @classmethod
    def _product(cls, name, kind, account=None):
        return (
            cls.env["product.product"]
            .with_company(cls.company)
            .create(
                {
                    "name": name,
                    "type": "service",
                    "donation_type": "donation",
                    "le97_gift_kind": kind,
                    "taxes_id": [Command.clear()],
                    # a product of one fund: no default taxes of the others
                    "company_id": cls.company.id,
                    "property_account_income_id": (account or cls.account_706).id,
                }
            )
        )

    @classmethod
    def _line(cls, product, amount):
        return Command.create(
            {"product_id": product.id, "quantity": 1, "unit_price": amount}
        )

    @classmethod
    def _draft(cls, lines, partner=None, **kw):
        vals = cls._donation_vals(partner, **kw)
        vals["line_ids"] = lines
        return cls.env["donation.donation"].create(vals)

    def _last_number(self, year=None):
        counter = self.env["le97.receipt.counter"].sudo()
        counter.invalidate_model()
        return (
            counter.search(
                [
                    ("company_id", "=", self.company.id),
                    ("year", "=", year or self.today.year),
                ]
            ).last_number
            or 0
        )

    def _amount(self, amount):
        return format_amount(self.env, amount, self.company.currency_id)

    def _snapshot(self):
        return (
            self._receipt_count(),
            self.env["account.move"].search_count([]),
            self._last_number(),
        )


@tagged("post_install", "-at_install")
class TestGiftKindOfProducts(NonGiftCommon):
    """The product says whether it is a gift; only a gift may be eligible for
    a fiscal receipt."""

    def test_data_products_are_gifts(self):
        product = self.env.ref("le97_donation.product_product_gift")
        self.assertEqual(product.le97_gift_kind, "gift")
        self.assertTrue(product.tax_receipt_ok)

    def test_new_donation_product_is_a_gift_by_default(self):
        product = self.env["product.product"].create(
            {
                "name": "Don au jardin",
                "type": "service",
                "donation_type": "donation",
                "taxes_id": [Command.clear()],
                "company_id": self.company.id,
            }
        )
        self.assertEqual(product.le97_gift_kind, "gift")
        product.tax_receipt_ok = True
        self.assertTrue(product.tax_receipt_ok)
        other = self.env["product.product"].create({"name": "Tisane"})
        self.assertFalse(other.le97_gift_kind)

    def test_non_gift_cannot_be_eligible_for_receipts(self):
        for product in self.prix_libre | self.bar | self.fee:
            with self.subTest(product=product.name):
                self.assertFalse(product.tax_receipt_ok)
                with self.assertRaises(ValidationError) as cm:
                    product.tax_receipt_ok = True
                self.assertIn(product.name, str(cm.exception))
                self.assertIn("not a gift", str(cm.exception))
                product.invalidate_recordset()
                self.assertFalse(product.tax_receipt_ok)
        with self.assertRaises(ValidationError):
            self.env["product.product"].create(
                {
                    "name": "Entrée concert",
                    "type": "service",
                    "donation_type": "donation",
                    "le97_gift_kind": "sale",
                    "tax_receipt_ok": True,
                    "taxes_id": [Command.clear()],
                    "company_id": self.company.id,
                }
            )
        self.assertFalse(
            self.env["product.product"].search([("name", "=", "Entrée concert")])
        )

    def test_gift_turned_into_non_gift_loses_its_eligibility(self):
        product = self._product("Soutien", "gift")
        product.tax_receipt_ok = True
        product.le97_gift_kind = "service"
        self.assertFalse(product.tax_receipt_ok)

    def test_product_form(self):
        """On the product form, a donation product chooses its kind; a
        pay-what-you-can is then not eligible for receipts."""
        with Form(self.env["product.template"]) as form:
            form.name = "Prix libre concert"
            form.type = "service"
            form.donation_type = "donation"
            self.assertEqual(form.le97_gift_kind, "gift")
            form.tax_receipt_ok = True
            form.le97_gift_kind = "service"
            self.assertFalse(form.tax_receipt_ok)
        self.assertEqual(form.record.le97_gift_kind, "service")
        self.assertFalse(form.record.tax_receipt_ok)

    def test_kind_labels_in_french(self):
        # French terms of this addon, also on a database that had English only
        self.env["ir.module.module"]._load_module_terms(
            ["le97_donation"], ["fr_FR"], overwrite=True
        )
        labels = dict(
            self.env["product.template"]
            .with_context(lang="fr_FR")
            ._fields["le97_gift_kind"]
            ._description_selection(self.env(context={"lang": "fr_FR"}))
        )
        self.assertEqual(labels["gift"], "Don")
        self.assertIn("Prix libre", labels["service"])


@tagged("post_install", "-at_install")
class TestNonGiftsNeverReceipted(NonGiftCommon):
    """A treasurer validating, a receipts administrator running the yearly
    batch or replacing a receipt: what is not a gift gets a clear refusal and
    nothing changes."""

    def _assert_validation_refused(self, donations, *expected):
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            donations.with_user(self.user_treasurer).validate()
        message = str(cm.exception)
        for text in expected:
            self.assertIn(text, message)
        self.assertEqual(self._snapshot(), before)
        for donation in donations:
            self.assertEqual(donation.state, "draft")
            self.assertFalse(donation.tax_receipt_id)
            self.assertFalse(donation.move_id)
        return message

    def test_prix_libre_per_gift_receipt_refused(self):
        donation = self._draft([self._line(self.prix_libre, 15.0)])
        self._assert_validation_refused(
            donation,
            donation.number,
            "Jeanne Dupont",
            "line 1",
            "Prix libre (usage du lieu)",
            self._amount(15.0),
            "Pay-what-you-can",
            "not a gift",
            "None",
        )

    def test_sale_and_fee_refused_for_yearly_receipt(self):
        """Asking for the yearly receipt is refused too: the gift would be
        left out of the receipt without a word."""
        sale = self._draft(
            [self._line(self.bar, 4.5)], tax_receipt_option="annual", amount=4.5
        )
        fee = self._draft(
            [self._line(self.fee, 60.0)],
            self.company_donor,
            tax_receipt_option="annual",
        )
        message = self._assert_validation_refused(
            sale | fee, sale.number, "Bar", "Sale", fee.number, "Stage avec repas"
        )
        self.assertIn("Comté Bois SARL", message)
        self.assertIn("Fee with a counterpart", message)

    def test_gift_with_a_sale_line_refused(self):
        donation = self._draft(
            [self._line(self.product, 50.0), self._line(self.bar, 20.0)]
        )
        message = self._assert_validation_refused(
            donation, donation.number, "line 2", "Bar", self._amount(20.0)
        )
        self.assertNotIn("line 1", message)

    def test_non_gift_is_a_plain_income_without_receipt(self):
        """With the receipt option None, a non-gift is validated as an income
        on its own account, with no receipt."""
        donation = self._draft(
            [self._line(self.prix_libre, 15.0), self._line(self.bar, 4.5)],
            tax_receipt_option="none",
        )
        receipts, _moves, number = self._snapshot()
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(donation.state, "done")
        self.assertFalse(donation.tax_receipt_id)
        self.assertEqual(donation.tax_receipt_total, 0.0)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self._last_number(), number)
        credits = {
            line.account_id: line.credit
            for line in donation.move_id.line_ids
            if line.credit
        }
        self.assertEqual(credits, {self.account_706: 15.0, self.account_707: 4.5})
        # were it ever to be receipted, each line would be refused
        problems = donation._le97_receipt_gift_problems()
        self.assertEqual(len(problems), 2)
        self.assertIn("line 1", problems[0])
        self.assertIn("line 2", problems[1])

    def test_plain_income_never_switched_to_a_receipt(self):
        """OCA's switch of the receipt option of a validated donation refuses
        a plain income: it would claim a receipt and get none."""
        donation = self._draft(
            [self._line(self.prix_libre, 15.0)], tax_receipt_option="none"
        )
        donation.validate()
        before = self._snapshot()
        for option in ("each", "annual"):
            with self.subTest(option=option):
                wizard = (
                    self.env["donation.tax.receipt.option.switch"]
                    .with_user(self.user_treasurer)
                    .create(
                        {"donation_id": donation.id, "new_tax_receipt_option": option}
                    )
                )
                with self.assertRaises(UserError) as cm:
                    wizard.switch()
                self.assertIn("Prix libre (usage du lieu)", str(cm.exception))
                donation.invalidate_recordset()
                self.assertEqual(donation.tax_receipt_option, "none")
                self.assertFalse(donation.tax_receipt_id)
                self.assertEqual(self._snapshot(), before)

    def test_gift_check_names_each_line(self):
        """The gift's own check (run by every issuing path) names the gift,
        the donor, the line and why, for the whole batch at once."""
        gift = self._draft([self._line(self.product, 80.0)])
        mixed = self._draft(
            [self._line(self.product, 50.0), self._line(self.fee, 30.0)],
            self.company_donor,
        )
        problems = (gift | mixed)._le97_receipt_gift_problems()
        self.assertEqual(len(problems), 1)
        for text in (mixed.number, "Comté Bois SARL", "line 2", "Stage avec repas"):
            self.assertIn(text, problems[0])
        self.assertEqual(gift._le97_receipt_gift_problems(), [])

    def test_pure_gift_still_receipted(self):
        donation = self._draft([self._line(self.product, 80.0)])
        number = self._last_number()
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")
        self.assertEqual(donation.tax_receipt_id.amount, 80.0)
        self.assertEqual(self._last_number(), number + 1)

    def _legacy_yearly(self, lines, partner=None):
        """A donation validated as a plain income, then meant for the yearly
        receipt as a database from before this check could hold it."""
        donation = self._draft(
            lines, partner, tax_receipt_option="none", donation_date=date(2025, 4, 2)
        )
        donation.validate()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE donation_donation SET tax_receipt_option = 'annual' "
            "WHERE id = %s",
            (donation.id,),
        )
        donation.invalidate_recordset(["tax_receipt_option"])
        return donation

    def _run_yearly(self):
        wizard = (
            self.env["donation.tax.receipt.yearly"]
            .with_user(self.user_admin)
            .create({"year": 2025})
        )
        wizard.action_issue()
        return wizard

    def test_yearly_batch_excludes_plain_incomes(self):
        """A non-gift has no eligible amount: the yearly batch leaves it out
        and receipts the gifts only."""
        income = self._legacy_yearly([self._line(self.prix_libre, 15.0)])
        gift = self._validated_donation(
            amount=40.0, tax_receipt_option="annual", donation_date=date(2025, 5, 1)
        )
        wizard = self._run_yearly()
        self.assertEqual(wizard.receipt_ids.le97_donation_ids, gift)
        self.assertEqual(wizard.receipt_ids.amount, 40.0)
        self.assertFalse(income.tax_receipt_id)

    def test_yearly_batch_refuses_a_gift_with_a_non_gift_line(self):
        """A gift holding a sale line is refused by the yearly batch, naming
        it: no receipt, no number, nothing linked."""
        mixed = self._legacy_yearly(
            [self._line(self.product, 50.0), self._line(self.bar, 20.0)]
        )
        gift = self._validated_donation(
            self.company_donor,
            amount=300.0,
            tax_receipt_option="annual",
            donation_date=date(2025, 5, 1),
        )
        receipts = self._receipt_count()
        number = self._last_number()
        with self.assertRaises(UserError) as cm:
            self._run_yearly()
        message = str(cm.exception)
        for text in (mixed.number, "Jeanne Dupont", "line 2", "Bar", "not a gift"):
            self.assertIn(text, message)
        self.assertEqual(self._receipt_count(), receipts)
        self.assertEqual(self._last_number(), number)
        self.assertFalse((mixed | gift).tax_receipt_id)

    def test_replacement_of_a_non_gift_refused(self):
        """A gift found to be a pay-what-you-can after its receipt: the
        receipt can be cancelled, not replaced."""
        product = self._product("Participation libre", "gift")
        product.tax_receipt_ok = True
        donation = self._draft([self._line(product, 25.0)])
        donation.validate()
        receipt = donation.tax_receipt_id
        product.le97_gift_kind = "service"
        before = self._snapshot()
        wizard = Form(
            self.env["donation.tax.receipt.cancel"]
            .with_user(self.user_admin)
            .with_context(default_receipt_ids=receipt.ids)
        )
        wizard.reason = "Prix libre pour l'usage du lieu, pas un don"
        wizard.replace = True
        wizard = wizard.save()
        with self.assertRaises(UserError) as cm:
            wizard.action_confirm()
        for text in (donation.number, "Participation libre", "line 1"):
            self.assertIn(text, str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(receipt.state, "issued")
        self.assertEqual(donation.tax_receipt_id, receipt)
        self.assertFalse(receipt.replacement_receipt_id)


@tagged("post_install", "-at_install")
class TestCompanyGiftAccount(NonGiftCommon):
    """Gifts of companies are credited to 7542 (mécénat), those of
    individuals to 7541 (dons manuels)."""

    def _credits(self, donation):
        return sorted(
            (line.account_id.code, line.credit)
            for line in donation.move_id.line_ids
            if line.credit
        )

    def _debits(self, donation):
        return sorted(
            (line.account_id, line.debit)
            for line in donation.move_id.line_ids
            if line.debit
        )

    def test_chart_accounts(self):
        self.assertEqual(self.company.le97_account_gift_id.code, "754100")
        self.assertEqual(self.company.le97_account_company_gift_id.code, "754200")

    def test_company_gift_on_7542(self):
        donation = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor, 500.0)
        )
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(self._credits(donation), [("754200", 500.0)])
        self.assertEqual(
            self._debits(donation), [(self.cheque_line.payment_account_id, 500.0)]
        )
        self.assertEqual(donation.tax_receipt_id.amount, 500.0)

    def test_individual_gift_on_7541(self):
        donation = self.env["donation.donation"].create(
            self._donation_vals(None, 120.0)
        )
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(self._credits(donation), [("754100", 120.0)])
        self.assertEqual(
            self._debits(donation), [(self.cheque_line.payment_account_id, 120.0)]
        )

    def test_individual_gift_in_money_on_75411(self):
        product = self._product("Don en numéraire", "gift", self._account("754110"))
        product.tax_receipt_ok = True
        donation = self._draft([self._line(product, 35.0)])
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(self._credits(donation), [("754110", 35.0)])
        company_gift = self._draft([self._line(product, 35.0)], self.company_donor)
        company_gift.with_user(self.user_treasurer).validate()
        self.assertEqual(self._credits(company_gift), [("754200", 35.0)])

    def test_company_income_keeps_its_account(self):
        """Only gifts move to 7542: a company's sale stays a sale, a gift on
        another account (bequests) stays there."""
        bequest = self._product("Legs", "gift", self._account("754300"))
        donation = self._draft(
            [
                self._line(self.product, 200.0),
                self._line(self.bar, 30.0),
                self._line(bequest, 1000.0),
            ],
            self.company_donor,
            tax_receipt_option="none",
        )
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(
            self._credits(donation),
            [("707000", 30.0), ("754200", 200.0), ("754300", 1000.0)],
        )

    def test_setup_gives_existing_companies_their_company_gift_account(self):
        account = self.company.le97_account_company_gift_id
        self.company.le97_account_company_gift_id = False
        self.company._le97_donation_setup()
        self.assertEqual(self.company.le97_account_company_gift_id, account)
        donation = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor, 250.0)
        )
        donation.validate()
        self.assertEqual(self._credits(donation), [("754200", 250.0)])

    def test_upgrade_to_18_0_2_2_0(self):
        """The post-migrate of 18.0.2.2.0 on a database of 18.0.2.1.0: the
        fund gets its 7542 account, a product eligible for receipts is a gift."""
        account = self.company.le97_account_company_gift_id
        product = self._product("Ancien don", "gift")
        product.tax_receipt_ok = True
        self.company.le97_account_company_gift_id = False
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE product_template SET le97_gift_kind = NULL WHERE id = %s",
            (product.product_tmpl_id.id,),
        )
        self.env.invalidate_all()
        path = file_path("le97_donation/migrations/18.0.2.2.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("le97_post_migrate", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.2.1.0")
        self.env.invalidate_all()
        self.assertEqual(self.company.le97_account_company_gift_id, account)
        self.assertEqual(product.le97_gift_kind, "gift")
        self.assertTrue(product.tax_receipt_ok)


@tagged("post_install", "-at_install")
class TestCounterpartsByDonorType(NonGiftCommon):
    """Individuals: 25 % of each gift and 73 € a year; companies: 25 % of
    each gift only."""

    def _refused(self, donation, *expected):
        before = self._snapshot()
        with self.assertRaises(UserError) as cm:
            donation.with_user(self.user_treasurer).validate()
        for text in expected:
            self.assertIn(text, str(cm.exception))
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(set(donation.mapped("state")), {"draft"})
        self.assertFalse(donation.tax_receipt_id)

    def test_company_not_capped_by_the_yearly_amount(self):
        first = self._validated_donation(
            self.company_donor, 1000.0, le97_counterpart_value=200.0
        )
        second = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor, 400.0, le97_counterpart_value=100.0)
        )
        second.with_user(self.user_treasurer).validate()
        self.assertEqual(first.tax_receipt_id.state, "issued")
        self.assertEqual(second.tax_receipt_id.state, "issued")
        self.assertEqual(second.tax_receipt_id.amount, 400.0)

    def test_company_above_rate_refused(self):
        donation = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor, 400.0, le97_counterpart_value=101.0)
        )
        self._refused(donation, "Comté Bois SARL", "25.0 %")

    def test_individual_capped_by_the_yearly_amount(self):
        self._validated_donation(amount=200.0, le97_counterpart_value=40.0)
        donation = self.env["donation.donation"].create(
            self._donation_vals(None, 200.0, le97_counterpart_value=40.0)
        )
        self._refused(donation, "Jeanne Dupont", "80.0", "73.0")
        donation.le97_counterpart_value = 33.0
        donation.with_user(self.user_treasurer).validate()
        self.assertEqual(donation.tax_receipt_id.state, "issued")

    def test_individual_above_rate_refused(self):
        donation = self.env["donation.donation"].create(
            self._donation_vals(None, 100.0, le97_counterpart_value=26.0)
        )
        self._refused(donation, "Jeanne Dupont", "25.0 %")

    def test_batch_of_both_donor_types(self):
        """One validation of an individual above the yearly cap and a company
        above it: only the individual is refused."""
        self._validated_donation(amount=300.0, le97_counterpart_value=70.0)
        self._validated_donation(self.company_donor, 300.0, le97_counterpart_value=70.0)
        individual = self.env["donation.donation"].create(
            self._donation_vals(None, 100.0, le97_counterpart_value=10.0)
        )
        company = self.env["donation.donation"].create(
            self._donation_vals(self.company_donor, 100.0, le97_counterpart_value=10.0)
        )
        self.assertEqual(company._le97_receipt_gift_problems(), [])
        problems = (individual | company)._le97_receipt_gift_problems()
        self.assertEqual(len(problems), 1)
        self.assertIn("Jeanne Dupont", problems[0])
        self._refused(individual | company, "Jeanne Dupont")
        self.assertEqual(company.state, "draft")
        company.with_user(self.user_treasurer).validate()
        self.assertEqual(company.tax_receipt_id.state, "issued")

    def test_limits_are_data(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("le97_donation.counterpart_max_amount", "20")
        self._validated_donation(self.company_donor, 200.0, le97_counterpart_value=30.0)
        donation = self.env["donation.donation"].create(
            self._donation_vals(None, 200.0, le97_counterpart_value=30.0)
        )
        self._refused(donation, "20.0")
