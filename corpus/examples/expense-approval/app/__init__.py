"""Expense approval service: invoice intake, accounts-payable review and vendor payment."""
