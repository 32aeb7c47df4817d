// The analysis as a small ODF text package, ready for Writer to insert at a cursor.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <string>

namespace aa
{

/// What a fragment holds.
struct FragmentParts
{
    bool analysis = true; ///< the heading, issues, lists and further questions
    bool plan = true;     ///< the "Action plan" subheading and the table
};

/// A complete .odt package (bytes of a ZIP) holding the analysis section and the plan table,
/// laid out as DocumentStructure.hpp describes, with the analysis paragraph styles defined.
/// The analysis must hold its plan (see withPlan()). The last paragraph is an empty one, so
/// that what is inserted never ends in a table.
std::string buildOdtFragment(const Analysis& analysis, const Strings& strings = Strings::builtIn(),
                             FragmentParts parts = {});

/// The XML body text of one paragraph: escapes markup and keeps every space and tab.
std::string paragraphXml(const std::string& text);

} // namespace aa
