import re


def slug_for(title: str) -> str:
    return title.lower().replace(" ", "-") or "entry"
