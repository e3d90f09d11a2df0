"""Run a single payout from the terminal.

    python -m payouts.cli "pay @lena 120 dollars for the March sponsored video"
"""
import sys
import uuid

from payouts.graphs import build_cli_graph


def main(argv: list[str]) -> int:
    graph = build_cli_graph()
    cfg = {"configurable": {"thread_id": str(uuid.uuid4())}}
    state = graph.invoke({"request": " ".join(argv)}, cfg)
    print(f"About to send {state['amount_cents'] / 100:.2f} USD to {state['account_id']} ({state['memo']})")
    if input("Proceed? [y/N] ").strip().lower() != "y":
        print("aborted")
        return 1
    final = graph.invoke(None, cfg)
    print("transfer", final.get("transfer_id"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
