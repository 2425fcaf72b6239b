/** @odoo-module */
// Copyright 2026 Fond'action Alusage
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { PaymentScreen } from "@point_of_sale/app/screens/payment_screen/payment_screen";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { isWholeNotes } from "./pos_order_patch";

patch(PaymentScreen.prototype, {
    /** An order is not validated with cents in Pive notes. */
    async _isOrderValid(isForceValidate) {
        const withCents = this.paymentLines.filter(
            (line) =>
                line.payment_method_id.le97_pive_medium === "paper" &&
                !isWholeNotes(line.get_amount())
        );
        if (withCents.length) {
            this.dialog.add(AlertDialog, {
                title: _t("Whole notes only"),
                body: _t(
                    "%s takes whole notes only: there are no cents. Pay the cents in euros; the change is given in euros.",
                    withCents[0].payment_method_id.name
                ),
            });
            return false;
        }
        return super._isOrderValid(...arguments);
    },
});
