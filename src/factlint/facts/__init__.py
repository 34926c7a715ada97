"""facts.yaml: the model, the loader and the published JSON Schema."""

from .loader import json_schema, load_facts, parse_facts
from .model import Claim, Event, FactDate, Facts, Person, Quote, Source

__all__ = ["Claim", "Event", "FactDate", "Facts", "Person", "Quote", "Source", "json_schema", "load_facts", "parse_facts"]
