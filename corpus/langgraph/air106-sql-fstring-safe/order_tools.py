import sqlite3

from langchain_core.tools import StructuredTool

_conn = sqlite3.connect("/var/lib/shop/orders.sqlite3", check_same_thread=False)


def _set_order_status(order_id: str, status: str, note: str = "") -> str:
    cur = _conn.cursor()
    cur.execute(
        "UPDATE orders SET status = ?, staff_note = ? WHERE id = ? AND status != 'cancelled'",
        (status, note, order_id),
    )
    _conn.commit()
    return f"{cur.rowcount} order(s) updated"


set_status_tool = StructuredTool.from_function(
    func=_set_order_status,
    name="set_order_status",
    description="Move an order to a new fulfilment status (picked, packed, shipped) with a short note.",
)


def get_tools() -> list:
    return [set_status_tool]
