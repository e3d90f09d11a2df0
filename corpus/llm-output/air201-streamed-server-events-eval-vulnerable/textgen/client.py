# case: an LLM client library for a self-hosted text-generation server. `stream_complete` posts
# the prompt, wraps the streamed response in an SSE reader and returns a generator defined in
# the method; the generator turns each event's payload back into a dict with `eval`, so whoever
# answers at the configured URL (or sits on the path to it) runs code in the caller.
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
                payload = eval(event.data)  # expect: AIR201
                text += payload["token"]["text"]
                yield text

        return chunks()

    def complete(self, prompt: str) -> str:
        resp = requests.post(f"{self.base_url}/generate", json={"prompt": prompt})
        return json.loads(resp.text)["generated_text"]
