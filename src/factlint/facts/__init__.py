"""facts.yaml: the model, the loader and the published JSON Schema.

The loader (and YAML with it) is imported on first use: a run served from the facts cache, or a
module that only needs the model, does not pay for it.
"""

from .model import Claim, Event, FactDate, Facts, Person, Quote, Source

_LOADER = ("json_schema", "load_facts", "parse_facts")


def __getattr__(name: str):
    if name in _LOADER:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Claim", "Event", "FactDate", "Facts", "Person", "Quote", "Source", "json_schema", "load_facts", "parse_facts"]
