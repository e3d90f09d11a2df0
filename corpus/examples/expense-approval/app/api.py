"""HTTP front end used by the expenses portal (run with `uvicorn app.api:app`)."""

import shutil
import tempfile
import uuid

from fastapi import FastAPI, File, Form, UploadFile

from app.graph import graph

app = FastAPI(title="Expense approval")

# Finance requires a human sign-off before any money leaves the account:
# runs pause before the payment step until /release is called.
PAYMENT_BREAKPOINTS = ["execute_payment"]  # expect: AIR105


def _config(expense_id: str) -> dict:
    return {"configurable": {"thread_id": expense_id}}


def _status(state: dict) -> dict:
    if "__interrupt__" in state:
        return {"status": "awaiting finance sign-off", "notes": state.get("review_notes")}
    return {"status": "done", "reply": state["messages"][-1].content}


@app.post("/expenses")
async def submit_expense(
    submitter: str = Form(...),
    note: str = Form(""),
    invoices: list[UploadFile] = File(...),
) -> dict:
    paths = []
    for upload in invoices:
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as tmp:
            shutil.copyfileobj(upload.file, tmp)
            paths.append(tmp.name)
    expense_id = str(uuid.uuid4())
    state = await graph.ainvoke(
        {
            "submitter": submitter,
            "invoice_paths": paths,
            "messages": [("user", note)] if note else [],
        },
        _config(expense_id),
        interrupt_before=PAYMENT_BREAKPOINTS,
    )
    return {"expense_id": expense_id, **_status(state)}


@app.post("/expenses/{expense_id}/release")  # finance approvers only (enforced by the portal)
async def release_payment(expense_id: str) -> dict:
    state = await graph.ainvoke(None, _config(expense_id))
    return {"expense_id": expense_id, **_status(state)}


@app.get("/expenses/{expense_id}")
def get_expense(expense_id: str) -> dict:
    snapshot = graph.get_state(_config(expense_id))
    return {"next": list(snapshot.next), "notes": snapshot.values.get("review_notes")}
