#!/usr/bin/env python3
"""Regenerates the topic fixtures from topics.tsv (the hand-written source of truth).

topics.tsv: header "Label<TAB>Text", 400 sentences (100 each of sports, cooking, weather, computers),
no quoting (a '"' is an ordinary character in TSV). The CSV, JSON and JSON-lines versions hold the same
examples in the same order, except that the sentence NEWLINE_SENTENCE has a line break after its comma
(TSV cannot hold a line break; the tokens are the same). Run from this folder: python3 generate.py
"""
import csv
import json

NEWLINE_SENTENCE = "Bring an umbrella, there will be showers this afternoon."

rows = []
with open("topics.tsv", encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    assert header == ["Label", "Text"], header
    for line in f:
        label, text = line.rstrip("\n").split("\t")
        if text == NEWLINE_SENTENCE:
            text = text.replace(", ", ",\n")
        rows.append({"Label": label, "Text": text})

with open("topics.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["Label", "Text"])
    for r in rows:
        w.writerow([r["Label"], r["Text"]])

with open("topics.json", "w", encoding="utf-8", newline="\n") as f:
    f.write("[\n")
    f.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows))
    f.write("\n]\n")

with open("topics.jsonl", "w", encoding="utf-8", newline="\n") as f:
    for r in rows:
        f.write(json.dumps({"Text": r["Text"], "Label": r["Label"]}, ensure_ascii=False) + "\n")
