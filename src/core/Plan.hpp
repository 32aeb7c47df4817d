// Action plan derivation (Standard 6): the plan follows from the analysis.
#pragma once

#include "Analysis.hpp"

#include <vector>

namespace aa
{

/// One row per "what would help" item, in order: linked to the item's first issue (none when
/// the item names no issue), the action is the item's text, the outcome lists the success signs
/// of that issue (one paragraph each); who, priority, by when, review and contingency are left
/// for the practitioner to fill in.
std::vector<PlanRow> derivePlan(const Analysis& analysis);

/// True when a plan row names the issue and has an action (not just blanks).
bool hasPlanAction(const Analysis& analysis, const std::string& issueId);

/// The analysis with its plan: as given when the caller supplied one, derived otherwise.
Analysis withPlan(Analysis analysis);

} // namespace aa
