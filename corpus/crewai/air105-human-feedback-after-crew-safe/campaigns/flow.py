# case: The same flow asks before sending: the feedback sits on the step that picks the theme, and the newsletter crew runs only on the "approved" outcome.
from crewai.flow import Flow, human_feedback, listen, start
from pydantic import BaseModel

from campaigns.mailer import mailer_crew


class CampaignState(BaseModel):
    theme: str = "product updates"
    result: str = ""


class CampaignFlow(Flow[CampaignState]):
    @start()
    @human_feedback(message="Send a newsletter on this theme?", emit=["approved", "rejected"], llm="gpt-4o-mini")
    def choose_theme(self):
        self.state.theme = "spring release"
        return self.state.theme

    @listen("approved")
    def send_campaign(self):
        result = mailer_crew().kickoff(inputs={"theme": self.state.theme})
        self.state.result = result.raw
        return result.raw
