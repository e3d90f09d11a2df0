import os

import requests
from crewai.tools import BaseTool
from pydantic import BaseModel, Field

CMS_URL = os.environ.get("CMS_URL", "https://cms.example.com/api/posts")


class PublishPostInput(BaseModel):
    title: str = Field(..., description="Headline")
    body: str = Field(..., description="Article body in Markdown")


class PublishPostTool(BaseTool):  # expect: AIR102
    name: str = "publish_post"
    description: str = "Publish an article on the public news site."
    args_schema: type[BaseModel] = PublishPostInput

    def _run(self, title: str, body: str) -> str:
        resp = requests.post(  # path: AIR102
            CMS_URL,
            json={"title": title, "body": body, "status": "published"},
            headers={"Authorization": f"Bearer {os.environ['CMS_TOKEN']}"},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()["url"]
