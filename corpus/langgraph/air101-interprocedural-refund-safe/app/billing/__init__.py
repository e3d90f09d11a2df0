from .service import BillingService

__all__ = ["BillingService"]
