"""What generated Cypher may do: read the graph, nothing else."""
import re

FORBIDDEN = [
    (re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP)\b", re.I), "a write clause"),
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV"),
    (re.compile(r"\b(apoc|dbms|db)\.\w+", re.I), "a procedure call"),
]


def check_cypher(cypher: str, *, read_only: bool = True):
    """None when the query may run, otherwise why it may not."""
    for pattern, what in FORBIDDEN:
        if pattern.search(cypher):
            return f"query rejected: it uses {what}"
    if read_only and ";" in cypher:
        return "query rejected: one statement only"
    return None
