// Analyses of many shapes for the reader and update tests: the sample, a small one whose every
// schema-2 part is used, the skeleton, and variants with empty answers, no adults, musts only...
#pragma once

#include "Json.hpp"
#include "Plan.hpp"
#include "TestSupport.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace aa::test
{

/// Three issues (one with an explanation, one whose parts are empty), two adults (one of them
/// without answers), items tied to issues, adults and items, a must with and one without its
/// consequence, the topics of every section, and the derived plan.
inline Analysis base()
{
    return aa::withPlan(aa::parseAnalysis(R"({"schema":2,
      "safety":"s1\ns2",
      "childExperience":"ce1",
      "issues":[
        {"id":"a","title":"Issue A","raisedBy":["practitioner"],"raisedByAdults":["mum"],
         "origins":"o1\no2\no3","maintainingFactors":"m1","impactOnChild":"i1\ni2","explanation":"e1"},
        {"id":"b","title":"Issue B","raisedBy":["child"],"raisedByAdults":["mum","dad"],
         "origins":"bo","maintainingFactors":"bm1\nbm2","impactOnChild":"bi"},
        {"id":"c","title":"Issue C"}],
      "weighingUp":{"riskAndProtectiveBalance":"r1","notKnown":"n1\nn2","patterns":"p1"},
      "adults":[
        {"id":"mum","name":"Sarah Green","relationship":"Maya's mother","understanding":"u1\nu2","motivation":"mo1"},
        {"id":"dad","name":"Daniel Okafor"}],
      "strengths":[{"text":"s1","issues":["a"],"adults":["mum"]},{"text":"s2"},{"text":"s3","adults":["dad"]}],
      "whatNeedsToHappen":[
        {"id":"h1","text":"h1 text","issues":["a"],"must":true,"ifNot":"if not h1"},
        {"id":"h2","text":"h2 text","issues":["b","a"]},
        {"id":"h3","text":"h3 text","must":true},
        {"id":"own","text":"h4 text","issues":["c"],"ifNot":"said without a must"}],
      "successSigns":[{"text":"sign a","items":["h1"]},{"text":"sign b","items":["h2","h1"],"issues":["b"]},{"text":"sign c"}],
      "recommendation":"rec1\nrec2",
      "plan":{"review":"every six weeks","contingency":"","agreed":"everyone"}})"));
}

/// Three issues (a answered, identified by the practitioner, the child and mum, with its
/// explanation left empty; b half answered, identified by nobody; c only a title), two adults
/// (mum answered, dad not), a strength about an issue and an adult, a must and two other items
/// (h2 serving two issues), a success sign tied to the must, how safe the child is now and what
/// is not known answered, and the plan derived from it.
inline Analysis partlyAnswered()
{
    Analysis a;
    a.issues = { makeIssue("a", "Issue A", { Voice::Practitioner, Voice::Child }, { "mum" }, "o1\no2", "m1", "i1\ni2"),
                 makeIssue("b", "Issue B", {}, {}, "bo", "", "bi1\n\nbi3", "be"),
                 makeIssue("c", "Issue C", {}, {}, "", "", "") };
    a.adults = { makeAdult("mum", "Sarah Green", "Maya's mother", "u1", "mo1\nmo2"),
                 makeAdult("dad", "Dan Okafor", "Maya's father") };
    a.list(ListKind::Strengths) = { tied("s1", { "a" }, { "mum" }), makeItem("s2") };
    a.list(ListKind::WhatNeedsToHappen) = { mustItem("h1", { "a" }, "h_one", "if1"),
                                            makeItem("h2", { "b", "a" }, "h_two"), makeItem("h3", {}, "h_own") };
    a.list(ListKind::SuccessSigns) = { tied("sign a", {}, {}, { "h_one" }) };
    a.topic(Topic::Safety) = "safe1";
    a.topic(Topic::NotKnown) = "n1\nn2";
    return aa::withPlan(a);
}

/// The sample analysis (samples/sample-analysis.json) with its plan.
inline Analysis sample()
{
    return aa::withPlan(aa::parseAnalysis(readFile(std::string(AA_SAMPLES_DIR) + "/sample-analysis.json")));
}

/// The sample with awkward content: paragraphs left empty inside answers, spaces, tabs, markup
/// and other scripts in a title, empty answers, lists of every length, rows flagged, typed by
/// hand, emptied.
inline Analysis rich()
{
    Analysis a = sample();
    a.issues[0].part(IssuePart::Origins) = "First paragraph.\n\nThird, after an empty one.\n";
    a.issues[1].raisedBy = { Voice::Practitioner, Voice::Child, Voice::OtherWorkers };
    a.issues[1].raisedByAdults = { "mother", "father" };
    a.issues[2].raisedBy.clear();
    a.issues[2].raisedByAdults.clear();
    a.issues[3].part(IssuePart::ImpactOnChild) = "";
    a.issues[3].title = "  Spaces\tand <&> \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D  ";
    a.adults[1].part(AdultPart::Understanding).clear();
    a.adults[1].relationship.clear();
    a.list(ListKind::Strengths).push_back(makeItem("A strength tied to nothing"));
    a.list(ListKind::Strengths).push_back(makeItem("Tied to three", { "fatherContact", "housing", "mentalHealth" }));
    a.list(ListKind::Strengths).back().adults = { "father", "mother" };
    a.list(ListKind::WhatNeedsToHappen).push_back(makeItem("Help without an issue", {}, "extraHelp"));
    a.list(ListKind::WhatNeedsToHappen).push_back(makeItem("A second must", { "housing" }, "secondMust"));
    a.list(ListKind::WhatNeedsToHappen).back().must = true;
    a.list(ListKind::SuccessSigns).push_back(makeItem("A sign of two items and an issue", { "housing" }));
    a.list(ListKind::SuccessSigns).back().items = { "secondMust", "gp" };
    a.topic(Topic::NotKnown) = "";
    a.topic(Topic::Patterns) = "One.\nTwo.\n\nFour.";
    a.topic(Topic::Contingency) = "";
    a.plan.at(1).flagged = true;
    PlanRow full;
    for (std::size_t c = 1; c < newTableColumns; ++c)
        full.cells[c] = "cell " + std::to_string(c) + "\nsecond line";
    full.issues = { "fatherContact", "housing" };
    full.flagged = true; // added by hand, then flagged
    a.plan.push_back(full);
    PlanRow unlinked;
    unlinked.cell(PlanColumn::Who) = "Everyone";
    a.plan.push_back(unlinked);
    PlanRow onlyTied; // every cell emptied by hand, still tied to its item
    onlyTied.help = "extraHelp";
    a.plan.push_back(onlyTied);
    return a;
}

/// Many shapes, named.
inline std::vector<std::pair<std::string, Analysis>> shapes()
{
    std::vector<std::pair<std::string, Analysis>> out;
    out.emplace_back("base", base());
    out.emplace_back("sample", sample());
    out.emplace_back("rich", rich());
    out.emplace_back("skeleton", aa::withPlan(aa::makeSkeleton(3)));
    {
        Analysis a = base();
        a.adults.clear();
        for (Issue& issue : a.issues)
            issue.raisedByAdults.clear();
        for (Item& item : a.list(ListKind::Strengths))
            item.adults.clear();
        out.emplace_back("no adults", a);
    }
    {
        Analysis a = base();
        for (auto& list : a.lists)
            list.clear();
        a.plan.clear();
        out.emplace_back("empty lists", a);
    }
    {
        Analysis a = base();
        a.topics = {};
        for (Issue& issue : a.issues)
            issue.parts = {};
        for (Adult& adult : a.adults)
            adult.parts = {};
        out.emplace_back("every answer empty", a);
    }
    {
        Analysis a = base();
        for (Item& item : a.list(ListKind::WhatNeedsToHappen))
            item.must = true;
        a.plan = aa::derivePlan(a);
        out.emplace_back("musts only", a);
    }
    {
        Analysis a = base();
        a.issues.resize(1);
        a.issues[0].raisedBy.clear();
        a.issues[0].raisedByAdults.clear();
        for (auto& list : a.lists)
            for (Item& item : list)
                item.issues.clear();
        a.plan = aa::derivePlan(a);
        out.emplace_back("one issue, nothing tied", a);
    }
    return out;
}

} // namespace aa::test
