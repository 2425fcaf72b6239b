/* Copyright 2026 Fond'action Alusage
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("le97_volunteer_hour_tour", {
    url: "/odoo/action-le97_base.le97_volunteer_hour_action",
    steps: () => [
        {
            content: "Add a line",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the activity",
            trigger: ".o_selected_row .o_field_widget[name=activity_id] input",
            run: "edit Tour Accueil",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Accueil)",
            run: "click",
        },
        {
            content: "Two hours and a half",
            trigger: ".o_selected_row .o_field_widget[name=hours] input",
            run: "edit 02:30",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=note] input",
            run: "edit Permanence du samedi",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The line is saved",
            trigger: ".o_data_row:not(.o_selected_row) .o_data_cell[name=note]:contains(Permanence du samedi)",
        },
    ],
});
