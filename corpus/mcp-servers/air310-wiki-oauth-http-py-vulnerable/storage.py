"""Where the desktop client keeps its tokens."""


class TokenFile:
    def __init__(self, path: str) -> None:
        self.path = path
