def _tree(permitted: list[str]) -> dict:
    root: dict = {}
    for entry in permitted:
        node = root
        for part in entry.split("."):
            node = node.setdefault(part, {})
    return root


def import_permitted(name: str, permitted: list[str]) -> bool:
    node = _tree(permitted)
    for part in name.split("."):
        if "*" in node:
            return True
        if part not in node:
            return False
        node = node[part]
    return True
