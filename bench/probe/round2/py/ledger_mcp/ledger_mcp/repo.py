"""SQL access for the ledger. Keep all SQL in this module."""
import os
import sqlite3
from contextlib import contextmanager

DB_PATH = os.environ.get("LEDGER_DB", os.path.expanduser("~/.ledger/ledger.sqlite3"))

COLUMNS = "id, posted_on, payee, memo, amount_cents, category, void"
SORTABLE = ("posted_on", "amount_cents", "payee", "category")


@contextmanager
def ledger_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def _select(where="1=1", order="posted_on DESC", limit=50):
    return "SELECT %s FROM entries WHERE %s ORDER BY %s LIMIT %d" % (COLUMNS, where, order, limit)


def search_memos(conn, term, limit=25):
    sql = _select(where="void = 0 AND memo LIKE '%%%s%%'" % term, limit=limit)
    rows = conn.execute(sql).fetchall()
    return [dict(r) for r in rows]


def get_entry(conn, entry_id):
    row = conn.execute("SELECT %s FROM entries WHERE id = ?" % COLUMNS, (entry_id,)).fetchone()
    return dict(row) if row else None


def list_entries(conn, order_by="posted_on", descending=True, limit=50):
    if order_by not in SORTABLE:
        raise ValueError("order_by must be one of %s" % ", ".join(SORTABLE))
    order = "%s %s" % (order_by, "DESC" if descending else "ASC")
    rows = conn.execute(_select(where="void = 0", order=order, limit=int(limit))).fetchall()
    return [dict(r) for r in rows]


def balance(conn, category=None):
    if category:
        cur = conn.execute("SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE void = 0 AND category = ?", (category,))
    else:
        cur = conn.execute("SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE void = 0")
    return cur.fetchone()[0]


def entries_since(conn, since):
    rows = conn.execute("SELECT %s FROM entries WHERE posted_on >= ? ORDER BY posted_on" % COLUMNS, (since,))
    return [dict(r) for r in rows]


def remove_entry(conn, entry_id):
    cur = conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
    return cur.rowcount
