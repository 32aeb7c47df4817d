// The help pages: one source (resources/help_en_GB.properties and the guidance catalogue) for
// the help page inside the extension (HTML, opened from the panels' title bars) and for the
// plain-text docs/help.md.
#pragma once

#include "Strings.hpp"

#include <string>
#include <vector>

namespace aa
{
struct HelpPage
{
    std::string id; ///< "deck", "plan", "review", "template", "questions", "rules"
    std::string title;
    std::vector<std::string> paragraphs;
    /// The questions page: (question, guidance in depth, the standard) per question.
    struct Section
    {
        std::string heading;
        std::vector<std::string> paragraphs;
    };
    std::vector<Section> sections;
};

/// The built-in en-GB help texts.
const Strings& helpStrings();

/// Every help page, in reading order. Throws InputError when a question has no text in depth or
/// a rule of the review no description.
std::vector<HelpPage> helpPages(const Strings& help = helpStrings(), const Strings& strings = Strings::builtIn());

/// All pages as one HTML document; each page is a section whose id is the page's id, so
/// "help.html#questions" opens at the questions. Uses the system's fonts and colours.
std::string toHtml(const std::vector<HelpPage>& pages, const std::string& lang);

/// All pages as one Markdown document (docs/help.md).
std::string toMarkdown(const std::vector<HelpPage>& pages);
} // namespace aa
