"""A catalog of optional tools, filled from factories and registered in one pass."""
import logging

log = logging.getLogger(__name__)


class ToolCatalog:
    def __init__(self, server, archive):
        self._server = server
        self._archive = archive
        self._entries = {}
        self._live = set()

    def collect(self):
        from .tools.export import export_tools
        from .tools.summary import summary_tools

        for make in [export_tools, summary_tools]:
            for name, handler in make(self._archive):
                self._entries[name] = handler

    def publish(self):
        for name in sorted(self._entries):
            if name in self._live:
                continue
            handler = self._entries[name]
            try:
                self._server.add_tool(handler, name=name)
                self._live.add(name)
            except ValueError as exc:
                log.warning("could not publish %s: %s", name, exc)
