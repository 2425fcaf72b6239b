/** @odoo-module */
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { registry } from "@web/core/registry";

// The tour is language-proof: buttons are found by their place or class, the
// names of the drink and of the methods are the test's data, and amounts are
// checked in both decimal notations (3.00 in English, 3,00 in French).
const DRINK = "Limonade du Doubs";
const NOTES = "Billets Pive";
const CASH = "Espèces du bar";

function amountSelector(selector, amount) {
    return [amount, amount.replace(".", ",")]
        .map((text) => `${selector}:contains("${text}")`)
        .join(", ");
}

function lineHas(method, amount) {
    return [
        {
            content: `the selected line is paid in ${method}`,
            trigger: `.paymentlines .paymentline.selected .payment-name:contains("${method}")`,
        },
        {
            content: `the selected line is of ${amount}`,
            trigger: amountSelector(
                ".paymentlines .paymentline.selected .payment-amount",
                amount
            ),
        },
    ];
}

function remainingIs(amount) {
    return {
        content: `${amount} remains to pay`,
        trigger: amountSelector(".payment-status-remaining .amount", amount),
    };
}

registry.category("web_tour.tours").add("le97_pive_pos_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            // 2 drinks (7.00): half in Pive notes, the rest in euros
            ProductScreen.clickDisplayedProduct(DRINK),
            ProductScreen.clickDisplayedProduct(DRINK),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod(NOTES),
            lineHas(NOTES, "7.00"),
            PaymentScreen.clickNumpad("4"),
            lineHas(NOTES, "4.00"),
            remainingIs("3.00"),
            PaymentScreen.clickPaymentMethod(CASH),
            lineHas(CASH, "3.00"),
            PaymentScreen.validateButtonIsHighlighted(true),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            // 1 drink (3.50): the notes propose 3 Pive, the cents in euros
            ProductScreen.clickDisplayedProduct(DRINK),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod(NOTES),
            lineHas(NOTES, "3.00"),
            remainingIs("0.50"),
            PaymentScreen.clickPaymentMethod(CASH),
            lineHas(CASH, "0.50"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            // the Pive notes are counted on their own line, apart from euros
            Chrome.clickMenuButton(),
            {
                content: "close the register (the last item of the menu)",
                trigger: ".pos-burger-menu-items .dropdown-item:last-child",
                run: "click",
            },
            {
                content: "the Pive notes are listed apart from the euros",
                trigger: `.modal .payment-methods-overview span:contains("${NOTES}")`,
            },
            {
                content: "the euros in the drawer: counted as expected",
                trigger: ".modal .close-pos-popup button.fa-clone",
                run: "click",
            },
            {
                content: "the Pive notes have their own count",
                trigger: `.modal .close-pos-popup span:contains("${NOTES}") + div input`,
                run: "edit 7",
            },
            { ...Dialog.confirm(), expectUnloadPage: true },
            {
                content: "the register is closed (the page reloads)",
                trigger: "body",
            },
        ].flat(),
});
