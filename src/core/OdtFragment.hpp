// The analysis as a small ODF text package, ready for Writer to insert at a cursor.
#pragma once

#include "Analysis.hpp"
#include "Catalogue.hpp"
#include "Strings.hpp"

#include <array>
#include <string>

namespace aa
{

/// What a fragment holds: which sections, and for which of them our own heading. Where the
/// report template has a place for a section, the section goes there without our heading (the
/// template's stands for it).
struct FragmentParts
{
    bool heading = true;                     ///< "Analysis of the assessment"
    std::array<bool, sectionCount> sections; ///< indexed by Section
    std::array<bool, sectionCount> headings; ///< the sections' own headings
    /// With the plan: the plan's review, contingency and agreement under the table (false: the
    /// table alone, for a document that still has them).
    bool planTopics = true;

    /// Everything, with every heading: the analysis at the cursor of a document of any kind.
    static FragmentParts all();
    /// One section alone, with or without its heading.
    static FragmentParts only(Section section, bool withHeading);
    bool has(Section s) const { return sections[static_cast<std::size_t>(s)]; }
    bool hasHeading(Section s) const { return headings[static_cast<std::size_t>(s)]; }
    void set(Section s, bool on, bool withHeading)
    {
        sections[static_cast<std::size_t>(s)] = on;
        headings[static_cast<std::size_t>(s)] = on && withHeading;
    }
};

/// A complete .odt package (bytes of a ZIP) holding the parts of the analysis asked for, laid
/// out as DocumentStructure.hpp describes, with the analysis paragraph styles defined. The
/// analysis must hold its plan (see withPlan()). An empty answer is one paragraph holding a
/// prompt that does not print (a placeholder), without its question label. The last paragraph
/// is an empty one, so that what is inserted never ends in a table.
std::string buildOdtFragment(const Analysis& analysis, const Strings& strings = Strings::builtIn(),
                             const FragmentParts& parts = FragmentParts::all());

/// The content.xml of that package (what buildOdtFragment zips), for tests and tools.
std::string buildOdtContent(const Analysis& analysis, const Strings& strings = Strings::builtIn(),
                            const FragmentParts& parts = FragmentParts::all());

/// The plan table's columns, in table order, for this plan: the seven of a new table, and a
/// plan's per-row review and contingency columns (schema 1) when a row uses them.
std::vector<PlanColumn> planTableColumns(const std::vector<PlanRow>& rows);

/// The XML body text of one paragraph: escapes markup and keeps every space and tab.
std::string paragraphXml(const std::string& text);

} // namespace aa
