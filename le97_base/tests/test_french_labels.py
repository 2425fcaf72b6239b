# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every label of the Le 97 screens reads in French.

Each form and list view of an installed Le 97 addon (any addon named
``le97_*``) is rendered as the web client gets it, its inherited views
included (the combined view of the model), in French and in English. A label
that the Le 97 views show — a field's label (its ``string`` or the field's
description), the options of a selection, a button, page, group or separator
title, a confirmation, a placeholder, a text — must differ between the two, but
for a few words that French and English share. The labels that other addons'
views bring to the same screen are theirs (Odoo translates its own); those of
the fields the Le 97 views show are checked wherever the field comes from.
"""

import re

from lxml import etree

from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon

# Words that read the same in French and in English (or are names).
SAME_IN_FRENCH = {
    "Article",
    "Code",
    "Configuration",
    "Contact",
    "Date",
    "Description",
    "Email",
    "Euros",
    "Journal",
    "Le 97",
    "Nature",
    "Note",
    "Notes",
    "Pive",
    "Reporting",
    "RNA",
    "Session",
    "Signature",
    "SIREN",
    "SIRET",
    "Total",
    "Type",
}
HAS_WORD = re.compile(r"[^\W\d_]{2,}")
TRUE = ("1", "True", "true")
SUB_VIEWS = ("list", "form")


@tagged("post_install", "-at_install")
class TestFrenchLabels(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lang = cls.env["res.lang"].with_context(active_test=False)
        was_active = lang.search([("code", "=", "fr_FR")]).active
        lang._activate_lang("fr_FR")
        Module = cls.env["ir.module.module"]
        installed = [("state", "=", "installed")]
        if was_active:
            # the terms of the Le 97 addons as they are in their fr.po now
            Module.search(
                [*installed, ("name", "=like", "le97\\_%")]
            )._update_translations("fr_FR", overwrite=True)
        else:
            Module.search(installed)._update_translations("fr_FR")
        views = cls.env["ir.model.data"].search(
            [("model", "=", "ir.ui.view"), ("module", "=like", "le97\\_%")]
        )
        cls.views = (
            cls.env["ir.ui.view"]
            .browse(views.mapped("res_id"))
            .filtered(lambda v: v.type in ("form", "list"))
        )
        cls.le97_view_ids = set(cls.views.ids)

    def _root(self, view):
        """The primary view whose combined view shows ``view``."""
        while view.mode != "primary" and view.inherit_id:
            view = view.inherit_id
        return view

    def _render(self, view, lang):
        """The combined arch of ``view`` in ``lang``, each node marked with the
        view it comes from (``data-oe-id``), and the fields of its models."""
        Model = self.env[view.model].with_context(lang=lang, inherit_branding=True)
        result = Model.get_views([(view.id, view.type)])
        arch = etree.fromstring(result["views"][view.type]["arch"])
        return arch, result["models"]

    def _labels(self, arch, models, model_name, view_type):
        """The labels the Le 97 views show in ``arch``, in document order, as
        (view id, what, text)."""
        labels = []

        def origin(node):
            for element in (node, *node.iterancestors()):
                if element.get("data-oe-id"):
                    return int(element.get("data-oe-id"))
            return None

        def add(node, what, text):
            if text and HAS_WORD.search(text) and origin(node) in self.le97_view_ids:
                labels.append((origin(node), what, " ".join(text.split())))

        def walk(node, model_name, in_list):
            for child in node.iterchildren(tag=etree.Element):
                visit(child, model_name, in_list)
                add(node, "text", child.tail)

        def visit(node, model_name, in_list):
            # a column is hidden by column_invisible; invisible only empties
            # its cells
            hidden = (
                "column_invisible" if in_list and node.tag == "field" else "invisible"
            )
            if node.get(hidden) in TRUE or node.get("column_invisible") in TRUE:
                return
            add(node, "text", node.text)
            for attribute in ("string", "confirm", "placeholder", "title", "help"):
                if attribute == "string" and node.tag == "field":
                    continue
                if attribute == "help" and node.tag != "setting":
                    continue
                add(node, f"{node.tag} {attribute}", node.get(attribute))
            if node.tag == "field":
                self._field_labels(node, models, model_name, in_list, add, walk)
            elif node.tag == "label" and node.get("for") and not node.get("string"):
                field = (
                    models.get(model_name, {})
                    .get("fields", {})
                    .get(node.get("for"), {})
                )
                add(node, "label", field.get("string"))
            else:
                walk(node, model_name, in_list)

        walk(arch, model_name, view_type == "list")
        return labels

    def _field_labels(self, node, models, model_name, in_list, add, walk):
        name = node.get("name")
        field = models.get(model_name, {}).get("fields", {}).get(name, {})
        parent = node.getparent()
        shown = (in_list and parent.tag == "list") or (
            parent.tag == "group" and node.get("nolabel") not in TRUE
        )
        if shown:
            add(node, f"field {name}", node.get("string") or field.get("string"))
        definition = self.env[model_name]._fields.get(name)
        # the options of a static selection (dynamic ones are built elsewhere)
        if field.get("type") == "selection" and isinstance(
            getattr(definition, "selection", None), list
        ):
            for _value, label in field.get("selection") or ():
                add(node, f"option of {name}", label)
        for sub_view in node.iterchildren(*SUB_VIEWS):
            walk(sub_view, field.get("relation"), sub_view.tag == "list")

    def _english_labels(self, views):
        """The labels of ``views`` that read the same in French and English."""
        english = []
        roots = views.browse({self._root(view).id for view in views})
        for root in roots:
            french = self._labels(*self._render(root, "fr_FR"), root.model, root.type)
            source = self._labels(*self._render(root, "en_US"), root.model, root.type)
            self.assertEqual(
                [label[:2] for label in french],
                [label[:2] for label in source],
                f"{root.xml_id} renders the same nodes in both languages",
            )
            for (view_id, what, text), (_view, _what, english_text) in zip(
                french, source, strict=True
            ):
                if text == english_text and text not in SAME_IN_FRENCH:
                    view = self.env["ir.ui.view"].browse(view_id)
                    english.append(
                        f"{view.xml_id or view.name} ({root.xml_id}): {what}: {text!r}"
                    )
        return english

    def test_views_found(self):
        self.assertTrue(self.views)
        self.assertIn(
            self.env.ref("le97_base.le97_volunteer_hour_view_list"), self.views
        )
        self.assertIn(self.env.ref("le97_base.res_partner_view_form"), self.views)

    def test_labels_in_french(self):
        english = self._english_labels(self.views)
        self.assertFalse(english, "English in the French UI:\n" + "\n".join(english))

    def test_detects_english(self):
        """The check is not vacuous: the untranslated labels of a Le 97 view are
        reported, those of other views are not, nor a translated field's."""
        parent = self.env.ref("le97_base.le97_volunteer_activity_view_list")
        extension = self.env["ir.ui.view"].create(
            {
                "name": "le97.volunteer.activity.view.list.inherit.test",
                "model": "le97.volunteer.activity",
                "inherit_id": parent.id,
                "arch": """
                    <field name="name" position="after">
                        <field name="create_uid" string="Untranslated Label" />
                        <field name="write_uid" />
                        <button name="toggle_active" type="object" string="Untranslated Button" />
                    </field>
                """,
            }
        )
        self.assertFalse(self._english_labels(parent))
        self.le97_view_ids.add(extension.id)
        self.addCleanup(self.le97_view_ids.discard, extension.id)
        english = "\n".join(self._english_labels(parent))
        self.assertIn("'Untranslated Label'", english)
        self.assertIn("'Untranslated Button'", english)
        self.assertNotIn("write_uid", english)
