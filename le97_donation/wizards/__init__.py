# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import donation_tax_receipt_yearly
from . import donation_tax_receipt_send
from . import donation_tax_receipt_declaration
from . import donation_tax_receipt_declaration_line
from . import tax_receipt_annual_create
