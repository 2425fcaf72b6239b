# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Render views in French and English and find what a French user would still
read in English.

A label is any text the views show: ``string``, ``placeholder``, ``help``,
``confirm`` and ``title`` attributes, the text of the arch, the label, help and
values of each field shown (from the field's description when the view gives
none) and the names of the Print and Action menus. A label longer than three
letters that reads the same in French and in English is untranslated, unless
the word is the same in both languages (``SAME_IN_FRENCH``).
"""

import re

from lxml import etree

LABEL_ATTRS = ("string", "placeholder", "help", "confirm", "title")
ALWAYS = ("1", "True", "true")

# written the same in French and in English
SAME_IN_FRENCH = {
    "Article",
    "Article 200",
    "Communication",
    "Contact",
    "Date",
    "Description",
    "Documents",
    "Nature",
    "Notes",
    "Total",
    "Type",
}

# English seen on the French screens before issue 16: never again
KNOWN_ENGLISH = {
    "Tax Receipt Option",
    "Tax Receipt Eligible Amount",
    "Thanks Template",
    "Thanks Printed",
    "New",
    "Send by Email",
    "Manual Payment",
    "Print Thanks Letter",
    "Thanks Letter",
    "Journal Entry",
}

# The donation and receipt screens: the views of the actions and buttons a
# treasurer or a receipts administrator uses, with the wizards they open.
DONATION_VIEWS = [
    ("donation.donation", "form"),
    ("donation.donation", "list"),
    ("donation.donation", "search"),
    ("donation.donation", "pivot"),
    ("donation.donation", "graph"),
    ("donation.line", "list"),
    ("donation.line", "form"),
    ("donation.validate", "form"),
    ("donation.tax.receipt.option.switch", "form"),
]
RECEIPT_VIEWS = [
    ("donation.tax.receipt", "form"),
    ("donation.tax.receipt", "list"),
    ("donation.tax.receipt", "search"),
    ("donation.tax.receipt", "pivot"),
    ("donation.tax.receipt", "graph"),
    ("donation.tax.receipt.cancel", "form"),
    ("donation.tax.receipt.yearly", "form"),
    ("donation.tax.receipt.send", "form"),
    ("donation.tax.receipt.declaration", "form"),
    ("donation.tax.receipt.declaration", "list"),
    ("donation.tax.receipt.declaration", "search"),
]


def _letters(text):
    return len(re.findall(r"[A-Za-zÀ-ÿ]", text))


def view_labels(env, model, view_type, view_id=False):
    """``({key: label}, [empty columns])`` of a view rendered in ``env``'s
    language for ``env``'s user. Keys are the same in every language."""
    result = env[model].get_views([(view_id, view_type)], {"toolbar": True})
    view = result["views"][view_type]
    descriptions = result["models"]
    labels = {}
    empty_columns = []

    def add(key, text):
        if text and text.strip():
            labels[key] = " ".join(text.split())

    def walk(node, model_name, path, in_list):
        if node.get("invisible") in ALWAYS and not (in_list and node.tag == "field"):
            return
        if node.get("column_invisible") in ALWAYS:
            return
        for attr in LABEL_ATTRS:
            add((path, attr), node.get(attr))
        add((path, "text"), node.text)
        sub_model = model_name
        if node.tag == "field":
            name = node.get("name")
            desc = descriptions.get(model_name, {}).get("fields", {}).get(name, {})
            if in_list and node.get("invisible") in ALWAYS:
                # an always invisible field of a list is still a column
                empty_columns.append(f"{model_name}.{name} ({path})")
                return
            if not node.get("string"):
                add((model_name, name, "string"), desc.get("string"))
            add((model_name, name, "help"), desc.get("help"))
            for value, label in desc.get("selection") or []:
                add((model_name, name, "selection", value), label)
            sub_model = desc.get("relation") or model_name
        for index, child in enumerate(node):
            if isinstance(child.tag, str):
                walk(
                    child,
                    sub_model,
                    f"{path}/{child.tag}[{index}]",
                    child.tag == "list" or (in_list and child.tag != "form"),
                )
            add((f"{path}/#{index}", "tail"), child.tail)

    root = etree.fromstring(view["arch"])
    walk(root, model, root.tag, root.tag == "list")
    for kind, actions in (view.get("toolbar") or {}).items():
        for action in actions:
            add(("toolbar", kind, action["id"]), action["name"])
    return labels, empty_columns


def english_labels(env, model, view_type, view_id=False, same=None):
    """Labels of the view still in English in French, and its empty columns.
    ``same``: the words written the same in both languages."""
    same = SAME_IN_FRENCH if same is None else same
    french, empty_columns = view_labels(
        env(context=dict(env.context, lang="fr_FR")), model, view_type, view_id
    )
    english, _empty = view_labels(
        env(context=dict(env.context, lang="en_US")), model, view_type, view_id
    )
    untranslated = sorted(
        {
            text
            for key, text in french.items()
            if text in KNOWN_ENGLISH
            or (english.get(key) == text and _letters(text) > 3 and text not in same)
        }
    )
    return untranslated, empty_columns


class FrenchLabelsMixin:
    """Activates French, loads the translations of ``_le97_french_modules``
    and checks views with :func:`english_labels`."""

    _le97_french_modules = [
        "analytic",
        "product",
        "donation_base",
        "donation",
        "le97_base",
        "le97_donation",
    ]

    @classmethod
    def _le97_load_french(cls):
        """French as a French fund has it, also on a database that had English
        only: the core terms our screens show (base, account) and those of
        every Le 97 addon installed (a bridge adds labels to our views)."""
        cls.env["res.lang"]._activate_lang("fr_FR")
        modules = cls.env["ir.module.module"].search(
            [
                ("state", "=", "installed"),
                "|",
                (
                    "name",
                    "in",
                    [*cls._le97_french_modules, "base", "account", "mail", "portal"],
                ),
                ("name", "=like", "le97_%"),
            ]
        )
        cls.env["ir.module.module"]._load_module_terms(
            modules.mapped("name"), ["fr_FR"], overwrite=True
        )
        # the funds speak French: the names the set-up gives their payment
        # method lines follow (a database made in English named them so)
        companies = cls.env["res.company"].search([])
        companies.partner_id.lang = "fr_FR"
        companies._le97_donation_setup()

    def assertViewsInFrench(self, env, views):
        problems = []
        for model, view_type, *view_xmlid in views:
            view_id = self.env.ref(view_xmlid[0]).id if view_xmlid else False
            untranslated, empty_columns = english_labels(env, model, view_type, view_id)
            where = f"{model} {view_type} {view_xmlid[0] if view_xmlid else ''}"
            problems += [f"{where}: in English: {text!r}" for text in untranslated]
            problems += [f"{where}: empty column {col}" for col in empty_columns]
        self.assertFalse(problems, "\n".join(problems))
