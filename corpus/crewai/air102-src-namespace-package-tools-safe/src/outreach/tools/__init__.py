from .email_tool import SendEmailTool

__all__ = ["SendEmailTool"]
