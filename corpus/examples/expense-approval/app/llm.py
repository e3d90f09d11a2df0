from functools import lru_cache

from langchain.chat_models import init_chat_model

from app.config import settings


@lru_cache(maxsize=1)
def get_model():
    return init_chat_model(settings.model, temperature=0)
