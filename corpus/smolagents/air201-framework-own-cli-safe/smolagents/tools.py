__all__ = ["Tool", "tool"]


class Tool:
    name = ""
    description = ""

    def forward(self, *args, **kwargs):
        raise NotImplementedError


def tool(fn):
    return fn
