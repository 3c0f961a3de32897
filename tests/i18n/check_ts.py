#!/usr/bin/env python3
"""Checks the translations in translations/*.ts.

    check_ts.py SOURCE_DIR                 the committed files: German and French complete (no
                                           unfinished, obsolete or vanished entry), every %1 and
                                           %n of a source in its translation, every accelerator
                                           (&File) kept; English has every plural form
    check_ts.py SOURCE_DIR --current LUPDATE
                                           the files hold every tr() string of ui/ as it is now:
                                           lupdate on copies must find nothing new

Exit 1 with one line per problem (file, context, source) when something is wrong.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

COMPLETE = ("de", "fr")  # every entry translated
PLURAL_ONLY = ("en",)     # the source language: only the plural forms are needed
PLACEHOLDER = re.compile(r"%(?:n|L?[1-9][0-9]?)")
ACCELERATOR = re.compile(r"&(?!&)[^\s&]")


def messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def forms_of(message):
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.findall("numerusform")]
    return [translation.text or ""]


def check_file(path, complete):
    problems = []
    for context, message in messages(path):
        source = message.findtext("source")
        where = f"{path.name}: {context}: {source!r}"
        kind = message.find("translation").get("type")
        if kind in ("obsolete", "vanished"):
            problems.append(f"{where}: {kind} (run update_translations, which drops them)")
            continue
        numerus = message.get("numerus") == "yes"
        if not complete and not numerus:
            continue
        if kind == "unfinished":
            problems.append(f"{where}: unfinished")
            continue
        forms = forms_of(message)
        if numerus and len(forms) < 2:
            problems.append(f"{where}: {len(forms)} plural form(s), the language has 2")
        # A plural source may leave the count out ("%1 lost an upstream"): then the forms may too.
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: an empty translation")
                continue
            missing = [p for p in wanted if p not in PLACEHOLDER.findall(form)]
            if missing:
                problems.append(f"{where}: {form!r} lacks {', '.join(missing)}")
            if ACCELERATOR.search(source) and not ACCELERATOR.search(form):
                problems.append(f"{where}: {form!r} lost the keyboard accelerator (&)")
    return problems


def check_committed(root):
    problems = []
    for language in COMPLETE + PLURAL_ONLY:
        path = root / "translations" / f"flowdeck_{language}.ts"
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        problems += check_file(path, complete=language in COMPLETE)
    return problems


def check_current(root, lupdate):
    """lupdate on copies of the files, with the options ui/CMakeLists.txt gives it."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in COMPLETE + PLURAL_ONLY:
            original = root / "translations" / f"flowdeck_{language}.ts"
            copy = pathlib.Path(tmp) / original.name
            shutil.copy(original, copy)
            subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
                            str(root / "ui"), "-ts", str(copy)], check=True)
            before = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(original)}
            for context, message in messages(copy):
                key = (context, message.findtext("source"), message.findtext("comment"))
                if key not in before:
                    problems.append(f"{original.name}: {context}: {key[1]!r}: new in ui/, not in the file")
            after = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(copy)}
            for context, source, _ in sorted(before - after):
                problems.append(f"{original.name}: {context}: {source!r}: no longer in ui/")
    return problems


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    if len(sys.argv) > 3 and sys.argv[2] == "--current":
        problems = check_current(root, sys.argv[3])
        advice = ("The .ts files are behind ui/: run `ninja -C build update_translations`, translate the "
                  "new entries (translations/README.md), and commit the .ts files.")
    else:
        problems = check_committed(root)
        advice = "Translate or fix these entries (translations/README.md)."
    for p in problems:
        print(p)
    if problems:
        print(f"\n{len(problems)} problem(s). {advice}")
        return 1
    print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
