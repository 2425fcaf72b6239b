# Le 97: the official Odoo 18.0 image with the OCA donation addons.
FROM odoo:18.0

USER root
COPY requirements.txt /tmp/le97-requirements.txt
# The OCA wheels require an "odoo" distribution the image does not register:
# --no-deps installs them without it (their other needs are already in Odoo).
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/le97-requirements.txt \
    && rm /tmp/le97-requirements.txt
# pdftotext reads back the pages of a batch of fiscal receipts to cut it per
# receipt (le97_donation works without it, with PyPDF2, about 15 times slower).
RUN apt-get update \
    && apt-get install -y --no-install-recommends poppler-utils \
    && rm -rf /var/lib/apt/lists/*
USER odoo
