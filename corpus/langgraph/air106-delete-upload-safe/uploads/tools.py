# case: Same upload-cleanup agent, but DeleteUploadTool resolves the path and raises unless it stays under UPLOAD_ROOT before os.remove, so traversal cannot reach other files.
import os
from pathlib import Path

from langchain_core.tools import BaseTool
from pydantic import BaseModel, Field

UPLOAD_ROOT = Path("/srv/uploads").resolve()


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
        target = (UPLOAD_ROOT / path).resolve()
        if not target.is_relative_to(UPLOAD_ROOT):
            raise ValueError(f"{path!r} is outside the upload area")
        os.remove(target)
        return f"deleted {target.relative_to(UPLOAD_ROOT)}"


TOOLS = [ListUploadsTool(), DeleteUploadTool()]
