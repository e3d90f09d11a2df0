#!/usr/bin/env python
# case: A flow: the research step kicks off a crew whose reporter searches and scrapes the web; the publish step listens to it and kicks off a second crew (configured from custom YAML paths) with the draft as input, and that crew's editor publishes to the CMS.
from crewai.flow import Flow, listen, start
from pydantic import BaseModel

from newsroom.crews.publish_crew.publish_crew import PublishCrew
from newsroom.crews.research_crew.research_crew import ResearchCrew


class NewsroomState(BaseModel):
    topic: str = "AI chips"
    draft: str = ""
    url: str = ""


class NewsroomFlow(Flow[NewsroomState]):
    @start()
    def research(self):
        result = ResearchCrew().crew().kickoff(inputs={"topic": self.state.topic})  # path: AIR102
        self.state.draft = result.raw

    @listen(research)  # path: AIR102
    def publish(self):
        result = PublishCrew().crew().kickoff(inputs={"draft": self.state.draft})  # path: AIR102
        self.state.url = result.raw


def kickoff():
    NewsroomFlow().kickoff()


if __name__ == "__main__":
    kickoff()
