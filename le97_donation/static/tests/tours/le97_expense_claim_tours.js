/* Copyright 2026 Fond'action Alusage
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// See tests/test_expense_claim_tour.py: a volunteer enters a claim on a phone
// (390 px wide), a treasurer approves a submitted claim.

registry.category("web_tour.tours").add("le97_expense_claim_volunteer_tour", {
    url: "/odoo/action-le97_donation.le97_expense_claim_action",
    steps: () => [
        {
            content: "New expense claim",
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The project the expenses served",
            trigger: ".o_form_view .o_field_widget[name=purpose] input",
            run: "edit Club Climat : atelier vélo",
        },
        {
            content: "Add a trip",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_field_x2many_list_row_add a, .o_form_view .o_field_widget[name=line_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "What the trip was for",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Besançon - Ornans, outils de l'atelier",
        },
        {
            content: "Distance",
            trigger: ".modal .o_field_widget[name=distance] input",
            run: "edit 50",
        },
        {
            content: "Vehicle",
            trigger: ".modal .o_field_widget[name=vehicle_type] select",
            run: 'select "car"',
        },
        {
            content: "Fiscal horsepower",
            trigger: ".modal .o_field_widget[name=power] select",
            run: 'select "car_4"',
        },
        {
            content: "The amount is the scale's: 50 km x 0.606",
            trigger:
                ".modal .o_field_widget[name=amount]:contains('30.30'), .modal .o_field_widget[name=amount]:contains('30,30')",
        },
        {
            content: "Save the trip",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The total of the claim",
            trigger:
                ".o_form_view .o_field_widget[name=amount_total]:contains('30.30'), .o_form_view .o_field_widget[name=amount_total]:contains('30,30')",
        },
        {
            content: "Save the claim",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("le97_expense_claim_treasurer_tour", {
    url: "/odoo/action-le97_donation.le97_expense_claim_action",
    steps: () => [
        {
            content: "Open the submitted claim",
            trigger: ".o_list_view .o_data_row:contains('Lucie Tour') .o_data_cell[name=purpose]",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view .o_form_statusbar button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved: the waiver can be recorded",
            trigger: ".o_form_view .o_form_statusbar button[name=action_waive]",
            run: "click",
        },
        {
            content: "Waived: the gift is made",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=waived]",
        },
    ],
});
