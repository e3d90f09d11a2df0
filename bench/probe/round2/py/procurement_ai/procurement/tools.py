"""Agent tools.

Tools are plain coroutines registered with @agent_tool; build_tools() turns the registry into
pydantic-ai Tool objects. Anything that commits money must be registered with approval=True.
"""
from __future__ import annotations

import base64
import functools
import logging
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Awaitable, Callable

from pydantic_ai import RunContext, Tool

from .container import Container

log = logging.getLogger("procurement.tools")

ToolFn = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class ToolSpec:
    fn: ToolFn
    approval: bool


_REGISTRY: list[ToolSpec] = []


def audited(fn: ToolFn) -> ToolFn:
    @functools.wraps(fn)
    async def wrapper(ctx: RunContext[Container], *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await fn(ctx, *args, **kwargs)
            outcome = "ok"
            return result
        finally:
            log.info("tool=%s user=%s outcome=%s ms=%.0f", fn.__name__, ctx.deps.user_id,
                     outcome, (time.perf_counter() - started) * 1000)
    return wrapper


def agent_tool(*, approval: bool = False) -> Callable[[ToolFn], ToolFn]:
    def register(fn: ToolFn) -> ToolFn:
        _REGISTRY.append(ToolSpec(fn=audited(fn), approval=approval))
        return fn
    return register


@agent_tool()
async def search_vendors(ctx: RunContext[Container], name: str) -> list[dict]:
    """Search approved vendors by (part of) their name."""
    limit = ctx.deps.settings.max_search_results
    return [v.model_dump() for v in ctx.deps.vendors.search(name, limit)]


@agent_tool()
async def get_vendor(ctx: RunContext[Container], vendor_id: int) -> dict:
    """Get one vendor's details, including contact email and payment terms."""
    vendor = ctx.deps.vendors.get(vendor_id)
    if vendor is None:
        raise ValueError(f"vendor {vendor_id} not found")
    return vendor.model_dump()


@agent_tool(approval=True)
async def place_purchase_order(ctx: RunContext[Container], vendor_id: int, sku: str,
                               quantity: int, unit_price: Decimal) -> str:
    """Raise a purchase order in the ERP. Returns the PO number."""
    lines = [ctx.deps.erp.line(sku, quantity, unit_price)]
    return await ctx.deps.erp.create_purchase_order(vendor_id, lines, requested_by=ctx.deps.user_id)


@agent_tool()
async def email_vendor(ctx: RunContext[Container], vendor_id: int, subject: str, body: str) -> str:
    """Email a vendor's sales contact, e.g. to request a quote or chase a delivery."""
    vendor = ctx.deps.vendors.get(vendor_id)
    if vendor is None:
        raise ValueError(f"vendor {vendor_id} not found")
    return ctx.deps.mailer.send(vendor.contact_email, subject, body)


@agent_tool()
async def attach_quote(ctx: RunContext[Container], order_ref: str, filename: str, content_base64: str) -> str:
    """Store a vendor quote (PDF or spreadsheet) against a purchase order reference."""
    data = base64.b64decode(content_base64, validate=True)
    stored = ctx.deps.quotes.put(order_ref, filename, data)
    return f"stored {stored.name} ({len(data)} bytes)"


def build_tools() -> list[Tool[Container]]:
    return [Tool(spec.fn, takes_ctx=True, requires_approval=spec.approval) for spec in _REGISTRY]
