import os
import subprocess
from pathlib import Path

import duckdb
from slack_sdk import WebClient
from smolagents import Tool, tool

WAREHOUSE = os.environ.get("DIGEST_WAREHOUSE", "/data/warehouse.duckdb")
INBOX = Path(os.environ.get("DIGEST_INBOX", "/data/inbox")).resolve()
OUTBOX = Path(os.environ.get("DIGEST_OUTBOX", "/data/outbox")).resolve()
SLACK_CHANNEL = os.environ.get("DIGEST_CHANNEL", "#market-intel")

_slack = WebClient(token=os.environ.get("SLACK_BOT_TOKEN"))


class RegionSalesTool(Tool):
    name = "region_sales"
    description = "Revenue per product for one sales region and quarter, as a markdown table."
    inputs = {
        "region": {"type": "string", "description": "Region code, e.g. 'EMEA' or 'NA-West'"},
        "quarter": {"type": "string", "description": "Quarter like '2025Q3'"},
    }
    output_type = "string"

    def __init__(self, db_path: str = WAREHOUSE):
        super().__init__()
        self.db_path = db_path

    def forward(self, region: str, quarter: str) -> str:
        con = duckdb.connect(self.db_path, read_only=True)
        try:
            sql = (
                "SELECT product, round(sum(revenue), 2) AS revenue FROM sales "
                f"WHERE region = '{region}' AND quarter = '{quarter}' GROUP BY product ORDER BY revenue DESC"
            )
            return con.execute(sql).df().to_markdown(index=False)
        finally:
            con.close()


@tool
def convert_document(filename: str, target_format: str) -> str:
    """Convert a document from the digest inbox to another format with pandoc.

    Args:
        filename: Name of a file in the inbox folder, e.g. 'q3-notes.docx'.
        target_format: One of 'md', 'html', 'docx' or 'pdf'.
    """
    if target_format not in {"md", "html", "docx", "pdf"}:
        raise ValueError("unsupported format")
    src = (INBOX / filename).resolve()
    if INBOX not in src.parents:
        raise ValueError("file must be inside the inbox")
    out = OUTBOX / f"{src.stem}.{target_format}"
    subprocess.run(["pandoc", str(src), "-o", str(out)], check=True, timeout=120)
    return str(out)


@tool
def post_to_slack(text: str) -> str:
    """Post the finished digest to the market-intel Slack channel.

    Args:
        text: The message in Slack mrkdwn.
    """
    resp = _slack.chat_postMessage(channel=SLACK_CHANNEL, text=text, unfurl_links=False)
    return f"posted ts={resp['ts']}"
