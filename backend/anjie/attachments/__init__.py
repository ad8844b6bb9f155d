"""Attachments (附件): files on a case, hearing, relief application or check-in."""
