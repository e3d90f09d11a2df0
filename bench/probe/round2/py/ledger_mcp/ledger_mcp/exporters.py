import csv

FIELDS = ["id", "posted_on", "payee", "memo", "amount_cents", "category", "void"]


def write_csv(rows, destination):
    """Write ledger rows to `destination`. Returns the number of rows written."""
    with open(destination, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return len(rows)
