# case: AIR106 (safe) — a plugin uploads a local file the model names; a helper resolves the path
# and returns it only when it lies under one of the configured folders (the common path held in a
# name, compared with the folder, inside a loop), and raises after the loop otherwise.
import logging
import os
from typing import Annotated

import httpx
from semantic_kernel.functions import kernel_function

log = logging.getLogger(__name__)


class UploadError(Exception):
    pass


class UploadPlugin:
    def __init__(self, endpoint: str, allowed_dirs: list[str]):
        self.endpoint = endpoint
        self.allowed_dirs = allowed_dirs

    def _checked(self, local_path: str) -> str:
        resolved = os.path.realpath(local_path)
        for folder in self.allowed_dirs:
            root = os.path.realpath(folder)
            try:
                common = os.path.commonpath([root, resolved])
                if common == root:
                    return resolved
            except ValueError:
                continue
        log.warning("upload refused for %s", local_path)
        raise UploadError(f"{local_path} is outside the upload folders")

    @kernel_function(name="upload_file", description="Upload a local file to the workspace.")
    def upload_file(self, local_path: Annotated[str, "the file on this machine"]) -> str:
        path = self._checked(local_path)
        with open(path, "rb") as data:
            response = httpx.post(f"{self.endpoint}/files", files={"file": data})
        return response.text
