from . import (
    account_chart_template,
    account_journal,
    account_move,
    res_company,
    res_config_settings,
    res_currency,
    res_currency_rate,
)
