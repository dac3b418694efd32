#!/usr/bin/env python3
"""Inputs for the extraction benchmark and the equivalence check, written into one folder.

- seeds-{1,5,20}mb.txt: the seeds repeated to 1, 5 and 20 MB as one document;
  seeds-{1,5,20}mb-docs/: the same text as many documents (each seed a file);
- one-line.txt: 2.5 MB on one line without sentence ends;
- mixed-lines.txt: every line of the seeds and the held-out documents, shuffled, to about 1 MB;
- mixed-docs/: documents made of runs of lines from random documents, some of them edited
  character by character (punctuation, digits, percent signs, case), so that speakers, questions,
  dates and degrees meet in combinations no hand-written document has.
All of it is generated from a fixed seed: the same files on every run and every machine.
Usage: bench/extract-corpora.py OUTPUT_FOLDER [SIZES_MB...]   (default sizes: 1 5 20)
"""
import glob
import os
import random
import shutil
import sys

work = sys.argv[1]
sizes = [int(s) for s in sys.argv[2:]] or [1, 5, 20]
os.makedirs(work, exist_ok=True)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


seeds = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("seeds/*.txt"))]
text = "".join(seeds)
for mb in sizes:
    n = mb * 1_048_576 // len(text.encode()) + 1
    write(f"{work}/seeds-{mb}mb.txt", text * n)
    folder = f"{work}/seeds-{mb}mb-docs"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(n):
        for j, seed in enumerate(seeds):
            write(f"{folder}/{i:05d}-{j}.txt", seed)
write(f"{work}/one-line.txt", "word and word: " * 180_000)

held_out = sorted(glob.glob("Tests/ForetellKitTests/HeldOut/*.txt") + glob.glob("Tests/ForetellKitTests/HeldOut/*.md"))
documents = seeds + [open(p, encoding="utf-8").read() for p in held_out]
lines = [line for doc in documents for line in doc.split("\n")]
rng = random.Random(2026)

shuffled = []
size = 0
while size < 1_048_576:
    line = lines[int(rng.random() * len(lines))]
    shuffled.append(line)
    size += len(line.encode()) + 1
write(f"{work}/mixed-lines.txt", "\n".join(shuffled) + "\n")

edits = ["?", ":", ".", "\"", "“", "”", "%", "50%", " 2027", " by 2030", " will", " I think", " probably",
         "\n", "\n\n", " -- ", "Q:", "A:", " not", "'", "’", "—", " 3-5 years", " next year", "(", ")"]


def edit(line):
    chars = list(line)
    for _ in range(1 + int(rng.random() * 4)):
        if not chars:
            break
        at = int(rng.random() * len(chars))
        kind = rng.random()
        if kind < 0.3:
            del chars[at]
        elif kind < 0.5:
            chars[at] = chars[at].swapcase()
        else:
            chars.insert(at, edits[int(rng.random() * len(edits))])
    return "".join(chars)


folder = f"{work}/mixed-docs"
shutil.rmtree(folder, ignore_errors=True)
os.makedirs(folder)
for i in range(60):
    parts = []
    for _ in range(3 + int(rng.random() * 8)):
        doc = documents[int(rng.random() * len(documents))].split("\n")
        start = int(rng.random() * len(doc))
        run = doc[start:start + 1 + int(rng.random() * 30)]
        if rng.random() < 0.5:
            run = [edit(line) if rng.random() < 0.3 else line for line in run]
        parts.extend(run)
    write(f"{folder}/{i:03d}.{'md' if i % 3 == 0 else 'txt'}", "\n".join(parts) + "\n")
