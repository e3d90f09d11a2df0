"""Answers questions over the knowledge graph: the model writes Cypher, the driver runs it."""
from langchain_openai import ChatOpenAI
from neo4j import GraphDatabase

PROMPT = "Write one read-only Cypher query answering: {question}\nSchema:\n{schema}"


class GraphQA:
    def __init__(self, uri: str, user: str, password: str) -> None:
        self.llm = ChatOpenAI(model="gpt-4.1-mini", temperature=0)
        self._connect(uri, user, password)

    def _connect(self, uri: str, user: str, password: str) -> None:
        self.driver = GraphDatabase.driver(uri, auth=(user, password))

    def _read(self, cypher: str) -> list[dict]:
        with self.driver.session() as session:
            return [record.data() for record in session.run(cypher)]  # expect: AIR201

    def answer(self, question: str, schema: str) -> str:
        cypher = self.llm.invoke(PROMPT.format(question=question, schema=schema)).content
        rows = self._read(cypher.strip().strip("`"))
        return str(rows)
