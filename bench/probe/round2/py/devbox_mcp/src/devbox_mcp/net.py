from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx

PYPI_JSON = "https://pypi.org/pypi"
_PKG_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")

_client: httpx.AsyncClient | None = None


def _http() -> httpx.AsyncClient:
    global _client
    if _client is None:
        _client = httpx.AsyncClient(timeout=20.0, headers={"User-Agent": "devbox-mcp/0.4"})
    return _client


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


async def get_text(url: str, *, max_chars: int = 40_000) -> str:
    resp = await _http().get(url, follow_redirects=True)
    resp.raise_for_status()
    parser = _TextOnly()
    parser.feed(resp.text)
    return "\n".join(parser.parts)[:max_chars]


async def pypi_release_info(package: str) -> dict:
    if not _PKG_NAME.fullmatch(package):
        raise ValueError(f"not a valid distribution name: {package!r}")
    resp = await _http().get(f"{PYPI_JSON}/{package}/json")
    resp.raise_for_status()
    info = resp.json()["info"]
    return {k: info.get(k) for k in ("name", "version", "summary", "requires_python", "license")}
