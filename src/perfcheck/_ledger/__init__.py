"""The ledger document: figures as printed, the relations between them, and its JSON form."""
