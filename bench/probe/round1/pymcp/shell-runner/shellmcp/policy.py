import os

# Commands the "preset" tool may run verbatim. Anything else goes through run_command.
PRESET_COMMANDS = frozenset(
    {
        "uptime",
        "df -h",
        "free -m",
        "uname -a",
        "systemctl --failed --no-pager",
    }
)

LOG_PATH = os.environ.get("SHELLMCP_LOG", "/var/log/syslog")
DEFAULT_TIMEOUT = int(os.environ.get("SHELLMCP_TIMEOUT", "60"))


class PolicyError(Exception):
    pass


def ensure_preset(command: str) -> str:
    cmd = command.strip()
    if cmd not in PRESET_COMMANDS:
        raise PolicyError(f"{cmd!r} is not a preset command")
    return cmd
