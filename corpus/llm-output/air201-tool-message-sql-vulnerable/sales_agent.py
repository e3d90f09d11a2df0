# case: a Langroid agent handles the tool message the model wrote by running its SQL
import sqlite3

import langroid as lr
from langroid.agent.tool_message import ToolMessage


class RunSqlTool(ToolMessage):
    request: str = "run_sql"
    purpose: str = "Run the <query> against the sales database and see the rows."
    query: str


class SalesAgent(lr.ChatAgent):
    def __init__(self, config: lr.ChatAgentConfig):
        super().__init__(config)
        self.db = sqlite3.connect("sales.db")
        self.enable_message(RunSqlTool)

    def run_sql(self, msg: RunSqlTool) -> str:  # path: AIR201
        rows = self.db.execute(msg.query).fetchall()  # expect: AIR201
        return "\n".join(str(r) for r in rows)
