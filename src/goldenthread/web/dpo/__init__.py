"""The data protection officer's pages: find a child by name, date of birth or NHS number, read
every look at their record, and answer a subject access request in words a family can read."""
