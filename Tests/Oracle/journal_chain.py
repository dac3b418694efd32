"""An independent implementation of the journal's hash chain, for the tamper tests.

Reads a ledger with Python's sqlite3 module and prints, for every journal entry in order, the SQL
that sets its hash to SHA-256(previous hash || kind || NUL || canonical content), where the
canonical content is each field as "<byte length>:<UTF-8 bytes>" (floats in their shortest
round-trip form) and "-" for NULL, in the order Journal.swift documents. The last line's hash is
the head that 'foretell verify --anchor' prints; fed to the sqlite3 shell, the output re-chains a
ledger whose rows were edited, which is what someone rewriting history would do.

usage: python3 journal_chain.py LEDGER
"""
import hashlib, sqlite3, sys

db = sqlite3.connect(sys.argv[1])

def field(value):
    if value is None:
        return b"-"
    text = repr(value) if isinstance(value, float) else str(value)
    data = text.encode()
    return str(len(data)).encode() + b":" + data

def content(kind, entity, document):
    if kind == "question":
        row = db.execute("SELECT id, claim, deadline, earliest, opened_at_ms, external_ref, recorded_at FROM questions WHERE id = ?", (entity,)).fetchone()
        tags = sorted(tag for (tag,) in db.execute("SELECT tag FROM question_tags WHERE question_id = ?", (entity,)))
        values = list(row) + tags
    elif kind == "forecast":
        values = db.execute("""SELECT f.id, f.question_id, o.name, f.probability, f.probability_low, f.probability_high, f.basis,
                                      f.made_on, f.made_at_ms, f.note, f.external_ref, f.recorded_at
                               FROM forecasts f JOIN owners o ON o.id = f.owner_id WHERE f.id = ?""", (entity,)).fetchone()
    elif kind == "resolution":
        values = db.execute("SELECT id, question_id, outcome, resolved_on, resolved_at_ms, note, recorded_at FROM resolutions WHERE id = ?", (entity,)).fetchone()
    else:
        values = db.execute("""SELECT s.forecast_id, d.path, d.sha256, s.quote, s.line FROM forecast_sources s
                               JOIN documents d ON d.id = s.document_id WHERE s.forecast_id = ? AND s.document_id = ?""", (entity, document)).fetchone()
    return b"".join(field(v) for v in values)

previous = bytes(32)
for seq, kind, entity, document in db.execute("SELECT seq, kind, entity_id, document_id FROM journal ORDER BY seq").fetchall():
    previous = hashlib.sha256(previous + kind.encode() + b"\0" + content(kind, entity, document)).digest()
    print(f"UPDATE journal SET hash = X'{previous.hex()}' WHERE seq = {seq};")
