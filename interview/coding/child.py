"""The harness that runs in the child process (`python -I child.py`): stdlib only, never imported by the app.

It reads one job (JSON) from stdin, lowers its own limits, installs an audit hook that refuses
processes, sockets and files outside its temporary folder, then runs each case and writes one JSON
line per case to the results file. Expected values never reach this process: the parent compares,
so nothing the candidate's code does here can change what counts as correct.
"""

import io
import json
import linecache
import os
import signal
import sys
import time
import traceback

SOLUTION_FILE = "solution.py"
RESULTS_FILE = ".results.jsonl"
MAX_RESULT_CHARS = 200_000


class CaseTimeout(BaseException):
    """Raised into the candidate's code when a case's time is up.

    A BaseException, so the candidate's `except Exception` cannot swallow it."""


class CappedOutput(io.TextIOBase):
    """stdout/stderr for the candidate: keeps the first `limit` characters and counts the rest."""

    def __init__(self, limit):
        self.limit, self.parts, self.size, self.dropped = limit, [], 0, 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = self.limit - self.size
        if room > 0:
            self.parts.append(text[:room])
            self.size += min(room, len(text))
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def take(self):
        text = "".join(self.parts)
        if self.dropped:
            text += f"\n... {self.dropped} more characters of output cut"
        self.parts, self.size, self.dropped = [], 0, 0
        return text


def set_limits(job):
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    cpu = int(job["cpu_seconds"])
    wanted = [(resource.RLIMIT_CPU, cpu, cpu + 1), (resource.RLIMIT_FSIZE, job["file_bytes"], job["file_bytes"])]
    memory = job["memory_bytes"]
    for name in ("RLIMIT_AS", "RLIMIT_DATA"):  # macOS does not enforce RLIMIT_AS; RLIMIT_DATA is the nearest
        if hasattr(resource, name):
            wanted.append((getattr(resource, name), memory, memory))
    if hasattr(resource, "RLIMIT_NPROC"):  # no new processes (ignored for root; the audit hook covers that)
        wanted.append((resource.RLIMIT_NPROC, 0, 0))
    wanted.append((resource.RLIMIT_CORE, 0, 0))
    for limit, soft, hard in wanted:
        try:
            resource.setrlimit(limit, (soft, hard))
        except (ValueError, OSError):
            pass  # a platform that refuses one limit still gets the others
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails instead of killing the run


BLOCKED_EVENTS = (
    "os.system", "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.exec", "os.kill", "os.killpg",
    "subprocess.Popen", "pty.spawn", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "ctypes.dlopen", "ctypes.dlsym", "ctypes.call_function",
    "ctypes.cdata", "sys.addaudithook", "os.chdir", "os.link", "os.symlink", "os.chmod", "os.chown",
    "shutil.rmtree", "webbrowser.open", "sqlite3.enable_load_extension", "sqlite3.load_extension",
    "resource.setrlimit", "resource.prlimit",
    "signal.pthread_kill",
)  # fmt: skip


def install_guard(workdir):
    """Python-level refusals: not a security boundary against hostile code, a guard against accidents."""
    # the interpreter's own files (standard library, site-packages: numpy when installed); not the
    # folders a .pth file adds, which for an editable install would be the app's packs and their answers
    readable = tuple(
        {os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    )
    home = os.path.realpath(workdir) + os.sep
    blocked = frozenset(BLOCKED_EVENTS)
    armed = [False]

    def guard(event, args):
        if not armed[0]:
            return
        if event in blocked:
            raise PermissionError(f"not allowed in an exercise: {event}")
        if event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            if not isinstance(path, (str, bytes)):
                return
            real = os.path.realpath(os.fsdecode(path))
            writing = bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC)) or (
                mode and any(c in mode for c in "wax+")
            )
            inside = (real + os.sep).startswith(home)
            if inside or (not writing and (real + os.sep).startswith(readable) or real == os.devnull):
                return
            raise PermissionError(f"not allowed in an exercise: opening {os.fsdecode(path)!r} outside its folder")
        if event in ("os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate"):
            path = args[0] if args else None
            if isinstance(path, (str, bytes)) and not (os.path.realpath(os.fsdecode(path)) + os.sep).startswith(home):
                raise PermissionError(f"not allowed in an exercise: {event} outside its folder")

    sys.addaudithook(guard)
    return armed


def plain(value, depth=0):
    """The candidate's value as JSON data, or raise TypeError saying what cannot be compared."""
    if depth > 64:
        raise TypeError("the result nests too deeply to compare")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item, depth + 1) for item in value), key=repr)
    if isinstance(value, dict):
        return {str(key): plain(item, depth + 1) for key, item in value.items()}
    tolist = getattr(type(value), "tolist", None)  # numpy arrays and scalars
    if tolist is not None and type(value).__module__.split(".")[0] == "numpy":
        return plain(tolist(value), depth + 1)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    raise TypeError(f"returned a {type(value).__name__}; return numbers, text, lists, tuples or dicts")


def failure(error, source_lines):
    """The exception in a line, and the candidate's own line where it happened (deepest frame of theirs)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == SOLUTION_FILE]
    if isinstance(error, SyntaxError) and error.filename == SOLUTION_FILE:
        number = error.lineno or 0
        message = f"SyntaxError: {error.msg}"
    else:
        number = frames[-1].lineno if frames else 0
        try:  # the candidate's own exception class may fail to print itself
            message = "".join(traceback.format_exception_only(type(error), error)).strip().splitlines()[-1]
        except BaseException:  # noqa: BLE001
            message = type(error).__name__
    text = source_lines[number - 1].strip() if 0 < number <= len(source_lines) else ""
    return {"message": message[:500], "line": number, "line_text": text[:200]}


def on_alarm(signum, frame):
    raise CaseTimeout()


def run_python(job, code_object, namespace, emit, output, source_lines):
    function = namespace.get(job["function"])
    if not callable(function):
        problem = {"message": f"no function named {job['function']!r}: define it at the top level", "line": 0}
        for case in job["cases"]:
            emit({"case": case["index"], "status": "error", **problem, "line_text": ""})
        return
    for case in job["cases"]:
        args, kwargs = json.loads(case["args"]), json.loads(case["kwargs"])  # fresh per case: mutation cannot leak
        started = time.perf_counter()
        result = {"case": case["index"]}
        signal.setitimer(signal.ITIMER_REAL, job["case_seconds"])
        try:
            try:
                value = function(*args, **kwargs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            result.update(status="ran", got=plain(value))
        except CaseTimeout:
            result.update(status="timeout", message=f"took longer than {job['case_seconds']:g} s")
        except RecursionError as error:
            result.update(status="error", **failure(error, source_lines))
        except BaseException as error:  # noqa: BLE001 - SystemExit and KeyboardInterrupt are the candidate's too
            result.update(status="error", **failure(error, source_lines))
        result["seconds"] = time.perf_counter() - started
        result["output"] = output.take()
        emit(result)


def run_sql(job, emit):
    import sqlite3

    query = job["source"]
    for case in job["cases"]:
        started = time.perf_counter()
        result = {"case": case["index"]}
        deadline = time.monotonic() + job["case_seconds"]
        db = sqlite3.connect(":memory:")
        try:

            def authorize(action, *rest):
                return (
                    sqlite3.SQLITE_DENY
                    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH)
                    else sqlite3.SQLITE_OK
                )

            rows = json.loads(case["rows"])
            for table, columns in job["schema"]:
                names = ", ".join(f'"{name}" {kind}'.strip() for name, kind in columns)
                db.execute(f'CREATE TABLE "{table}" ({names})')
                marks = ", ".join("?" for _ in columns)
                db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows.get(table, []))
            db.set_authorizer(authorize)
            db.set_progress_handler(lambda end=deadline: 1 if time.monotonic() > end else 0, 10_000)
            cursor = db.execute(query)
            got = cursor.fetchmany(job["max_rows"] + 1)
            if len(got) > job["max_rows"]:
                raise ValueError(f"the query returned more than {job['max_rows']} rows")
            result.update(status="ran", got=plain(got))
        except sqlite3.OperationalError as error:
            if str(error) == "interrupted":
                result.update(status="timeout", message=f"took longer than {job['case_seconds']:g} s")
            else:
                result.update(status="error", message=f"SQL error: {error}"[:500], line=0, line_text="")
        except BaseException as error:  # noqa: BLE001
            result.update(status="error", message=f"{type(error).__name__}: {error}"[:500], line=0, line_text="")
        finally:
            db.close()
        result["seconds"] = time.perf_counter() - started
        result["output"] = ""
        emit(result)


def main():
    job = json.loads(sys.stdin.read())
    workdir = os.getcwd()
    results = open(os.path.join(workdir, RESULTS_FILE), "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):  # the candidate's raw writes go nowhere; print() is captured per case
        os.dup2(devnull, fd)
    set_limits(job)
    output = CappedOutput(job["output_chars"])
    sys.stdout = sys.stderr = output
    sys.stdin = io.StringIO("")
    signal.signal(signal.SIGALRM, on_alarm)
    sys.setrecursionlimit(job.get("recursion_limit", 3000))
    armed = install_guard(workdir)

    def emit(record):
        line = json.dumps(record, default=repr)
        if len(line) > MAX_RESULT_CHARS:
            record = {**record, "status": "error", "got": None, "line": 0, "line_text": ""}
            record["message"] = f"the result is larger than {MAX_RESULT_CHARS // 1000} KB of JSON"
            line = json.dumps(record, default=repr)
        results.write(line + "\n")
        results.flush()

    if job["language"] == "sql":
        armed[0] = True
        run_sql(job, emit)
        return
    source = job["source"]
    source_lines = source.splitlines()
    linecache.cache[SOLUTION_FILE] = (len(source), None, source.splitlines(True), SOLUTION_FILE)
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    if "numpy" in source:  # numpy loads C libraries through ctypes, which the guard refuses once armed
        try:
            import numpy  # noqa: F401
        except ImportError:
            pass  # not installed: the candidate's import fails with the usual message
    try:
        code_object = compile(source, SOLUTION_FILE, "exec")
        armed[0] = True
        signal.setitimer(signal.ITIMER_REAL, job["case_seconds"])
        try:
            exec(code_object, namespace)  # noqa: S102 - running the candidate's code is this process's job
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except BaseException as error:  # noqa: BLE001 - a broken module fails every case the same way
        problem = failure(error, source_lines)
        status = "error"
        if isinstance(error, CaseTimeout):
            status, problem = "timeout", {"message": "the code's top level took too long to run", "line": 0}
        for case in job["cases"]:
            emit({"case": case["index"], "status": status, "line_text": "", **problem, "output": output.take()})
        return
    run_python(job, code_object, namespace, emit, output, source_lines)


if __name__ == "__main__":
    main()
    sys.stdout = sys.__stdout__
    os._exit(0)  # no interpreter teardown: the candidate's atexit handlers and finalizers do not run
