import sqlite3

from copilot.tools.admin import make_admin_tools
from copilot.tools.infra import INFRA_TOOLS
from copilot.tools.orders import make_order_tools


def build_support_tools(db: sqlite3.Connection) -> list:
    return make_order_tools(db) + INFRA_TOOLS


def build_admin_tools(db: sqlite3.Connection) -> list:
    return [*make_admin_tools(db)]
