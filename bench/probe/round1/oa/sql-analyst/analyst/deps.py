from dataclasses import dataclass
import os

import psycopg

WAREHOUSE_DSN = os.environ.get("WAREHOUSE_DSN", "postgresql://analyst@localhost/warehouse")


@dataclass
class Deps:
    conn: psycopg.Connection
    tenant_id: int
    row_limit: int = 500


def open_deps(tenant_id: int) -> Deps:
    conn = psycopg.connect(WAREHOUSE_DSN, autocommit=True)
    return Deps(conn=conn, tenant_id=tenant_id)
