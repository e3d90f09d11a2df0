# case: A BaseTool subclass removes whatever path the model passes to _run with os.remove; the interrupt_before=["tools"] breakpoint gates the call but does not sanitise it, so "../../" paths delete files outside the upload root.
import os
from pathlib import Path

from langchain_core.tools import BaseTool
from pydantic import BaseModel, Field

UPLOAD_ROOT = Path("/srv/uploads")


class DeleteUploadArgs(BaseModel):
    path: str = Field(description="Path of the file to delete, relative to the upload root")


class ListUploadsTool(BaseTool):
    name: str = "list_uploads"
    description: str = "List uploaded files, relative to the upload root."

    def _run(self) -> list[str]:
        files = (p for p in UPLOAD_ROOT.rglob("*") if p.is_file())
        return sorted(str(p.relative_to(UPLOAD_ROOT)) for p in files)[:500]


class DeleteUploadTool(BaseTool):
    name: str = "delete_upload"
    description: str = "Delete one uploaded file."
    args_schema: type[BaseModel] = DeleteUploadArgs

    def _run(self, path: str) -> str:
        os.remove(os.path.join(UPLOAD_ROOT, path))  # expect: AIR106
        return f"deleted {path}"


TOOLS = [ListUploadsTool(), DeleteUploadTool()]
