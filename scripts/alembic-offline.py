"""Alembic's own offline rendering of every revision of a project, for
scripts/corpus-alembic-offline.ts. Runs in a throwaway virtualenv, never in
the product. For each revision it runs upgrade() under a MigrationContext in
as_sql mode (what `alembic upgrade <down>:<rev> --sql` does, minus the
version table and BEGIN/COMMIT), and prints one JSON document: the order
`alembic upgrade heads` applies, and per revision its SQL or the error.

usage: python alembic-offline.py <script_location> --out <json> [--path <dir>] [--stub <module>] [--metadata module:attr]
"""
import ast
import importlib
import io
import re
import json
import sys
import traceback
import types

from alembic.config import Config
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


class Stub(types.ModuleType):
    """A module the project imports that is not installed here: any attribute is
    a permissive object, so the revision can still be loaded; revisions that
    really use it render wrongly and show up as differences."""

    def __getattr__(self, name):
        if name in ("__version__", "__build_date__", "__git_commit__"):
            return "0"
        if name == "__dirty__":
            return False
        if name.startswith("__"):
            raise AttributeError(name)
        value = type(name, (object,), {"__init__": lambda self, *a, **k: None, "__call__": lambda self, *a, **k: None})
        setattr(self, name, value)
        return value


class StubFinder:
    def __init__(self, prefixes):
        self.prefixes = prefixes
        self.stubbed = set()

    def find_spec(self, name, path=None, target=None):
        # Last on sys.meta_path: only modules no installed finder provides.
        if not any(name == p or name.startswith(p + ".") for p in self.prefixes):
            return None
        import importlib.machinery

        self.stubbed.add(name)
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        module = Stub(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def tolerant_loader(original):
    """A revision whose imports fail here still has its place in the graph
    (identifiers read from its text); its upgrade() reports the failure."""

    def load(module_id, path):
        try:
            return original(module_id, path)
        except BaseException as error:
            text = open(path, encoding="utf-8").read()
            module = types.ModuleType(module_id)
            namespace = {}
            for name in ("revision", "down_revision", "branch_labels", "depends_on"):
                match = re.search(rf"^{name}\s*(?::[^=]*)?=\s*(.+)$", text, re.M)
                namespace[name] = ast.literal_eval(match.group(1).strip()) if match else None
            message = f"import failed: {type(error).__name__}: {error}"

            def upgrade():
                raise RuntimeError(message)

            module.__dict__.update(namespace, upgrade=upgrade, downgrade=upgrade)
            return module

    return load


def main():
    args = sys.argv[1:]
    location = args[0]
    metadata = None
    stubs = []
    out = None
    version_locations = None
    i = 1
    while i < len(args):
        if args[i] == "--metadata":
            metadata = args[i + 1]
            i += 2
        elif args[i] == "--stub":
            stubs.append(args[i + 1])
            i += 2
        elif args[i] == "--versions":
            version_locations = args[i + 1]
            i += 2
        elif args[i] == "--out":
            out = args[i + 1]
            i += 2
        elif args[i] == "--path":
            sys.path.insert(0, args[i + 1])
            i += 2
        else:
            i += 1
    import alembic.util.pyfiles as pyfiles

    pyfiles.load_module_py = tolerant_loader(pyfiles.load_module_py)
    finder = StubFinder(stubs)
    sys.meta_path.append(finder)
    config = Config()
    config.set_main_option("script_location", location)
    if version_locations:
        config.set_main_option("version_locations", version_locations)
    script = ScriptDirectory.from_config(config)
    target_metadata = None
    if metadata:
        module, attr = metadata.split(":")
        try:
            target_metadata = getattr(importlib.import_module(module), attr)
        except Exception:
            print(traceback.format_exc(), file=sys.stderr)
    order = []
    errors = {}
    try:
        for step in script._upgrade_revs("heads", "base"):
            order.append(step.revision.revision)
    except Exception as error:
        errors["order"] = repr(error)
    revisions = {}
    buffer = io.StringIO()
    opts = {"as_sql": True, "output_buffer": buffer, "literal_binds": True}
    if target_metadata is not None:
        opts["target_metadata"] = target_metadata
    for rev in script.walk_revisions("base", "heads"):
        buffer.seek(0)
        buffer.truncate(0)
        # A fresh context per revision, as `alembic upgrade <down>:<rev> --sql` has
        # (SQLAlchemy's once-per-run memo of created enum types lives in it), and the
        # paramstyle of the offline env.py template, so `%` is not doubled.
        context = MigrationContext.configure(
            dialect_name="postgresql", opts=opts, dialect_opts={"paramstyle": "named"}
        )
        with Operations.context(context):
            entry = {"path": rev.path}
            try:
                rev.module.upgrade()
                entry["sql"] = buffer.getvalue()
            except BaseException as error:  # a revision that cannot render offline
                entry["error"] = f"{type(error).__name__}: {error}"[:300]
                entry["sql"] = buffer.getvalue()
        revisions[rev.revision] = entry
    document = {"order": order, "revisions": revisions, "errors": errors, "stubbed": sorted(finder.stubbed)}
    # The project's own logging may write to stdout: the document goes to a file.
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(document, handle)


main()
