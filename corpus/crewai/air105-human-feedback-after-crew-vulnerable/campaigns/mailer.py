import smtplib

from crewai import Agent, Crew, Task
from crewai.tools import tool


@tool("send_newsletter")
def send_newsletter(subject: str, body: str) -> str:
    """Send the newsletter to every subscriber."""
    with smtplib.SMTP("mail.internal") as smtp:
        smtp.sendmail("news@example.com", ["subscribers@lists.example.com"], f"Subject: {subject}\n\n{body}")  # path: AIR105
    return "sent"


def mailer_crew() -> Crew:
    writer = Agent(
        role="Newsletter Writer",
        goal="Write and send the weekly newsletter",
        backstory="You write the company newsletter.",
        tools=[send_newsletter],
    )
    return Crew(
        agents=[writer],
        tasks=[
            Task(
                description="Write this week's newsletter about {theme} and send it.",
                expected_output="The newsletter as sent.",
                agent=writer,
            )
        ],
    )
