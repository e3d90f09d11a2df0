"""Argument types shared by the catalog tools."""
from typing import Literal

Region = Literal["eu-west", "us-east"]
