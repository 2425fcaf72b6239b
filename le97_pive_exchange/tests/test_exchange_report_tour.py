# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html as lxml_html

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .exchange_common import ExchangeCommon


@tagged("post_install", "-at_install")
class TestExchangeReport(ExchangeCommon):
    """The session report shows the counts per denomination and differences."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._move("reception", {20: 3, 5: 4, 1: 5}, dest=cls.counter_a)
        cls.session = cls._open_session(
            cls.counter_a, notes={20: 3, 5: 4, 1: 5}, cash=10.0
        )
        cls._sell(cls.session, cls.member, 25, {20: 1, 5: 1})
        for count in cls.session.count_ids:
            count.quantity = {20: 2, 5: 3, 1: 4}.get(count.value, 0)
        cls.session.write(
            {
                "cash_close": 36.0,
                "difference_explanation": "Billet de 1 déchiré mis de côté.",
            }
        )
        cls.session.action_close()

    def test_report_html(self):
        report = self.env.ref(
            "le97_pive_exchange.action_report_le97_pive_exchange_session"
        )
        html, _type = report._render_qweb_html(report.report_name, self.session.ids)
        doc = lxml_html.fromstring(html)
        rows = {
            row.get("data-denomination"): [
                cell.text_content().replace("\ufeff", "").strip()
                for cell in row.findall("td")
            ][1:5]
            for row in doc.xpath("//tr[contains(@class, 'le97-count-row')]")
        }
        # counted at opening, expected, counted at closing, difference
        self.assertEqual(rows["20"], ["3", "2", "2", "0"])
        self.assertEqual(rows["5"], ["4", "3", "3", "0"])
        self.assertEqual(rows["1"], ["5", "5", "4", "-1"])
        self.assertEqual(rows["10"], ["0", "0", "0", "0"])
        cash = doc.xpath("//tr[contains(@class, 'le97-cash-row')]")[0]
        difference = cash.xpath(".//td[contains(@class, 'le97-difference')]")[0]
        self.assertRegex(difference.text_content(), r"1[.,]00")
        self.assertIn("Billet de 1 déchiré", html.decode())
        self.assertIn(self.session.user_id.name, html.decode())

    def test_report_pdf(self):
        report = self.env.ref(
            "le97_pive_exchange.action_report_le97_pive_exchange_session"
        )
        # Debian's wkhtmltopdf (unpatched Qt) warns on every PDF it renders
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, report_type = report.with_context(
                force_report_rendering=True
            )._render_qweb_pdf(report.report_name, self.session.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_register_and_statement_pdf(self):
        lines = self.env["le97.pive.note.move.line"].search(
            [("location_src_id", "=", self.counter_a.id)]
        ) | self.env["le97.pive.note.move.line"].search(
            [("location_dest_id", "=", self.counter_a.id)]
        )
        report = self.env.ref(
            "le97_pive_exchange.action_report_le97_pive_note_register"
        )
        html, _type = report._render_qweb_html(report.report_name, lines.ids)
        self.assertIn("Comptoir bar", html.decode())
        statement = self.env["le97.pive.exchange.statement"].create({})
        report = self.env.ref(
            "le97_pive_exchange.action_report_le97_pive_exchange_statement"
        )
        html, _type = report._render_qweb_html(report.report_name, statement.ids)
        self.assertEqual(statement.notes_sold, 25)
        self.assertIn(">25<", html.decode().replace(" ", "").replace("\n", ""))


@tagged("post_install", "-at_install")
class TestExchangeTour(HttpCase):
    """A sale at the counter session, through the screens."""

    def test_sale_tour(self):
        env = self.env
        company = env.company
        company._le97_pive_setup()
        location = env["le97.pive.note.location"].create(
            {"name": "Comptoir tour", "company_id": company.id}
        )
        env["res.partner"].create({"name": "Camille Tour", "le97_pive_member": True})
        den = {
            v: env.ref(f"le97_pive_exchange.le97_pive_denomination_{v}")
            for v in (20, 10, 5)
        }
        move = env["le97.pive.note.move"].create(
            {
                "move_type": "reception",
                "location_dest_id": location.id,
                "line_ids": [
                    (0, 0, {"denomination_id": d.id, "quantity": 2})
                    for d in den.values()
                ],
            }
        )
        move.action_done()
        session = env["le97.pive.exchange.session"].create(
            {"location_id": location.id, "user_id": env.ref("base.user_admin").id}
        )
        session.action_open()
        self.start_tour(
            f"/odoo/action-le97_pive_exchange.le97_pive_exchange_session_action/{session.id}",
            "le97_pive_exchange_sale_tour",
            login="admin",
        )
        sale = session.sale_ids
        self.assertEqual(len(sale), 1)
        self.assertEqual(sale.state, "done")
        self.assertEqual(sale.amount, 35)
        self.assertEqual(
            {line.denomination_id.value: line.quantity for line in sale.line_ids},
            {20: 1, 10: 1, 5: 1},
        )
        self.assertEqual(sale.move_id.state, "posted")
        stock = location._get_stock()[location.id]
        self.assertEqual(stock[den[20].id], 1)
