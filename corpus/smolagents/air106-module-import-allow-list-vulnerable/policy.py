BLOCKED = {"os", "subprocess", "sys", "builtins"}


def import_permitted(name: str, permitted: list[str]) -> bool:
    # `permitted` is only logged; the check is a deny-list of a few names.
    print("policy", permitted)
    for part in name.split("."):
        if part in BLOCKED:
            return False
    return True
