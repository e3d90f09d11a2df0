import sqlite3

_conn = sqlite3.connect("tickets.db")


def run_sql(sql, params=()):
    cur = _conn.cursor()
    cur.execute(sql, params)
    return cur.fetchall()
