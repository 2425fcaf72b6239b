# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import Le97DonationCommon


class Le97ProjectCommon(Le97DonationCommon):
    """Two projects of the fund, a campaign on the first one and a public
    appeal authorised by the prefect on the second."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Analytic = cls.env["account.analytic.account"]
        cls.plan = Analytic._le97_project_plan()
        cls.column = Analytic._le97_project_column()
        cls.project = Analytic.create(
            {
                "name": "Jardin du Ravelin",
                "plan_id": cls.plan.id,
                "company_id": cls.company.id,
            }
        )
        cls.project_2 = Analytic.create(
            {
                "name": "Club Climat",
                "plan_id": cls.plan.id,
                "company_id": cls.company.id,
            }
        )
        cls.campaign = cls.env["donation.campaign"].create(
            {
                "name": "Jardin du Ravelin 2025",
                "company_id": cls.company.id,
                "le97_project_id": cls.project.id,
            }
        )
        cls.appeal = cls.env["donation.campaign"].create(
            {
                "name": "Appel public Club Climat",
                "company_id": cls.company.id,
                "le97_project_id": cls.project_2.id,
                "le97_public_appeal": True,
                "le97_authorisation_date": datetime.date(2025, 1, 10),
                "le97_authorisation_ref": "Arrêté préfectoral 25-2025-01-10-004",
            }
        )

    def _analytic_lines(self, move):
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("move_line_id", "in", move.line_ids.ids)])
        )

    def _gift_line(self, move):
        """The journal item of the gift (the income), not the payment's."""
        return move.line_ids.filtered(lambda line: line.credit)


@tagged("post_install", "-at_install")
class TestCampaignProject(Le97ProjectCommon):
    def test_gift_carries_its_campaign_project(self):
        """A gift to a campaign on a project: its income journal item and the
        analytic item of that journal item carry the project."""
        donation = (
            self.env["donation.donation"]
            .with_user(self.user_treasurer)
            .create(self._donation_vals(campaign_id=self.campaign.id))
        )
        self.assertEqual(donation.le97_project_id, self.project)
        self.assertFalse(donation.le97_public_generosity)
        donation.validate()
        self.assertEqual(donation.state, "done")
        income = self._gift_line(donation.move_id)
        self.assertEqual(income.analytic_distribution, {str(self.project.id): 100})
        self.assertFalse((donation.move_id.line_ids - income).analytic_distribution)
        self.assertEqual(
            donation.line_ids.analytic_distribution, {str(self.project.id): 100}
        )
        analytic = self._analytic_lines(donation.move_id)
        self.assertEqual(len(analytic), 1)
        self.assertEqual(analytic[self.column], self.project)
        self.assertEqual(analytic.amount, 120.0)
        self.assertEqual(analytic.general_account_id, income.account_id)

    def test_form_takes_the_campaign_project(self):
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["donation.donation"])
        form.partner_id = self.donor.with_env(env)
        form.payment_method_line_id = self.cheque_line
        form.campaign_id = self.campaign.with_env(env)
        self.assertEqual(form.le97_project_id, self.project)
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.unit_price = 45.0
        # a gift of the campaign given to another project
        form.le97_project_id = self.project_2.with_env(env)
        donation = form.save()
        self.assertEqual(donation.le97_project_id, self.project_2)
        donation.validate()
        analytic = self._analytic_lines(donation.move_id)
        self.assertEqual(analytic[self.column], self.project_2)

    def _validated_with_distribution(self, amount, distribution):
        """A gift of ``amount`` to the campaign, its line on ``distribution``,
        validated by the treasurer."""
        donation = self.env["donation.donation"].create(
            self._donation_vals(
                campaign_id=self.campaign.id,
                line_ids=[
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "unit_price": amount,
                            "analytic_distribution": distribution,
                        }
                    )
                ],
            )
        )
        donation.with_user(self.user_treasurer).validate()
        return donation

    def _funders(self, *names):
        """Accounts of another plan than the projects': funders."""
        funders = self.env["account.analytic.plan"].create({"name": "Financeurs"})
        accounts = self.env["account.analytic.account"].create(
            [
                {"name": name, "plan_id": funders.id, "company_id": False}
                for name in names
            ]
        )
        return funders, accounts

    def test_line_distribution_of_its_own_is_kept(self):
        donation = self._validated_with_distribution(
            80.0, {str(self.project_2.id): 100}
        )
        income = self._gift_line(donation.move_id)
        self.assertEqual(income.analytic_distribution, {str(self.project_2.id): 100})
        self.assertEqual(
            self._analytic_lines(donation.move_id)[self.column], self.project_2
        )

    def test_line_distribution_of_another_plan_gets_the_project(self):
        """A gift line on an account of another plan (a funder) gets the
        campaign's project next to it, in each share."""
        funders, (region, city) = self._funders("Région", "Ville")
        donation = self._validated_with_distribution(
            80.0, {str(region.id): 75, str(city.id): 25}
        )
        project = self.project.id
        self.assertEqual(
            donation.line_ids.analytic_distribution,
            {f"{region.id},{project}": 75, f"{city.id},{project}": 25},
        )
        items = self._analytic_lines(donation.move_id)
        self.assertEqual(items.mapped(self.column), self.project)
        self.assertEqual(sum(items.mapped("amount")), 80.0)
        column = funders._column_name()
        self.assertEqual(
            sorted((item[column].id, item.amount) for item in items),
            sorted([(region.id, 60.0), (city.id, 20.0)]),
        )

    def test_line_distribution_partly_on_a_project(self):
        """A share already on a project keeps it, the others get the
        campaign's project, and what the shares leave of 100 % goes to it."""
        _funders, region = self._funders("Région")
        donation = self._validated_with_distribution(
            100.0, {str(self.project_2.id): 30, str(region.id): 50}
        )
        project = self.project.id
        self.assertEqual(
            donation.line_ids.analytic_distribution,
            {
                str(self.project_2.id): 30,
                f"{region.id},{project}": 50,
                str(project): 20,
            },
        )
        items = self._analytic_lines(donation.move_id)
        self.assertEqual(
            sorted((item[self.column].id, item.amount) for item in items),
            sorted([(self.project_2.id, 30.0), (project, 50.0), (project, 20.0)]),
        )

    def test_project_fixed_once_validated(self):
        donation = self._validated_donation(
            campaign_id=self.campaign.id, tax_receipt_option="none"
        )
        donation_as_treasurer = donation.with_user(self.user_treasurer)
        for vals in (
            {"le97_project_id": self.project_2.id},
            {"campaign_id": self.appeal.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                donation_as_treasurer.write(vals)
        self.assertEqual(donation.le97_project_id, self.project)
        self.assertEqual(donation.campaign_id, self.campaign)
        # nor through the campaign: its gifts' entries carry its project
        with self.assertRaises(UserError):
            self.campaign.with_user(self.user_treasurer).write(
                {"le97_project_id": self.project_2.id}
            )
        self.assertEqual(self.campaign.le97_project_id, self.project)
        self.assertEqual(donation.le97_project_id, self.project)
        # a cancelled gift keeps its project too (its entry is reversed)
        donation_as_treasurer.done2cancel()
        self.assertEqual(donation.le97_project_id, self.project)
        reversal = self.env["account.move"].search(
            [("reversed_entry_id", "=", donation.move_id.id)]
        )
        self.assertEqual(
            sum(self._analytic_lines(donation.move_id | reversal).mapped("amount")), 0
        )

    def test_drafts_follow_their_campaign(self):
        campaign = self.env["donation.campaign"].create(
            {"name": "Soirées démocratie", "company_id": self.company.id}
        )
        draft = self.env["donation.donation"].create(
            self._donation_vals(campaign_id=campaign.id)
        )
        self.assertFalse(draft.le97_project_id)
        campaign.with_user(self.user_treasurer).le97_project_id = self.project
        self.assertEqual(draft.le97_project_id, self.project)
        campaign.with_user(self.user_treasurer).le97_public_appeal = True
        self.assertTrue(draft.le97_public_generosity)

    def test_campaign_takes_the_company_of_its_project(self):
        """Created without a company (over RPC, say), a campaign on a project
        of one company belongs to it; a company given is checked against the
        project's."""
        campaign = self.env["donation.campaign"].create(
            {"name": "Chantier participatif", "le97_project_id": self.project.id}
        )
        self.assertEqual(campaign.company_id, self.company)
        other = self.env["res.company"].create({"name": "Autre fonds"})
        count = self.env["donation.campaign"].search_count([])
        with self.assertRaises(UserError):
            self.env["donation.campaign"].create(
                {
                    "name": "Mauvaise société",
                    "company_id": other.id,
                    "le97_project_id": self.project.id,
                }
            )
        self.assertEqual(self.env["donation.campaign"].search_count([]), count)

    def test_project_must_be_a_project_of_the_fund(self):
        other_plan = self.env["account.analytic.plan"].create({"name": "Autre axe"})
        account = self.env["account.analytic.account"].create(
            {"name": "Hors projets", "plan_id": other_plan.id}
        )
        with self.assertRaises(ValidationError):
            self.campaign.le97_project_id = account
        with self.assertRaises(ValidationError):
            self.env["donation.donation"].create(
                self._donation_vals(le97_project_id=account.id)
            )
        self.assertEqual(self.campaign.le97_project_id, self.project)


@tagged("post_install", "-at_install")
class TestPublicAppeal(Le97ProjectCommon):
    def _gift_to(self, campaign, date, amount=60.0):
        return (
            self.env["donation.donation"]
            .with_user(self.user_treasurer)
            .create(
                self._donation_vals(
                    amount=amount, campaign_id=campaign.id, donation_date=date
                )
            )
        )

    def _assert_nothing_written(self, donation):
        self.assertEqual(donation.state, "draft")
        self.assertFalse(donation.move_id)
        self.assertFalse(donation.tax_receipt_id)
        self.assertFalse(donation.line_ids.analytic_distribution)

    def test_gift_to_authorised_appeal_is_public_generosity(self):
        donation = self._gift_to(self.appeal, datetime.date(2025, 2, 1))
        self.assertTrue(donation.le97_public_generosity)
        self.assertEqual(donation.le97_project_id, self.project_2)
        donation.validate()
        self.assertEqual(donation.state, "done")
        self.assertTrue(donation.tax_receipt_id)
        public = self.env["donation.donation"].search(
            [("le97_public_generosity", "=", True)]
        )
        self.assertIn(donation, public)
        # the flag is the application's
        with self.assertRaises(UserError):
            donation.with_user(self.user_treasurer).write(
                {"le97_public_generosity": False}
            )
        self.assertTrue(donation.le97_public_generosity)
        # a campaign with validated gifts stays a public appeal
        with self.assertRaises(UserError):
            self.appeal.with_user(self.user_admin).le97_public_appeal = False
        self.assertTrue(self.appeal.le97_public_appeal)

    def test_appeal_without_authorisation_refused(self):
        appeal = self.env["donation.campaign"].create(
            {
                "name": "Appel sans arrêté",
                "company_id": self.company.id,
                "le97_public_appeal": True,
            }
        )
        donation = self._gift_to(appeal, datetime.date(2025, 2, 1))
        with self.assertRaisesRegex(UserError, "Appel sans arrêté"):
            donation.validate()
        self._assert_nothing_written(donation)
        # a date without its reference is not an authorisation either
        appeal.le97_authorisation_date = datetime.date(2025, 1, 1)
        with self.assertRaises(UserError):
            donation.validate()
        self._assert_nothing_written(donation)

    def test_gift_before_authorisation_refused(self):
        donation = self._gift_to(self.appeal, datetime.date(2025, 1, 9))
        with self.assertRaisesRegex(UserError, "Club Climat"):
            donation.validate()
        self._assert_nothing_written(donation)
        # from the day of the authorisation on
        donation.donation_date = datetime.date(2025, 1, 10)
        donation.validate()
        self.assertEqual(donation.state, "done")

    def test_authorisation_date_stays_before_gifts(self):
        self._gift_to(self.appeal, datetime.date(2025, 2, 1)).validate()
        appeal = self.appeal.with_user(self.user_admin)
        for date in (datetime.date(2025, 3, 1), False):
            with self.subTest(date=date), self.assertRaises(UserError):
                appeal.le97_authorisation_date = date
        self.assertEqual(
            self.appeal.le97_authorisation_date, datetime.date(2025, 1, 10)
        )
        appeal.le97_authorisation_date = datetime.date(2025, 1, 5)
        self.assertEqual(self.appeal.le97_authorisation_date, datetime.date(2025, 1, 5))


@tagged("post_install", "-at_install")
class TestCampaignAccess(Le97ProjectCommon):
    """Treasurers run the campaigns; the prefect's authorisation, part of the
    fund's legal standing like its identity, is the receipts
    administrator's."""

    def test_treasurer_runs_campaigns(self):
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["donation.campaign"])
        form.name = "Fête des jardins"
        form.le97_project_id = self.project.with_env(env)
        form.le97_public_appeal = True
        campaign = form.save()
        self.assertEqual(campaign.le97_project_id, self.project)
        # a project belongs to a company: so does its campaign
        self.assertEqual(campaign.company_id, self.project.company_id)
        self.assertTrue(campaign.le97_public_appeal)
        self.assertFalse(campaign.le97_can_edit_authorisation)
        campaign.name = "Fête des jardins 2025"
        for vals in (
            {"le97_authorisation_date": "2025-04-01"},
            {"le97_authorisation_ref": "Arrêté 42"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                campaign.write(vals)
        with self.assertRaises(AccessError):
            env["donation.campaign"].create(
                {"name": "Appel", "le97_authorisation_ref": "Arrêté 43"}
            )
        self.assertFalse(campaign.le97_authorisation_date)
        self.assertFalse(campaign.le97_authorisation_ref)
        # archived, never deleted by a treasurer
        with self.assertRaises(AccessError):
            campaign.unlink()

    def test_receipt_admin_records_the_authorisation(self):
        env = self.env(user=self.user_admin, context={})
        campaign = self.campaign.with_env(env)
        self.assertTrue(campaign.le97_can_edit_authorisation)
        attachment = env["ir.attachment"].create(
            {
                "name": "arrete-prefectoral.pdf",
                "raw": b"%PDF-1.4 arrete",
                "res_model": "donation.campaign",
                "res_id": campaign.id,
            }
        )
        campaign.write(
            {
                "le97_public_appeal": True,
                "le97_authorisation_date": "2025-04-01",
                "le97_authorisation_ref": "Arrêté 44",
                "le97_authorisation_attachment_ids": [Command.link(attachment.id)],
            }
        )
        self.assertEqual(self.campaign.le97_authorisation_ref, "Arrêté 44")
        self.assertEqual(self.campaign.le97_authorisation_attachment_ids, attachment)

    def test_authorisation_kept_by_the_receipt_admin(self):
        """The prefect's decision attached to an appeal: a treasurer (who may
        write on the campaign, hence on its attachments) neither replaces nor
        deletes it, nor withdraws the authorised appeal; a copy of the appeal
        carries no authorisation."""
        admin_env = self.env(user=self.user_admin, context={})
        attachment = admin_env["ir.attachment"].create(
            {
                "name": "arrete-prefectoral.pdf",
                "raw": b"%PDF-1.4 arrete",
                "res_model": "donation.campaign",
                "res_id": self.appeal.id,
            }
        )
        self.appeal.with_env(admin_env).write(
            {"le97_authorisation_attachment_ids": [Command.link(attachment.id)]}
        )
        treasurer = self.env(user=self.user_treasurer, context={})
        document = attachment.with_env(treasurer)
        self.assertEqual(document.raw, b"%PDF-1.4 arrete")
        with self.assertRaises(AccessError):
            document.write({"raw": b"%PDF-1.4 autre"})
        with self.assertRaises(AccessError):
            document.unlink()
        with self.assertRaises(AccessError):
            self.appeal.with_env(treasurer).write({"le97_public_appeal": False})
        self.assertTrue(attachment.exists())
        self.assertEqual(attachment.raw, b"%PDF-1.4 arrete")
        self.assertTrue(self.appeal.le97_public_appeal)
        # the treasurer's other attachments of the campaign are theirs
        note = treasurer["ir.attachment"].create(
            {
                "name": "affiche.pdf",
                "raw": b"%PDF-1.4 affiche",
                "res_model": "donation.campaign",
                "res_id": self.appeal.id,
            }
        )
        note.write({"raw": b"%PDF-1.4 affiche 2"})
        note.unlink()
        # a copy is a new appeal, to be authorised
        copy = self.appeal.with_env(admin_env).copy()
        self.assertTrue(copy.le97_public_appeal)
        self.assertFalse(copy.le97_authorisation_date)
        self.assertFalse(copy.le97_authorisation_ref)
        self.assertFalse(copy.le97_authorisation_attachment_ids)
        # the receipts administrator may withdraw the appeal
        self.appeal.with_env(admin_env).write({"le97_public_appeal": False})
        self.assertFalse(self.appeal.le97_public_appeal)

    def test_new_campaign_belongs_to_the_current_company(self):
        """In the form, a new campaign belongs to the user's company, so that
        the company's projects can be chosen (the company field is hidden in
        a single-company database)."""
        env = self.env(user=self.user_treasurer, context={})
        form = Form(env["donation.campaign"])
        self.assertEqual(form.company_id, self.company)
        form.name = "Soirée démocratie"
        form.le97_project_id = self.project.with_env(env)
        campaign = form.save()
        self.assertEqual(campaign.company_id, self.company)
        # the project offered by the field: the company's
        domain = campaign._fields["le97_project_id"].get_domain_list(campaign)
        self.assertIn(
            self.project,
            env["account.analytic.account"].search(
                [
                    *domain,
                    *env["account.analytic.account"]._check_company_domain(
                        campaign.company_id
                    ),
                ]
            ),
        )

    def test_volunteer_cannot_change_campaigns(self):
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.user_volunteer).write({"name": "X"})
        self.assertEqual(self.campaign.name, "Jardin du Ravelin 2025")
