# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Before this addon, le97_donation created the gift product and the anonymous
donor of the Pive gifts at run time (found by a code and by a translated name).
On such a database, the records already used by donations become the ones of
this addon's data instead of being created twice."""

MODULE = "le97_donation_pive"
PRODUCT_CODE = "LE97-MLCC-GIFT"
# names le97_donation gave the anonymous donor, in English and in French
ANONYMOUS_DONOR_NAMES = [
    "Anonymous donor (local currency)",
    "Donateur anonyme (monnaie locale)",
]


def _le97_without_xmlid(env, records):
    data = (
        env["ir.model.data"]
        .sudo()
        .search([("model", "=", records._name), ("res_id", "in", records.ids)])
    )
    return records.filtered(lambda r: r.id not in data.mapped("res_id"))


def _le97_bind_xmlid(env, name, record):
    env["ir.model.data"].sudo().create(
        {
            "module": MODULE,
            "name": name,
            "model": record._name,
            "res_id": record.id,
            "noupdate": True,
        }
    )


def pre_init_hook(env):
    """The gift product made at run time becomes the product of the data file,
    which then updates it (no taxes, donation product)."""
    products = _le97_without_xmlid(
        env,
        env["product.product"]
        .sudo()
        .with_context(active_test=False)
        .search([("default_code", "=", PRODUCT_CODE)], order="id"),
    )
    if products:
        product = products[0]
        _le97_bind_xmlid(env, "product_product_gift_pive", product)
        _le97_bind_xmlid(
            env, "product_product_gift_pive_product_template", product.product_tmpl_id
        )
        # its name was stored in the language of whoever posted the first
        # gift: keep the source only, the translations of this addon follow
        env.cr.execute(
            """
            UPDATE product_template
               SET name = jsonb_build_object('en_US', name->>'en_US')
             WHERE id = %s
            """,
            (product.product_tmpl_id.id,),
        )
        product.product_tmpl_id.invalidate_recordset(["name"])


def post_init_hook(env):
    """Keep the anonymous donor made at run time (its donations and its name)
    in place of the one of the data file, then set up the companies."""
    partner = env.ref(f"{MODULE}.res_partner_pive_anonymous_donor")
    old = _le97_without_xmlid(
        env,
        env["res.partner"]
        .sudo()
        .with_context(active_test=False)
        .search(
            [("name", "in", ANONYMOUS_DONOR_NAMES), ("id", "!=", partner.id)],
            order="id",
        ),
    )[:1]
    if old:
        env["ir.model.data"].sudo().search(
            [("module", "=", MODULE), ("name", "=", "res_partner_pive_anonymous_donor")]
        ).res_id = old.id
        old.write({"le97_is_donor": True, "tax_receipt_option": "none"})
        partner.unlink()
    companies = env["res.company"].search([("chart_template", "!=", False)])
    companies._le97_donation_setup()
    # Pive journals set up before this addon: their methods tick the Pive box
    # (the means is computed when a method is created, not after)
    journals = companies.mlcc_paper_journal_id | companies.mlcc_digital_journal_id
    journals.inbound_payment_method_line_ids.filtered(
        lambda line: line.le97_payment_means != "pive"
    ).write({"le97_payment_means": "pive"})
