"""Account administration. Only the admin agent gets these."""
import sqlite3

from langchain_core.tools import BaseTool, tool


def make_admin_tools(db: sqlite3.Connection) -> list[BaseTool]:
    @tool
    def deactivate_user(email: str) -> str:
        """Deactivate a customer account and revoke its API keys."""
        with db:
            db.execute("UPDATE users SET active = 0 WHERE email = ?", (email,))
            db.execute("DELETE FROM api_keys WHERE user_email = ?", (email,))
        return f"deactivated {email}"

    return [deactivate_user]
