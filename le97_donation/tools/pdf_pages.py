# Copyright 2026 Fond'action Alusage
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Split one PDF of several fiscal receipts back into one PDF per receipt.

The originals are rendered many receipts per wkhtmltopdf run (issue 14). Each
receipt starts a new page and names its own number (``YYYY-NNNNN``), so a page
that shows the number of the next receipt starts that receipt's part. A split
is only accepted when it is proven: as many parts as receipts, in their order,
each naming its own number and no other receipt's of the batch. Otherwise
:func:`split_by_numbers` returns ``None`` and the caller renders the receipts
one by one.
"""

import functools
import io
import logging
import re
import shutil
import subprocess

from odoo.tools.pdf import PdfReader, PdfWriter

_logger = logging.getLogger(__name__)

# pdftotext (poppler-utils) reads the text of a page in about 3 ms where
# PyPDF2 needs 50 ms; PyPDF2 is the fallback when it is not installed.
PDFTOTEXT_TIMEOUT = 120


def _normalize(text):
    return " ".join((text or "").split())


def _texts_with_pdftotext(content, page_count):
    binary = shutil.which("pdftotext")
    if not binary:
        return None
    try:
        result = subprocess.run(
            [binary, "-enc", "UTF-8", "-", "-"],
            input=content,
            capture_output=True,
            check=True,
            timeout=PDFTOTEXT_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as error:
        _logger.info("pdftotext could not read the receipts' PDF: %s", error)
        return None
    # one form feed after each page
    pages = result.stdout.decode("utf-8", "replace").split("\f")
    if len(pages) != page_count + 1 or pages[-1].strip():
        return None
    return [_normalize(page) for page in pages[:-1]]


def page_texts(content, reader=None):
    """The text of each page of the PDF ``content``, whitespace collapsed."""
    reader = reader or PdfReader(io.BytesIO(content), strict=False)
    page_count = len(reader.pages)
    texts = _texts_with_pdftotext(content, page_count)
    if texts is None:
        texts = [_normalize(page.extract_text()) for page in reader.pages]
    return texts


@functools.cache
def _number_pattern(number):
    return re.compile(rf"(?<![\w-]){re.escape(number)}(?![\w-])")


def names_number(text, number):
    """True if ``text`` shows the receipt number ``number`` as a whole word."""
    return bool(number) and bool(_number_pattern(number).search(text))


def split_by_numbers(content, numbers):
    """One PDF (bytes) per receipt of ``numbers``, in their order, cut from
    the PDF ``content`` where they were printed one after the other; ``None``
    when the cut cannot be proven (see the module's docstring)."""
    reader = PdfReader(io.BytesIO(content), strict=False)
    texts = page_texts(content, reader)
    parts = []  # [[page index, ...], ...], one list per receipt
    for index, text in enumerate(texts):
        following = len(parts)
        if following < len(numbers) and names_number(text, numbers[following]):
            parts.append([index])
        elif parts:
            parts[-1].append(index)
        else:
            return None  # the first page is not the first receipt's
    if len(parts) != len(numbers):
        return None
    for position, pages in enumerate(parts):
        text = " ".join(texts[index] for index in pages)
        if not names_number(text, numbers[position]):
            return None
        others = numbers[:position] + numbers[position + 1 :]
        if any(names_number(text, other) for other in others):
            return None
    documents = []
    for pages in parts:
        writer = PdfWriter()
        for index in pages:
            writer.add_page(reader.pages[index])
        output = io.BytesIO()
        writer.write(output)
        documents.append(output.getvalue())
    return documents


@functools.cache
def prints_several_documents(binary):
    """True if the wkhtmltopdf at ``binary`` is built with the patched Qt,
    the only build that prints several HTML documents into one PDF (and
    headers and footers); Debian's build takes one document only."""
    try:
        result = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "patched qt" in (result.stdout or "").lower()
