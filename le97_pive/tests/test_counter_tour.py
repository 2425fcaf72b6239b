# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


class CounterTourCase(HttpCase):
    def _run_counter_tour(self):
        self.env.company._le97_pive_setup()
        Payment = self.env["le97.pive.payment"]
        before = Payment.search([])
        self.start_tour("/odoo", "le97_pive_counter_tour", login="admin")
        payment = Payment.search([]) - before
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment.amount, 7)
        self.assertEqual(payment.medium, "digital")
        self.assertEqual(payment.purpose_id, self.env.ref("le97_pive.purpose_bar"))
        self.assertEqual(payment.state, "posted")
        self.assertEqual(
            payment.move_id.journal_id, self.env.company.mlcc_digital_journal_id
        )


@tagged("post_install", "-at_install")
class TestCounterTour(CounterTourCase):
    def test_counter_tour(self):
        self._run_counter_tour()


@tagged("post_install", "-at_install")
class TestCounterTourPhone(CounterTourCase):
    """The same counter at a phone's width, with a touch screen: the Record
    button is in the sheet, not hidden in the gear menu."""

    browser_size = "390x844"
    touch_enabled = True

    def test_counter_tour_phone(self):
        self._run_counter_tour()
