from . import l10n_fr_fec_export_wizard, le97_statement_wizard
