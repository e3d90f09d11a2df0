"""Which generated statements the warehouse may run: reads only."""
import sqlglot

READ_KINDS = {"SELECT", "UNION"}


def refuse_reason(sql: str):
    """None when the query may run; otherwise the reason it may not."""
    try:
        statements = sqlglot.parse(sql, read="postgres")
    except sqlglot.errors.ParseError as exc:
        return f"not parseable, so not checked: {exc}"
    for statement in statements:
        kind = type(statement).__name__.upper()
        if kind not in READ_KINDS:
            return f"{kind} statements are not allowed"
    return None
