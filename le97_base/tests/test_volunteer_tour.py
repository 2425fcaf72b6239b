# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVolunteerTour(HttpCase):
    def test_volunteer_enters_own_time(self):
        volunteer = new_test_user(
            self.env, login="le97_vol_tour", groups="le97_base.group_volunteer"
        )
        self.env["le97.volunteer.activity"].create(
            {"name": "Tour Accueil", "company_id": volunteer.company_id.id}
        )
        self.start_tour(
            "/odoo/action-le97_base.le97_volunteer_hour_action",
            "le97_volunteer_hour_tour",
            login="le97_vol_tour",
        )
        line = self.env["le97.volunteer.hour"].search(
            [("note", "=", "Permanence du samedi")]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.partner_id, volunteer.partner_id)
        self.assertEqual(line.hours, 2.5)
        self.assertEqual(line.activity_id.name, "Tour Accueil")
