# case: the same agent, where the model's tool message only names one of the prepared reports
import sqlite3

import langroid as lr
from langroid.agent.tool_message import ToolMessage

REPORTS = {
    "monthly_totals": "SELECT month, SUM(total) FROM sales GROUP BY month",
    "top_customers": "SELECT customer, SUM(total) FROM sales GROUP BY customer ORDER BY 2 DESC LIMIT 10",
}


class RunReportTool(ToolMessage):
    request: str = "run_report"
    purpose: str = "Run the prepared report named <report>."
    report: str


class SalesAgent(lr.ChatAgent):
    def __init__(self, config: lr.ChatAgentConfig):
        super().__init__(config)
        self.db = sqlite3.connect("sales.db")
        self.enable_message(RunReportTool)

    def run_report(self, msg: RunReportTool) -> str:
        name = msg.report
        if name not in REPORTS:
            return f"unknown report {name!r}; choose one of {sorted(REPORTS)}"
        rows = self.db.execute(REPORTS[name]).fetchall()
        return "\n".join(str(r) for r in rows)
