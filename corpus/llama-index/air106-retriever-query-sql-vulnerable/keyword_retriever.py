"""A full-text retriever over the support knowledge base, used by the helpdesk agent."""
from typing import List

import duckdb
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode


class KeywordRetriever(BaseRetriever):
    def __init__(self, db_path: str, top_k: int = 5) -> None:
        super().__init__()
        self._db_path = db_path
        self._top_k = top_k

    def _sql(self, text: str) -> str:
        return (
            "SELECT id, body, fts_main_docs.match_bm25(id, '" + text + "') AS score "
            f"FROM docs WHERE score IS NOT NULL ORDER BY score DESC LIMIT {self._top_k}"
        )

    def _retrieve(self, query_bundle: QueryBundle) -> List[NodeWithScore]:
        sql = self._sql(query_bundle.query_str)
        with duckdb.connect(self._db_path, read_only=True) as conn:
            rows = conn.execute(sql).fetchall()  # expect: AIR106
        return [NodeWithScore(node=TextNode(id_=r[0], text=r[1]), score=r[2]) for r in rows]
