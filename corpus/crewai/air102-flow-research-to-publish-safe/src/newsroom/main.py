#!/usr/bin/env python
# case: The same flow, with @human_feedback(emit=[...]) on the research step: a person reads the draft, and the publish step runs only on the "approved" outcome.
from crewai.flow import Flow, human_feedback, listen, start
from pydantic import BaseModel

from newsroom.crews.publish_crew.publish_crew import PublishCrew
from newsroom.crews.research_crew.research_crew import ResearchCrew


class NewsroomState(BaseModel):
    topic: str = "AI chips"
    draft: str = ""
    url: str = ""


class NewsroomFlow(Flow[NewsroomState]):
    @start()
    @human_feedback(
        message="Publish this draft?",
        emit=["approved", "rejected"],
        llm="gpt-4o-mini",
    )
    def research(self):
        result = ResearchCrew().crew().kickoff(inputs={"topic": self.state.topic})
        self.state.draft = result.raw
        return result.raw

    @listen("approved")
    def publish(self):
        result = PublishCrew().crew().kickoff(inputs={"draft": self.state.draft})
        self.state.url = result.raw

    @listen("rejected")
    def discard(self):
        self.state.draft = ""


def kickoff():
    NewsroomFlow().kickoff()


if __name__ == "__main__":
    kickoff()
