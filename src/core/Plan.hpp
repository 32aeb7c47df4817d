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

/// Gives every "what would help" item without an id its autoHelpId(); a repeated id is
/// cleared first, so the first item keeps it. The JSON parser does the same, so an analysis
/// built in C++ (the deck's draft) and one parsed from JSON get the same ids.
void assignItemIds(Analysis& analysis);

/// The analysis with its plan: its items given their ids (assignItemIds) and the plan as given
/// when the caller supplied one, derived otherwise, so every derived row is tied to its item.
Analysis withPlan(Analysis analysis);

} // namespace aa
