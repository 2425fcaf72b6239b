from . import (
    le97_pive_exchange_statement,
    le97_pive_note_stock_wizard,
    le97_pive_note_stock_wizard_line,
)
