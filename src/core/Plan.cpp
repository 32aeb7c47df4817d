#include "Plan.hpp"

#include "Utf8.hpp"

#include <algorithm>

namespace aa
{

PlanRow planRowFor(const Analysis& analysis, const Item& item)
{
    PlanRow row;
    row.cell(PlanColumn::Action) = item.text;
    row.help = item.id;
    row.must = item.must;
    row.issues = item.issues;
    std::string& outcome = row.cell(PlanColumn::Outcome);
    if (!item.id.empty())
        for (const Item& sign : analysis.list(ListKind::SuccessSigns))
            if (std::find(sign.items.begin(), sign.items.end(), item.id) != sign.items.end())
                outcome += (outcome.empty() ? "" : "\n") + sign.text;
    return row;
}

std::vector<PlanRow> derivePlan(const Analysis& analysis)
{
    std::vector<PlanRow> rows;
    for (bool musts : { true, false })
        for (const Item& item : analysis.list(ListKind::WhatNeedsToHappen))
            if (item.must == musts)
                rows.push_back(planRowFor(analysis, item));
    return rows;
}

bool hasPlanAction(const Analysis& analysis, const std::string& issueId)
{
    return std::any_of(analysis.plan.begin(), analysis.plan.end(), [&](const PlanRow& row) {
        return std::find(row.issues.begin(), row.issues.end(), issueId) != row.issues.end()
               && !isBlank(row.cell(PlanColumn::Action));
    });
}

void assignItemIds(Analysis& analysis)
{
    HelpIdAllocator ids;
    std::vector<Item>& items = analysis.list(ListKind::WhatNeedsToHappen);
    for (Item& item : items)
        if (!item.id.empty() && !ids.take(item.id))
            item.id.clear();
    for (Item& item : items)
        if (item.id.empty())
            item.id = ids.allocate(item.text);
}

Analysis withPlan(Analysis analysis)
{
    assignItemIds(analysis);
    if (!analysis.hasPlan)
    {
        analysis.plan = derivePlan(analysis);
        analysis.hasPlan = true;
    }
    return analysis;
}

} // namespace aa
