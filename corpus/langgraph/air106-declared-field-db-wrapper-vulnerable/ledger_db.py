"""A thin wrapper the tools share: one Cassandra session for the ledger keyspace."""
from cassandra.cluster import Cluster


class LedgerDatabase:
    def __init__(self, hosts: list[str], keyspace: str = "ledger") -> None:
        self._session = Cluster(hosts).connect(keyspace)

    def run(self, cql: str) -> list:
        return list(self._session.execute(cql))
