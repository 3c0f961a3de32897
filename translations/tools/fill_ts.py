#!/usr/bin/env python3
"""Fills the unfinished entries of a .ts file from a table of translations (a helper for
translating many strings at once; Qt Linguist does the same one string at a time).

    fill_ts.py FILE.ts TABLE.py

TABLE.py defines TRANSLATIONS, a dict from a source text, or "context|source" where one
context needs its own wording, to the translation: a string, or for a %n source a list of its
plural forms in the order Qt uses for the language (German and French: singular, plural).
Entries already finished are left alone; what the table lacks is listed and stays unfinished.
Run `ninja -C build update_translations` afterwards: lupdate writes the file back in its own form.
"""
import runpy
import sys
import xml.etree.ElementTree as ET


def main():
    ts_path, table_path = sys.argv[1], sys.argv[2]
    table = runpy.run_path(table_path)["TRANSLATIONS"]
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            text = table.get(f"{name}|{source}", table.get(source))
            if text is None:
                missing.append(f"{name}|{source}")
                continue
            del translation.attrib["type"]
            if message.get("numerus") == "yes":
                forms = text if isinstance(text, list) else [text]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    with open(ts_path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding="unicode"))
        out.write("\n")
    for m in missing:
        print("not in the table:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
