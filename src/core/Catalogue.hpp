// The guidance catalogue: every question the analysis asks, with its guidance and standard.
#pragma once

#include "Analysis.hpp"
#include "Strings.hpp"

#include <string>
#include <vector>

namespace aa
{

/// JSON names, which are also the catalogue keys.
const char* jsonName(Voice v);
const char* jsonName(IssuePart p);
const char* jsonName(ListKind k);
const char* jsonName(Consideration c);
const char* jsonName(PlanColumn c);

enum class QuestionScope
{
    Issue,         ///< asked of every issue (title, origins, maintaining factors, impact)
    Analysis,      ///< asked once (strengths, what would help, success signs)
    Consideration, ///< the further questions of the social-care standard
};

struct Question
{
    std::string key; ///< "title", a JSON part name, list name or consideration name
    QuestionScope scope;
    std::string label;    ///< short heading shown in the document
    std::string question; ///< the question put to the practitioner
    std::string guidance; ///< plain-English guidance, our own words
    std::string standard; ///< the standard it serves
};

/// All questions in the order the analysis asks them, texts taken from strings.
std::vector<Question> catalogue(const Strings& strings = Strings::builtIn());

} // namespace aa
