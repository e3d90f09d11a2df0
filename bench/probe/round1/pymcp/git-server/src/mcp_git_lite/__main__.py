import argparse
import asyncio
import logging
from pathlib import Path

from .server import serve


def main() -> None:
    parser = argparse.ArgumentParser(prog="mcp-git-lite")
    parser.add_argument("-r", "--repository", type=Path, help="default repository")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    opts = parser.parse_args()

    level = logging.WARNING - 10 * min(opts.verbose, 2)
    logging.basicConfig(level=level)
    asyncio.run(serve(opts.repository))


if __name__ == "__main__":
    main()
