"""The agent builder's API: users save custom tools and run the research agent."""
from fastapi import APIRouter, Depends, FastAPI
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from pydantic import BaseModel

from .checks import check_snippet

router = APIRouter(prefix="/builder")
agent = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), [])


class Snippet(BaseModel):
    source: str


def settings() -> dict:
    return {"max_len": 20_000}


@router.post("/snippets/check")
async def check(snippet: Snippet, limits: dict = Depends(settings)) -> dict:
    if len(snippet.source) > limits["max_len"]:
        return {"ok": False, "error": "too long"}
    return check_snippet(snippet.source)


app = FastAPI()
app.include_router(router)
