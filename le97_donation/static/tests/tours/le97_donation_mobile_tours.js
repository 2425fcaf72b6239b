/* Copyright 2026 Fond'action Alusage
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Run at a phone's width (390 px) in French: see tests/test_mobile_tours.py.

function checkText(content, expected) {
    return function () {
        const text = this.anchor.textContent || this.anchor.value || "";
        if (!text.includes(expected)) {
            throw new Error(`${content}: "${text.trim()}" instead of "${expected}"`);
        }
    };
}

registry.category("web_tour.tours").add("le97_donation_mobile_entry_tour", {
    url: "/odoo/action-donation.donation_action",
    steps: () => [
        {
            content: "New donation",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The form reads in French",
            trigger: ".o_form_view .o_form_label:contains('Option pour le reçu fiscal')",
        },
        {
            content: "The title of a new donation is French",
            trigger: ".o_form_view .oe_title .o_field_widget[name=number]",
            run: checkText("Title", "Nouveau"),
        },
        {
            content: "The bank donation method is there by default, in French",
            trigger: ".o_form_view .o_field_widget[name=payment_method_line_id] select",
            run() {
                const option = this.anchor.selectedOptions[0];
                const text = option ? option.textContent : "";
                if (!text.includes("Paiement manuel (Banque)")) {
                    throw new Error(`Payment method: "${text}"`);
                }
            },
        },
        {
            content: "Choose the donor: a phone opens the search dialog",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "click",
        },
        {
            content: "Select the donor",
            trigger: ".modal .o_kanban_record:contains('Mobile Donor')",
            run: "click",
        },
        {
            content: "The donor's receipt option is French",
            trigger: ".o_form_view .o_field_widget[name=tax_receipt_option] select",
            run() {
                const option = this.anchor.selectedOptions[0];
                if (!option || option.textContent.trim() !== "Pour chaque don") {
                    throw new Error(`Receipt option: "${option && option.textContent}"`);
                }
            },
        },
        {
            content: "Add a gift line: a phone shows the lines as cards",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose the gift product",
            trigger: ".modal .o_field_widget[name=product_id] input",
            run: "click",
        },
        {
            content: "Select the gift product",
            trigger: ".modal .o_kanban_record:contains('Mobile Gift')",
            run: "click",
        },
        {
            content: "Amount of the gift",
            trigger: ".modal .o_field_widget[name=unit_price] input",
            run: "edit 75",
        },
        {
            content: "Save the line",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The line is on the donation",
            trigger:
                ".o_form_view .o_field_widget[name=line_ids] .o_kanban_record:contains('Mobile Gift'):contains('75,00')",
        },
        {
            content: "Save the donation",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The donation is numbered",
            trigger: ".o_form_view .oe_title .o_field_widget[name=number]:contains('DON')",
        },
        {
            content: "On a phone the header buttons are in the gear menu",
            trigger: ".o_control_panel .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Validate: the receipt is issued",
            trigger: ".o-dropdown--menu button[name=validate]:contains('Valider')",
            run: "click",
        },
        {
            content: "The donation is validated",
            trigger:
                ".o_form_view .o_field_widget[name=state] button.o_arrow_button_current:contains('Validé')",
        },
    ],
});

registry.category("web_tour.tours").add("le97_receipts_mobile_list_tour", {
    url: "/odoo/action-le97_donation.donation_tax_receipt_action",
    steps: () => [
        {
            content: "Columns in French",
            trigger: ".o_list_view th[data-name=partner_id]:contains('Donateur')",
        },
        {
            content: "No empty currency column",
            trigger: ".o_list_view:not(:has(th[data-name=currency_id]))",
        },
        {
            content: "Open the receipt of the mobile donor",
            trigger: ".o_list_view .o_data_row:contains('Mobile Donor') td[name=number]",
            run: "click",
        },
        {
            content: "The receipt shows its state in French",
            trigger:
                ".o_form_view .o_field_widget[name=state] button.o_arrow_button_current:contains('Émis')",
        },
        {
            content: "Its donations are listed by number on a phone",
            trigger: ".o_form_view .o_field_widget[name=le97_donation_ids] .o_kanban_record:contains('DON')",
        },
        {
            content: "The header buttons are in the gear menu",
            trigger: ".o_control_panel .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Send by e-mail, in French",
            trigger: ".o-dropdown--menu button[name=action_send_tax_receipt]:contains('Envoyer par e-mail')",
        },
        {
            content: "Print, in French",
            trigger: ".o-dropdown--menu button:contains('Imprimer')",
        },
    ],
});
