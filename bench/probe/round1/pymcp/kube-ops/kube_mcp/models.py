from enum import Enum

from pydantic import BaseModel, Field


class ToolName(str, Enum):
    GET_PODS = "get_pods"
    POD_LOGS = "pod_logs"
    DESCRIBE = "describe"
    SCALE = "scale_deployment"
    CONTAINERS = "docker_containers"
    DOCKER_EXEC = "docker_exec"


class GetPodsInput(BaseModel):
    namespace: str = "default"


class PodLogsInput(BaseModel):
    pod: str
    namespace: str = "default"
    tail: int = Field(default=200, le=5000)


class DescribeInput(BaseModel):
    kind: str = Field(description="pod, deployment, service, node, ...")
    name: str
    namespace: str = "default"


class ScaleInput(BaseModel):
    deployment: str
    replicas: int = Field(ge=0, le=50)
    namespace: str = "default"


class DockerExecInput(BaseModel):
    container: str
    command: str
