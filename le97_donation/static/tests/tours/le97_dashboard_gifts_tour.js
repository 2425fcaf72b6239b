/* Copyright 2026 Fond'action Alusage
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const giftsCard = ".o_le97_dashboard_card[data-card=gifts_by_month]";
// exactly n data rows in the list
const listOf = (n) =>
    `.o_list_view tbody:not(:has(.o_data_row:nth-child(${n + 1}))) .o_data_row:nth-child(${n})`;

registry.category("web_tour.tours").add("le97_dashboard_gifts_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The treasurer lands on the dashboard and its gifts by month",
            trigger: `.o_le97_dashboard ${giftsCard} .o_le97_dashboard_column[data-index='11']`,
        },
        {
            content: "Open the gifts of the year",
            trigger: `${giftsCard} .o_le97_dashboard_open`,
            run: "click",
        },
        {
            content: "Odoo's graph view of the gifts",
            trigger: ".o_graph_view .o_graph_canvas_container canvas",
        },
        {
            content: "The same gifts by project in the pivot view",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot_view tbody th:contains(Jardin du Ravelin)",
        },
        {
            trigger: ".o_pivot_view tbody th:contains(Club Climat)",
        },
        {
            content: "Back to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "Click the bar of January in Odoo's graph",
            trigger: ".o_graph_view .o_graph_canvas_container canvas",
            async run() {
                const canvas = this.anchor;
                // the bars grow for a moment: click once they are drawn
                await new Promise((resolve) => setTimeout(resolve, 1500));
                const chart = window.Chart.getChart(canvas);
                const bar = chart.getDatasetMeta(0).data[0];
                const {x, y, base} = bar.getProps(["x", "y", "base"], true);
                const rect = canvas.getBoundingClientRect();
                canvas.dispatchEvent(
                    new MouseEvent("click", {
                        bubbles: true,
                        clientX: rect.left + x,
                        clientY: rect.top + (y + base) / 2,
                    })
                );
            },
        },
        {
            content: "January's gift in a list",
            trigger: listOf(1),
        },
        {
            content: "Back to the graph",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            trigger: ".o_graph_view .o_graph_canvas_container canvas",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Open the gifts of March from the dashboard",
            trigger: `${giftsCard} .o_le97_dashboard_column[data-index='2']`,
            run: "click",
        },
        {
            content: "The two gifts of March",
            trigger: listOf(2),
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "The dashboard again, with its receipts",
            trigger: `.o_le97_dashboard .o_le97_dashboard_card[data-card=gifts_to_receipt] .o_le97_dashboard_row`,
        },
    ],
});
