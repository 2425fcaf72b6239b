# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVolunteerWeek(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.user_volunteer = new_test_user(
            cls.env, login="le97_wk_vol", groups="le97_base.group_volunteer"
        )
        cls.user_other = new_test_user(
            cls.env, login="le97_wk_other", groups="le97_base.group_volunteer"
        )
        cls.user_treasurer = new_test_user(
            cls.env, login="le97_wk_treas", groups="le97_base.group_treasurer"
        )
        Activity = cls.env["le97.volunteer.activity"]
        cls.bar = Activity.create({"name": "Bar", "company_id": cls.company.id})
        cls.garden = Activity.create(
            {"name": "Jardin du Ravelin", "company_id": cls.company.id}
        )
        cls.Hour = cls.env["le97.volunteer.hour"]

    def _week_form(self, user, week_start="2025-03-10", partner=None, lines=()):
        wizard_model = self.env["le97.volunteer.week.wizard"].with_user(user)
        form = Form(wizard_model)
        form.week_start = week_start
        if partner:
            form.partner_id = partner
        for activity, cells, note in lines:
            with form.line_ids.new() as line:
                line.activity_id = activity
                for fname, hours in cells.items():
                    setattr(line, fname, hours)
                line.note = note
        return form

    def _hours_of(self, partner):
        return self.Hour.search([("partner_id", "=", partner.id)])

    @freeze_time("2025-03-13")
    def test_default_week_and_volunteer(self):
        form = Form(
            self.env["le97.volunteer.week.wizard"].with_user(self.user_volunteer)
        )
        self.assertEqual(form.week_start, date(2025, 3, 10))
        self.assertEqual(form.partner_id, self.user_volunteer.partner_id)
        self.assertFalse(form.can_choose_volunteer)
        # another day of the week moves back to its Monday
        form.week_start = date(2025, 3, 16)
        self.assertEqual(form.week_start, date(2025, 3, 10))

    def test_treasurer_enters_week_two_activities(self):
        partner = self.user_other.partner_id
        form = self._week_form(
            self.user_treasurer,
            partner=partner,
            lines=[
                (self.bar, {"hours_mon": 2.5, "hours_fri": 4.0}, "Concert"),
                (self.garden, {"hours_mon": 1.0, "hours_sun": 3.25}, ""),
            ],
        )
        self.assertTrue(form.can_choose_volunteer)
        self.assertEqual(form.total_hours, 10.75)
        wizard = form.save()
        created_before = self.Hour.search_count([])
        action = wizard.action_confirm()
        hours = self._hours_of(partner)
        self.assertEqual(self.Hour.search_count([]), created_before + 4)
        self.assertEqual(action["res_model"], "le97.volunteer.hour")
        ((field, operator, ids),) = action["domain"]
        self.assertEqual((field, operator), ("id", "in"))
        self.assertEqual(sorted(ids), sorted(hours.ids))
        got = sorted((h.date, h.activity_id.name, h.hours, h.note or "") for h in hours)
        self.assertEqual(
            got,
            [
                (date(2025, 3, 10), "Bar", 2.5, "Concert"),
                (date(2025, 3, 10), "Jardin du Ravelin", 1.0, ""),
                (date(2025, 3, 14), "Bar", 4.0, "Concert"),
                (date(2025, 3, 16), "Jardin du Ravelin", 3.25, ""),
            ],
        )
        self.assertTrue(partner.le97_is_volunteer)

    def test_confirm_creates_in_one_call(self):
        form = self._week_form(
            self.user_volunteer,
            lines=[
                (self.bar, {f: 1.0 for f in ("hours_mon", "hours_tue")}, ""),
                (self.garden, {"hours_wed": 2.0}, ""),
            ],
        )
        wizard = form.save()
        calls = []
        Hour = type(self.env["le97.volunteer.hour"])
        original_create = Hour.create

        def spy_create(records, vals_list):
            calls.append(len(vals_list) if isinstance(vals_list, list) else 1)
            return original_create(records, vals_list)

        self.patch(Hour, "create", spy_create)
        wizard.action_confirm()
        self.assertEqual(calls, [3])

    def test_volunteer_enters_own_week(self):
        partner = self.user_volunteer.partner_id
        form = self._week_form(
            self.user_volunteer,
            lines=[(self.bar, {"hours_tue": 3.0, "hours_sat": 5.5}, "Accueil")],
        )
        with self.assertRaises(AssertionError):
            # the volunteer field is read-only for a volunteer
            form.partner_id = self.user_other.partner_id
        action = form.save().action_confirm()
        hours = self.Hour.with_user(self.user_volunteer).search(action["domain"])
        self.assertEqual(hours.partner_id, partner)
        self.assertEqual(
            sorted((h.date, h.hours) for h in hours),
            [(date(2025, 3, 11), 3.0), (date(2025, 3, 15), 5.5)],
        )

    def test_volunteer_cannot_enter_for_someone_else(self):
        other = self.user_other.partner_id
        wizard = (
            self.env["le97.volunteer.week.wizard"]
            .with_user(self.user_volunteer)
            .create(
                {
                    "week_start": "2025-03-10",
                    "partner_id": other.id,
                    "line_ids": [
                        Command.create({"activity_id": self.bar.id, "hours_mon": 2.0})
                    ],
                }
            )
        )
        with self.assertRaises(UserError) as cm:
            wizard.action_confirm()
        self.assertIn("only enter your own", str(cm.exception))
        self.assertFalse(self._hours_of(other))

    def test_negative_hours_refused(self):
        partner = self.user_volunteer.partner_id
        wizard = self._week_form(
            self.user_volunteer,
            lines=[
                (self.bar, {"hours_mon": 2.0}, ""),
                (self.garden, {"hours_thu": -1.0}, ""),
            ],
        ).save()
        with self.assertRaises(UserError) as cm:
            wizard.action_confirm()
        self.assertIn("Negative time", str(cm.exception))
        self.assertIn("2025-03-13", str(cm.exception))
        self.assertFalse(self._hours_of(partner))

    def test_more_than_24_hours_a_day_refused(self):
        partner = self.user_volunteer.partner_id
        wizard = self._week_form(
            self.user_volunteer,
            lines=[
                (self.bar, {"hours_mon": 2.0, "hours_wed": 14.0}, ""),
                (self.garden, {"hours_wed": 10.5}, ""),
            ],
        ).save()
        with self.assertRaises(UserError) as cm:
            wizard.action_confirm()
        self.assertIn("24 hours", str(cm.exception))
        self.assertIn("2025-03-12", str(cm.exception))
        self.assertFalse(self._hours_of(partner))

    def test_24_hours_counts_time_already_recorded(self):
        partner = self.user_volunteer.partner_id
        existing = self.Hour.create(
            {
                "partner_id": partner.id,
                "date": "2025-03-12",
                "hours": 20.0,
                "activity_id": self.bar.id,
            }
        )
        wizard = self._week_form(
            self.user_volunteer,
            lines=[(self.garden, {"hours_tue": 8.0, "hours_wed": 5.0}, "")],
        ).save()
        with self.assertRaises(UserError) as cm:
            wizard.action_confirm()
        self.assertIn("25.0", str(cm.exception))
        self.assertEqual(self._hours_of(partner), existing)

    def test_empty_week_refused(self):
        wizard = self._week_form(self.user_volunteer, lines=[(self.bar, {}, "")]).save()
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self._hours_of(self.user_volunteer.partner_id))
