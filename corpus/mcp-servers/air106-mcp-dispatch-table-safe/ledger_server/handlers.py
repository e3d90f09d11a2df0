"""Tool handlers of the ledger server, one function per tool, each given the raw arguments."""
import os
import sqlite3

DB_PATH = "/var/lib/ledger/ledger.db"
EXPORT_DIR = "/var/lib/ledger/exports"
LEDGERS = {"main": "ledger_main", "archive": "ledger_archive"}


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


async def handle_balance(arguments: dict) -> str:
    account = arguments["account"]
    with _connect() as conn:
        row = conn.execute("SELECT balance FROM accounts WHERE id = ?", (account,)).fetchone()
    return str(row[0] if row else 0)


async def handle_report(arguments: dict) -> str:
    ledger = arguments.get("ledger", "main")
    if ledger not in LEDGERS:
        raise ValueError(f"unknown ledger: {ledger}")
    with _connect() as conn:
        rows = conn.execute(f"SELECT * FROM {LEDGERS[ledger]} ORDER BY posted_at").fetchall()
    return "\n".join(map(str, rows))


async def handle_export(arguments: dict) -> str:
    target = os.path.join(EXPORT_DIR, os.path.basename(arguments["path"]))
    with _connect() as conn, open(target, "w") as out:
        for line in conn.iterdump():
            out.write(line + "\n")
    return target
