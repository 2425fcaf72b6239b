# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import PiveCommon


@tagged("post_install", "-at_install")
class TestPiveBalance(PiveCommon):
    def _sum(self, domain, field="balance"):
        Report = self.env["le97.pive.balance.report"].with_user(self.user_treasurer)
        groups = Report.read_group(domain, [f"{field}:sum"], [])
        return groups[0][field] or 0.0

    def test_holdings_and_purposes(self):
        paper = self._sum([("kind", "=", "paper")])
        digital = self._sum([("kind", "=", "digital")])
        gift = self.env.ref("le97_pive.purpose_gift")
        gifts = self._sum([("purpose_id", "=", gift.id)], "received")
        self._le97_payment(20, medium="paper", purpose="purpose_gift")._le97_post()
        self._le97_payment(4.5, medium="digital", purpose="purpose_bar")._le97_post()
        self.env.flush_all()
        self.assertEqual(self._sum([("kind", "=", "paper")]), paper + 20)
        self.assertEqual(self._sum([("kind", "=", "digital")]), digital + 4.5)
        self.assertEqual(
            self._sum([("purpose_id", "=", gift.id)], "received"), gifts + 20
        )
        self.company.mlcc_reconversion_fee_rate = 10
        rec = self.env["le97.pive.reconversion"].create(
            {"kind": "own", "amount": 10, "medium": "paper"}
        )
        rec.action_post()
        self.env.flush_all()
        self.assertEqual(self._sum([("kind", "=", "paper")]), paper + 10)
        self.assertEqual(
            self._sum([("kind", "=", "fee"), ("move_id", "=", rec.move_id.id)]), 1.0
        )
