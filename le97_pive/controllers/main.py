# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import http
from odoo.http import request


class Le97PiveController(http.Controller):
    @http.route(
        "/le97/pive/merchants.json", type="http", auth="public", methods=["GET"]
    )
    def merchants_json(self, **kwargs):
        """Public, map-ready list of the agreed merchants (no private data)."""
        merchants = request.env["res.partner"]._le97_public_merchants()
        return request.make_response(
            json.dumps({"merchants": merchants}, ensure_ascii=False),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Access-Control-Allow-Origin", "*"),
            ],
        )
