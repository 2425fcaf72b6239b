from . import (
    l10n_fr_fec_export_wizard,
    le97_statement_wizard,
    le97_volunteer_week_wizard,
    le97_volunteer_week_wizard_line,
)
