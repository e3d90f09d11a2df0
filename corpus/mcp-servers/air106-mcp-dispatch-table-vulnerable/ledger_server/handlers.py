"""Tool handlers of the ledger server, one function per tool, each given the raw arguments."""
import sqlite3

DB_PATH = "/var/lib/ledger/ledger.db"


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


async def handle_balance(arguments: dict) -> str:
    account = arguments["account"]
    with _connect() as conn:
        row = conn.execute("SELECT balance FROM accounts WHERE id = ?", (account,)).fetchone()
    return str(row[0] if row else 0)


async def handle_report(arguments: dict) -> str:
    ledger = arguments.get("ledger", "main")
    with _connect() as conn:
        rows = conn.execute(f"SELECT * FROM {ledger} ORDER BY posted_at").fetchall()  # expect: AIR106
    return "\n".join(map(str, rows))


async def handle_export(arguments: dict) -> str:
    target = arguments["path"]
    with _connect() as conn, open(target, "w") as out:  # expect: AIR106
        for line in conn.iterdump():
            out.write(line + "\n")
    return target
