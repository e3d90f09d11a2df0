from urllib.parse import urlparse

WIKI_HOSTS = {"wiki.example.com", "kb.example.com"}


class ForeignHost(ValueError):
    pass


def require_wiki_host(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in WIKI_HOSTS:
        raise ForeignHost(f"{parsed.hostname!r} is not one of the wiki hosts")
    return url
