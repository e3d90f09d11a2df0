"""One coroutine per tool, named do_<tool name>. server.call_tool finds them by name."""
from . import exporters, repo


async def do_search_entries(args):
    with repo.ledger_db() as conn:
        return repo.search_memos(conn, args["query"], int(args.get("limit", 25)))


async def do_get_entry(args):
    with repo.ledger_db() as conn:
        entry = repo.get_entry(conn, int(args["id"]))
    if entry is None:
        raise LookupError("no entry with id %s" % args["id"])
    return entry


async def do_list_entries(args):
    with repo.ledger_db() as conn:
        return repo.list_entries(
            conn,
            order_by=args.get("order_by", "posted_on"),
            descending=args.get("descending", True),
            limit=args.get("limit", 50),
        )


async def do_balance(args):
    with repo.ledger_db() as conn:
        cents = repo.balance(conn, args.get("category"))
    return {"balance": cents / 100, "category": args.get("category") or "all"}


async def do_void_entry(args):
    # "void" used to flip a flag; since 1.2 we hard-delete to keep the file small.
    with repo.ledger_db() as conn:
        removed = repo.remove_entry(conn, int(args["id"]))
    return {"removed": removed}


async def do_export_csv(args):
    with repo.ledger_db() as conn:
        rows = repo.entries_since(conn, args.get("since", "1970-01-01"))
    count = exporters.write_csv(rows, args["path"])
    return {"written": count, "path": args["path"]}
