"""Answers reporting questions: the model writes a PostgreSQL query, the warehouse runs it."""
import psycopg
from openai import OpenAI

from sql_policy import refuse_reason

client = OpenAI()


class ReportBot:
    def __init__(self, dsn: str) -> None:
        self.conn = psycopg.connect(dsn)

    def _draft(self, question: str) -> str:
        reply = client.chat.completions.create(
            model="gpt-4.1-mini",
            messages=[{"role": "user", "content": f"One PostgreSQL query for: {question}"}],
        )
        return reply.choices[0].message.content.strip().strip("`")

    def ask(self, question: str) -> str:
        sql = self._draft(question)
        why_not = refuse_reason(sql)
        if why_not:
            return f"I cannot run that query ({why_not})."
        with self.conn.cursor() as cur:
            cur.execute(sql)  # expect: AIR201
            return str(cur.fetchall())
