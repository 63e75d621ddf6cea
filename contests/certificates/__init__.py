"""Certificates: the document, batches of PDFs and the public verification."""
