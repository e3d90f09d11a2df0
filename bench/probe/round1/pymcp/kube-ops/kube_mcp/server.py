import asyncio
import logging
import os

from mcp import types
from mcp.server import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.server.stdio import stdio_server

from .cli import ClusterTools, docker_containers, docker_exec
from .models import DescribeInput, DockerExecInput, GetPodsInput, PodLogsInput, ScaleInput, ToolName

log = logging.getLogger("kube-mcp")

_READ = types.ToolAnnotations(readOnlyHint=True, openWorldHint=False)
_WRITE = types.ToolAnnotations(readOnlyHint=False, destructiveHint=True, openWorldHint=False)

TOOL_SPECS = [
    (ToolName.GET_PODS, "List pods in a namespace", GetPodsInput, _READ),
    (ToolName.POD_LOGS, "Tail the logs of a pod", PodLogsInput, _READ),
    (ToolName.DESCRIBE, "kubectl describe a resource", DescribeInput, _READ),
    (ToolName.SCALE, "Scale a deployment to N replicas", ScaleInput, _WRITE),
    (ToolName.CONTAINERS, "List local docker containers", None, _READ),
    (ToolName.DOCKER_EXEC, "Run a command inside a running container", DockerExecInput, _WRITE),
]


async def main() -> None:
    cluster = ClusterTools(kubeconfig=os.environ.get("KUBECONFIG"))
    server = Server("kube-ops")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        tools = []
        for name, desc, model, ann in TOOL_SPECS:
            schema = model.model_json_schema() if model else {"type": "object", "properties": {}}
            tools.append(types.Tool(name=name.value, description=desc, inputSchema=schema, annotations=ann))
        return tools

    def dispatch(name: str, arguments: dict) -> str:
        tool = ToolName(name)
        if tool is ToolName.GET_PODS:
            a = GetPodsInput(**arguments)
            return cluster.get_pods(a.namespace)
        if tool is ToolName.POD_LOGS:
            a = PodLogsInput(**arguments)
            return cluster.pod_logs(a.pod, a.namespace, a.tail)
        if tool is ToolName.DESCRIBE:
            a = DescribeInput(**arguments)
            return cluster.describe(a.kind, a.name, a.namespace)
        if tool is ToolName.SCALE:
            a = ScaleInput(**arguments)
            return cluster.scale(a.deployment, a.replicas, a.namespace)
        if tool is ToolName.CONTAINERS:
            return docker_containers()
        if tool is ToolName.DOCKER_EXEC:
            a = DockerExecInput(**arguments)
            rc = docker_exec(a.container, a.command)
            return f"exit status {rc}"
        raise ValueError(f"unhandled tool {name}")

    @server.call_tool()
    async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
        try:
            text = await asyncio.to_thread(dispatch, name, arguments or {})
        except Exception as exc:  # surface kubectl errors to the model
            log.exception("tool %s failed", name)
            text = f"error: {exc}"
        return [types.TextContent(type="text", text=text)]

    init = InitializationOptions(
        server_name="kube-ops",
        server_version="0.2.0",
        capabilities=server.get_capabilities(notification_options=NotificationOptions(), experimental_capabilities={}),
    )
    async with stdio_server() as (read, write):
        await server.run(read, write, init)


if __name__ == "__main__":
    asyncio.run(main())
