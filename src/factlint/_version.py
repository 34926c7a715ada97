"""The version of factlint and where it lives (one place; pyproject.toml, the package and the
reports read it). The release process bumps `__version__` here and tags the commit `v<version>`
(see CHANGELOG.md)."""

__version__ = "0.1.0"

# The repository's public address, once it has one (`git remote -v` in the repository shows none
# yet). When set, SARIF links each rule (`helpUri`) to docs/rules/CODE.md there at the tag of this
# version; until then the rules' help travels inside the SARIF itself (`help`).
REPOSITORY: str | None = None


def rule_doc_url(code: str, repository: str | None = None) -> str | None:
    """The address of a rule's page in the repository (None while it has no public address)."""
    base = repository if repository is not None else REPOSITORY
    return f"{base.rstrip('/')}/blob/v{__version__}/docs/rules/{code}.md" if base else None
