/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_donation_receipt_tour", {
    url: "/odoo/action-donation.donation_action",
    steps: () => [
        {
            content: "New donation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the donor",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Donor",
        },
        {
            content: "Select the donor",
            trigger: ".ui-menu-item a:contains('Tour Donor')",
            run: "click",
        },
        {
            content: "Add a gift line",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the gift product",
            trigger: ".o_field_widget[name=product_id] input",
            run: "edit Tour Gift",
        },
        {
            content: "Select the gift product",
            trigger: ".ui-menu-item a:contains('Tour Gift')",
            run: "click",
        },
        {
            content: "Amount of the gift",
            trigger: ".o_field_widget[name=unit_price] input",
            run: "edit 120",
        },
        {
            content: "Validate: the receipt is issued",
            trigger: ".o_form_view button[name=validate]",
            run: "click",
        },
        {
            content: "The donation links to its fiscal receipt",
            trigger: ".o_field_widget[name=tax_receipt_id] a",
            run: "click",
        },
        {
            content: "The receipt is issued with its number",
            trigger:
                ".o_field_widget[name=state] button.o_arrow_button_current[data-value=issued]",
        },
    ],
});
