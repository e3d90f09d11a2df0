# case: A flow puts @human_feedback on the step that kicks off the newsletter crew; the person is asked only after the crew has already sent the newsletter.
from crewai.flow import Flow, human_feedback, listen, start
from pydantic import BaseModel

from campaigns.mailer import mailer_crew


class CampaignState(BaseModel):
    theme: str = "product updates"
    result: str = ""


class CampaignFlow(Flow[CampaignState]):
    @start()
    def choose_theme(self):
        self.state.theme = "spring release"

    @listen(choose_theme)
    @human_feedback(message="Does the newsletter look right?")  # expect: AIR105
    def send_campaign(self):
        result = mailer_crew().kickoff(inputs={"theme": self.state.theme})
        self.state.result = result.raw
        return result.raw
