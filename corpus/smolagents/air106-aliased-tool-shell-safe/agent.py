from smolagents import ToolCallingAgent, InferenceClientModel

from netkit import ping_host as check_reachability

agent = ToolCallingAgent(tools=[check_reachability], model=InferenceClientModel())
