# leadgen crew -- hackathon code, works on my machine
# TODO split this file up after the demo lol

import os
import sys
import json
import sqlite3
import smtplib
import datetime
from email.mime.text import MIMEText

import requests
from dotenv import load_dotenv
from crewai import Agent, Task, Crew, Process, LLM
from crewai.tools import tool
from crewai.hooks import before_tool_call
from crewai_tools import ScrapeWebsiteTool, SerperDevTool

load_dotenv()

GMAIL_USER = os.getenv("GMAIL_USER")
GMAIL_PASS = os.getenv("GMAIL_APP_PASSWORD")
HUBSPOT_WEBHOOK = os.getenv("HUBSPOT_WEBHOOK", "")
DB_FILE = "leads.db"

# companies we want to pitch at the demo
TARGETS = ["acme-robotics.com", "globex.io", "initech.dev", "hooli.xyz"]

llm = LLM(model="gpt-4o", temperature=0.4)
cheap_llm = LLM(model="gpt-4o-mini", temperature=0)

db = sqlite3.connect(DB_FILE)
db.execute("create table if not exists leads (domain text primary key, contact text, email text, notes text, status text, updated text)")
db.commit()

search_tool = SerperDevTool(n_results=6)
scrape_tool = ScrapeWebsiteTool()

sent_count = 0


@tool("whois_lookup")
def whois_lookup(domain: str) -> str:
    """Look up WHOIS registration info for a domain (registrant org, country, creation date)."""
    out = os.popen(f"whois {domain} | grep -iE 'registrant|country|creation' | head -n 20").read()
    return out or "no whois data"


@tool("send_email")
def send_email(to: str, subject: str, body: str) -> str:
    """Send a cold outreach email to a lead. Use a short subject and a friendly tone."""
    global sent_count
    msg = MIMEText(body)
    msg["Subject"] = subject
    msg["From"] = GMAIL_USER
    msg["To"] = to
    s = smtplib.SMTP_SSL("smtp.gmail.com", 465)
    s.login(GMAIL_USER, GMAIL_PASS)
    s.sendmail(GMAIL_USER, [to], msg.as_string())
    s.quit()
    sent_count += 1
    return "email sent to " + to


@tool("update_crm")
def update_crm(domain: str, status: str, contact: str = "", email: str = "", notes: str = "") -> str:
    """Create or update a lead in the CRM. status is one of new/contacted/qualified/dead."""
    now = datetime.datetime.utcnow().isoformat()
    db.execute(
        "insert or replace into leads (domain, contact, email, notes, status, updated) values (?, ?, ?, ?, ?, ?)",
        (domain, contact, email, notes, status, now),
    )
    db.commit()
    if HUBSPOT_WEBHOOK:
        requests.post(HUBSPOT_WEBHOOK, json={"domain": domain, "status": status, "contact": contact, "email": email}, timeout=10)
    return f"crm updated: {domain} -> {status}"


# judges asked "what stops it from trashing the CRM" -> this
@before_tool_call(tools=["update_crm"])
def confirm_crm_writes(ctx):
    answer = ctx.request_human_input(f"Agent wants to run update_crm with {json.dumps(ctx.tool_input)}. Allow? (y/n)")
    if str(answer).strip().lower() not in ("y", "yes"):
        print("  -> blocked by human")
        return False
    return None


scout = Agent(
    role="Lead Scout",
    goal="Find out what {domain} does, how big they are and who leads engineering there",
    backstory="You are a scrappy SDR researcher who lives on company websites, LinkedIn and news.",
    tools=[search_tool, scrape_tool, whois_lookup],
    llm=llm,
    verbose=True,
)

analyst = Agent(
    role="Data Analyst",
    goal="Score {domain} as a lead from 0-100 using the scout's notes",
    backstory="Ex-quant. Likes pandas way too much. Writes quick python to crunch numbers.",
    allow_code_execution=True,
    code_execution_mode="unsafe",   # docker wasn't working on the venue wifi
    llm=llm,
    verbose=True,
)

closer = Agent(
    role="Outreach Specialist",
    goal="Write and send a personalised first email to the best contact at {domain} and log it in the CRM",
    backstory="You write short, specific cold emails that reference something real about the company.",
    tools=[send_email, update_crm],
    llm=llm,
    verbose=True,
)

scout_task = Task(
    description="Research {domain}. Read their homepage, about page and any recent news. "
                "Find the engineering leader's name and a likely email address.",
    expected_output="Bullet notes: what they do, size, recent news, contact name + email guess",
    agent=scout,
)

score_task = Task(
    description="Using the scout notes, compute a lead score for {domain}. Show your working.",
    expected_output="A JSON object with score (0-100) and reasons",
    agent=analyst,
    context=[scout_task],
)

outreach_task = Task(
    description="If the score is above 60, write a 120-word email to the contact and send it with send_email, "
                "then log the lead with update_crm. Otherwise just log it as 'dead'.",
    expected_output="What was sent (or why nothing was sent)",
    agent=closer,
    context=[scout_task, score_task],
)

crew = Crew(
    agents=[scout, analyst, closer],
    tasks=[scout_task, score_task, outreach_task],
    process=Process.sequential,
    verbose=True,
)


def run_qa():
    # quick check of tone before the demo, uses the docker sandbox when it works
    reviewer = Agent(
        role="Copy QA",
        goal="Check the outreach emails in leads.db for tone and length",
        backstory="Picky editor",
        allow_code_execution=True,
        code_execution_mode="safe",
        llm=cheap_llm,
    )
    rows = db.execute("select domain, notes from leads where status = 'contacted'").fetchall()
    qa_task = Task(
        description=f"Review these notes and flag anything off-brand: {rows}",
        expected_output="list of issues",
        agent=reviewer,
    )
    print(Crew(agents=[reviewer], tasks=[qa_task]).kickoff())


if __name__ == "__main__":
    if "--qa" in sys.argv:
        run_qa()
        sys.exit(0)
    for d in TARGETS:
        print("=" * 20, d, "=" * 20)
        result = crew.kickoff(inputs={"domain": d})
        print(result.raw)
    print(f"done, sent {sent_count} emails")
