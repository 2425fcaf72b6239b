/** @odoo-module **/
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_pive_counter_tour", {
    url: "/odoo/action-le97_pive.le97_pive_payment_counter_action",
    steps: () => [
        {
            content: "A blank payment is titled as such, not with a zero amount",
            trigger: ".o_le97_pive_counter .o_field_widget[name=amount] input",
        },
        {
            content: "Count the notes received: a 5",
            trigger: ".o_le97_pive_counter button.o_le97_pive_note[data-note='5']",
            run: "click",
        },
        {
            content: "and a 2",
            trigger: ".o_le97_pive_counter button.o_le97_pive_note[data-note='2']",
            run: "click",
        },
        {
            content: "The amount is the sum of the notes",
            trigger:
                ".o_le97_pive_counter .o_field_widget[name=amount] input:value(7.00), .o_le97_pive_counter .o_field_widget[name=amount] input:value(7,00)",
        },
        {
            content: "The title follows the amount typed",
            trigger: ".o_breadcrumb:contains('7')",
        },
        {
            content: "The amount opens a numeric keypad on a phone",
            trigger: ".o_le97_pive_counter .o_field_widget[name=amount] input[inputmode=decimal]",
        },
        {
            content: "Paid with the digital Pive",
            trigger: ".o_field_widget[name=medium] input[data-value=digital]",
            run: "click",
        },
        {
            content: "For the bar",
            trigger: ".o_field_widget[name=purpose_id] .o_radio_item:nth-child(3) input",
            run: "click",
        },
        {
            content: "Record",
            trigger: "button.o_le97_pive_record",
            run: "click",
        },
        {
            content: "The counter says what was recorded: 7 Pive",
            trigger: ".o_notification:contains('7')",
        },
        {
            content: "A blank payment is ready for the next person, still digital",
            trigger:
                ".o_le97_pive_counter .o_field_widget[name=amount] input:value(0.00), .o_le97_pive_counter .o_field_widget[name=amount] input:value(0,00)",
        },
        {
            content: "The medium is kept",
            trigger: ".o_field_widget[name=medium] input[data-value=digital]:checked",
        },
    ],
});
