import re
from datetime import datetime

from pydantic import BaseModel, Field, field_validator


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:80] or "untitled"


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str
    tags: list[str] = Field(default_factory=list)

    @field_validator("tags")
    @classmethod
    def _normalise_tags(cls, v: list[str]) -> list[str]:
        return sorted({t.strip().lower() for t in v if t.strip()})


class NoteSummary(BaseModel):
    id: int
    title: str
    slug: str
    tags: str
    updated_at: datetime
