"""Redis-queue worker and HTTP service entry points."""
import os

from fastapi import FastAPI
from langgraph.checkpoint.postgres import PostgresSaver
from rq import Queue, Worker
from redis import Redis

from payouts.graphs import build_batch_graph, build_service_graph, build_worker_graph

DSN = os.environ["CHECKPOINT_DSN"]
_saver_cm = PostgresSaver.from_conn_string(DSN)
saver = _saver_cm.__enter__()
saver.setup()

worker_graph = build_worker_graph(saver)
service_graph = build_service_graph(saver)
batch_graph = build_batch_graph(saver)

api = FastAPI()


def handle_job(job_id: str, request: str) -> dict:
    return worker_graph.invoke({"request": request}, {"configurable": {"thread_id": job_id}})


@api.post("/payouts/{payout_id}")
def create_payout(payout_id: str, request: str) -> dict:
    return service_graph.invoke({"request": request}, {"configurable": {"thread_id": payout_id}})


@api.post("/payouts/{payout_id}/approve")
def approve_payout(payout_id: str) -> dict:
    return service_graph.invoke(None, {"configurable": {"thread_id": payout_id}})


if __name__ == "__main__":
    Worker([Queue("payouts", connection=Redis())], connection=Redis()).work()
