from fastapi import Depends, FastAPI, Header
from pydantic import BaseModel

from .agent import analyst
from .deps import open_deps

app = FastAPI(title="ask-the-warehouse")


class Question(BaseModel):
    question: str


class Answer(BaseModel):
    answer: str


def tenant_from_header(x_tenant_id: int = Header(...)) -> int:
    return x_tenant_id


@app.post("/ask", response_model=Answer)
async def ask(body: Question, tenant_id: int = Depends(tenant_from_header)) -> Answer:
    deps = open_deps(tenant_id)
    try:
        result = await analyst.run(body.question, deps=deps)
    finally:
        deps.conn.close()
    return Answer(answer=result.output)
