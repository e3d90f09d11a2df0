"""Summary tools: read-only views of the archive."""


def summary_tools(archive):
    async def list_captures() -> list[str]:
        """List the stored captures."""
        return archive.names()

    return [("list_captures", list_captures)]
