from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAILBOT_", env_file=".env")

    llm: str = "anthropic:claude-sonnet-4-5"
    imap_host: str = "imap.fastmail.com"
    smtp_host: str = "smtp.fastmail.com"
    mailbox_user: str = "support@example.com"
    mailbox_password: str = ""
    slack_webhook_url: str = ""
    stripe_api_key: str = ""
    checkpoint_db: str = "mailbot-checkpoints.sqlite"


settings = Settings()
