"""Which generated statements the warehouse may run: anything that parses."""
import sqlglot


def refuse_reason(sql: str):
    """None when the query may run; otherwise the reason it may not."""
    try:
        sqlglot.parse(sql, read="postgres")
    except sqlglot.errors.ParseError as exc:
        return f"not parseable: {exc}"
    return None
