# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What is not a gift is never receipted; companies give on 7542.

- Every product gets its kind of income (``product.template.le97_gift_kind``):
  the new column is computed "gift" for the donation products. A product that
  was eligible for receipts is a gift (it was receipted as one so far): it is
  made so, then a treasurer marks the pay-what-you-can, sales and fees.
- The funds get their corporate sponsorship account (7542) when their chart
  has one (``res.company._le97_donation_setup``), so that the gifts of
  companies validated from now on are credited there. Entries already posted
  are left as they are (a posted entry is never rewritten).
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    products = (
        env["product.template"]
        .with_context(active_test=False)
        .search([("tax_receipt_ok", "=", True), ("le97_gift_kind", "!=", "gift")])
    )
    if products:
        products.write({"le97_gift_kind": "gift"})
        _logger.info(
            "%d products eligible for receipts marked as gifts: %s",
            len(products),
            ", ".join(products.mapped("display_name")),
        )
    env["res.company"].search([("chart_template", "!=", False)])._le97_donation_setup()
