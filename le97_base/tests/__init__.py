from . import (
    test_chart,
    test_french_labels,
    test_fund_identity,
    test_home_action,
    test_menu_actions,
    test_menus,
    test_security,
    test_statement,
    test_volunteer,
    test_volunteer_tour,
    test_volunteer_week,
    test_workflow_guard,
)
