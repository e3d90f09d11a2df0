#!/usr/bin/env python
"""Weekly competitor + sales digest. Runs from cron every Monday 07:00:

    0 7 * * 1  cd /opt/weekly_digest && .venv/bin/python run_digest.py >> /var/log/digest.log 2>&1
"""
import datetime as dt
import logging

from digest.agents import make_editor

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

TASK = """Write this week's market digest ({week}).
1. Ask web_researcher what our three main competitors (Northwind, Contoso, Fabrikam) announced in the last 7 days.
2. Use region_sales for EMEA and NA-West for {quarter} and compare with the competitor news.
3. If there is a new file in the inbox, convert it to markdown and mention it.
4. Post the digest (max 300 words, bullet points) to Slack with post_to_slack.
"""


def current_quarter(today: dt.date) -> str:
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


if __name__ == "__main__":
    today = dt.date.today()
    editor = make_editor()
    answer = editor.run(TASK.format(week=today.isocalendar().week, quarter=current_quarter(today)))
    logging.info("digest done: %s", str(answer)[:200])
