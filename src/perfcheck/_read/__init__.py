"""Reading: documents, files, domain models and report text, each to a ledger."""
