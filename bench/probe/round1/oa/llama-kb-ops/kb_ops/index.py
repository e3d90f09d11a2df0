import os

from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex, load_index_from_storage
from llama_index.core.tools import QueryEngineTool

DOCS_DIR = os.getenv("KB_DOCS_DIR", "./uploads")
PERSIST_DIR = os.getenv("KB_PERSIST_DIR", "./storage")


def load_index() -> VectorStoreIndex:
    if os.path.isdir(PERSIST_DIR):
        return load_index_from_storage(StorageContext.from_defaults(persist_dir=PERSIST_DIR))
    docs = SimpleDirectoryReader(DOCS_DIR, recursive=True, required_exts=[".md", ".pdf", ".txt"]).load_data()
    index = VectorStoreIndex.from_documents(docs)
    index.storage_context.persist(persist_dir=PERSIST_DIR)
    return index


def runbook_search_tool() -> QueryEngineTool:
    return QueryEngineTool.from_defaults(
        load_index().as_query_engine(similarity_top_k=4),
        name="search_runbooks",
        description="Search uploaded runbooks, postmortems and vendor docs.",
    )
