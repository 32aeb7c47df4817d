#!/usr/bin/python3
"""The script a user might write instead of the extension: the same analysis inserted from
Python over a UNO connection, paragraph by paragraph through the text API.

Run by aa-bench (comparison (b) in docs/performance.md) with Debian's /usr/bin/python3 and
python3-uno, against the soffice aa-bench already runs:

    python_insert.py --connect 'uno:pipe,name=...;urp;StarOffice.ComponentContext' \
                     --analysis analysis.json [--runs 1]

For every run it opens a new hidden Writer document and, inside one undo context and with the
controllers locked, inserts for each issue a heading and 4 paragraphs of text with their
paragraph styles (the issue's three parts of ~60 words, and a fourth with who identified it,
what needs to happen and the sign of success), then an (N+1)-row, 7-column plan table (a header
row, a row per plan row: issue titles, outcome and action filled in, as the extension fills
them). The analysis is schema 2 JSON (schema 1's "whatWouldHelp" and list plan are read too). Only the insertion is timed, not connecting or opening and closing the document. Prints
one JSON line per run: {"seconds": ...}.
"""

import argparse
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

PLAN_COLUMNS = ["issues", "outcome", "action", "who", "priority", "byWhen", "progress"]
PLAN_HEADERS = ["Issue", "What will be different for the child", "What needs to happen", "Who", "Priority",
                "By when", "Progress"]


def connect(url):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    ctx = resolver.resolve(url)
    return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def new_hidden_document(desktop):
    hidden = PropertyValue()
    hidden.Name = "Hidden"
    hidden.Value = True
    return desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (hidden,))


def insert(doc, analysis):
    issues = analysis["issues"]
    titles = {issue["id"]: issue["title"] for issue in issues}
    help_of = {}
    for item in analysis.get("whatNeedsToHappen", analysis.get("whatWouldHelp", [])):
        for issue_id in item.get("issues", []):
            help_of.setdefault(issue_id, item["text"])
    sign_of = {}
    for item in analysis.get("successSigns", []):
        for issue_id in item.get("issues", []):
            sign_of.setdefault(issue_id, item["text"])

    undo = doc.getUndoManager()
    undo.enterUndoContext("Insert analysis")
    doc.lockControllers()
    try:
        text = doc.getText()
        cursor = text.createTextCursor()
        cursor.gotoEnd(False)

        def paragraph(content, style):
            cursor.setPropertyValue("ParaStyleName", style)
            text.insertString(cursor, content, False)
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)

        for issue in issues:
            paragraph(issue["title"], "Heading 3")
            paragraph(issue.get("origins", ""), "Text body")
            paragraph(issue.get("maintainingFactors", ""), "Text body")
            paragraph(issue.get("impactOnChild", ""), "Text body")
            paragraph("Identified by: " + ", ".join(issue.get("raisedBy", [])) + ". What needs to happen: "
                      + help_of.get(issue["id"], "") + " Signs of success: "
                      + sign_of.get(issue["id"], ""), "Text body")

        plan = analysis.get("plan", [])
        if isinstance(plan, dict):
            plan = plan.get("rows", [])
        table = doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(len(plan) + 1, len(PLAN_COLUMNS))
        text.insertTextContent(cursor, table, False)
        for column, header in enumerate(PLAN_HEADERS):
            table.getCellByPosition(column, 0).setString(header)
        for row, plan_row in enumerate(plan, start=1):
            for column, key in enumerate(PLAN_COLUMNS):
                value = plan_row.get(key, plan_row.get("issue", "") if key == "issues" else "")
                if key == "issues":
                    ids = value if isinstance(value, list) else [value]
                    value = ", ".join(titles.get(i, i) for i in ids if i)
                if value:
                    table.getCellByPosition(column, row).setString(value)
    finally:
        doc.unlockControllers()
        undo.leaveUndoContext()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connect", required=True, help="UNO URL of the running soffice")
    parser.add_argument("--analysis", required=True, help="analysis JSON (schema 2, with its plan)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with open(args.analysis, encoding="utf-8") as f:
        analysis = json.load(f)
    desktop = connect(args.connect)
    for _ in range(args.runs):
        doc = new_hidden_document(desktop)
        try:
            start = time.perf_counter()
            insert(doc, analysis)
            seconds = time.perf_counter() - start
        finally:
            doc.close(True)
        print(json.dumps({"seconds": seconds}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
