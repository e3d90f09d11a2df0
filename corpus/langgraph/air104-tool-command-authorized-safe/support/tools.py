from langchain_core.tools import create_retriever_tool
from langchain_core.vectorstores import InMemoryVectorStore
from langchain_openai import OpenAIEmbeddings

_kb = InMemoryVectorStore(OpenAIEmbeddings(model="text-embedding-3-small"))

kb_search = create_retriever_tool(
    _kb.as_retriever(search_kwargs={"k": 4}),
    "kb_search",
    "Search help-center articles about account management.",
)

TOOLS = [kb_search]
