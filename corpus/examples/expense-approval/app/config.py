from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXPENSES_", env_file=".env")

    model: str = "openai:gpt-4.1"
    stripe_secret_key: str = ""
    export_dir: str = "/srv/finance/payment-reports"
    max_invoice_pages: int = 20


settings = Settings()
