"""Human-in-the-loop helpers shared by tools that move money or publish things."""
from __future__ import annotations

from typing import Any

from langgraph.types import interrupt


class NotApproved(RuntimeError):
    pass


def require_operator_ok(action: str, **details: Any) -> dict:
    """Pause the graph until an operator answers.

    The dashboard resumes the thread with ``Command(resume={"approved": bool, "note": str})``.
    """
    answer = interrupt({"action": action, "details": details})
    if not isinstance(answer, dict) or answer.get("approved") is not True:
        raise NotApproved(f"{action} rejected by operator: {answer!r}")
    return answer
