"""Tool definitions: a function plus what the server publishes about it."""
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable


class ToolName(Enum):
    RUN_MODELS = "run_models"
    LIST_MODELS = "list_models"


@dataclass
class Definition[NameT: Enum]:
    fn: Callable[..., Any]
    description: str
    name_enum: type[NameT]
    read_only: bool = False

    def tool_name(self) -> NameT:
        return self.name_enum(self.fn.__name__)


@dataclass
class ToolDefinition(Definition[ToolName]):
    name_enum: type[ToolName] = ToolName
