from . import le97_workflow_mixin  # noqa: I001 (the mixins first: models inherit them)
from . import (
    account_journal,
    account_move,
    ir_module_module,
    le97_cvn_valuation,
    le97_cvn_valuation_line,
    le97_fund_deadline,
    le97_home_action,
    le97_volunteer_activity,
    le97_volunteer_hour,
    le97_volunteer_rate,
    res_company,
    res_config_settings,
    res_groups,
    res_partner,
    res_users,
    template_fr_asso,
)
