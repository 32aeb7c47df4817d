// Action plan derivation (Standard 6): the plan follows from the analysis.
#pragma once

#include "Analysis.hpp"

#include <vector>

namespace aa
{

/// One row per "what needs to happen" item, the musts first (each group in the analysis's
/// order): linked to every issue the item serves, the action is the item's text, the outcome
/// lists the success signs tied to that item (one paragraph each); who, priority, by when and
/// progress are left for the practitioner to fill in.
std::vector<PlanRow> derivePlan(const Analysis& analysis);

/// The row derivePlan makes for one item.
PlanRow planRowFor(const Analysis& analysis, const Item& item);

/// True when a plan row serves the issue and has an action (not just blanks).
bool hasPlanAction(const Analysis& analysis, const std::string& issueId);

/// Gives every "what needs to happen" item without an id its autoHelpId(); a repeated id is
/// cleared first, so the first item keeps it. The JSON parser does the same, so an analysis
/// built in C++ (the deck's draft) and one parsed from JSON get the same ids.
void assignItemIds(Analysis& analysis);

/// The analysis with its plan: its items given their ids (assignItemIds) and the plan as given
/// when the caller supplied one, derived otherwise, so every derived row is tied to its item.
Analysis withPlan(Analysis analysis);

} // namespace aa
