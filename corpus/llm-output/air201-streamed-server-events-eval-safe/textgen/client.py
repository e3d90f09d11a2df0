# case: the same streaming client; each event's payload is parsed as JSON, which builds data
# and runs nothing.
import json

import requests
import sseclient


class TextGenClient:
    def __init__(self, base_url: str = "http://localhost:8080"):
        self.base_url = base_url

    def stream_complete(self, prompt: str):
        resp = requests.post(f"{self.base_url}/generate_stream", json={"prompt": prompt}, stream=True)
        events = sseclient.SSEClient(resp).events()

        def chunks():
            text = ""
            for event in events:
                payload = json.loads(event.data)
                text += payload["token"]["text"]
                yield text

        return chunks()

    def complete(self, prompt: str) -> str:
        resp = requests.post(f"{self.base_url}/generate", json={"prompt": prompt})
        return json.loads(resp.text)["generated_text"]
