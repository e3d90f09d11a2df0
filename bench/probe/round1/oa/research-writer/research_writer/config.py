from pydantic_settings import BaseSettings, SettingsConfigDict


class Config(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RW_", env_file=".env")

    model: str = "gpt-4.1"
    reports_dir: str = "reports"
    smtp_host: str = "smtp.example.com"
    smtp_port: int = 587
    smtp_user: str = "research-bot@example.com"
    smtp_password: str = ""
    cms_url: str = "https://cms.example.com"
    cms_token: str = ""


cfg = Config()
