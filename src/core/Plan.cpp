#include "Plan.hpp"

#include "Utf8.hpp"

#include <algorithm>

namespace aa
{

std::vector<PlanRow> derivePlan(const Analysis& analysis)
{
    std::vector<PlanRow> rows;
    for (const Item& help : analysis.list(ListKind::WhatWouldHelp))
    {
        PlanRow row;
        row.cell(PlanColumn::Action) = help.text;
        row.help = help.id;
        if (!help.issues.empty())
        {
            const std::string& issueId = help.issues.front();
            row.cell(PlanColumn::Issue) = issueId;
            std::string& outcome = row.cell(PlanColumn::Outcome);
            for (const Item& sign : analysis.list(ListKind::SuccessSigns))
            {
                if (std::find(sign.issues.begin(), sign.issues.end(), issueId) == sign.issues.end())
                    continue;
                if (!outcome.empty())
                    outcome += '\n';
                outcome += sign.text;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void assignItemIds(Analysis& analysis)
{
    HelpIdAllocator ids;
    std::vector<Item>& items = analysis.list(ListKind::WhatWouldHelp);
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

bool hasPlanAction(const Analysis& analysis, const std::string& issueId)
{
    return std::any_of(analysis.plan.begin(), analysis.plan.end(), [&](const PlanRow& row) {
        return row.cell(PlanColumn::Issue) == issueId && !isBlank(row.cell(PlanColumn::Action));
    });
}

} // namespace aa
