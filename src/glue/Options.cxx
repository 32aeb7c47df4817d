#include "Options.hxx"

#include "Configuration.hxx"

#include "Log.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <algorithm>
#include <mutex>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::writer
{
Options readOptions(const uno::Reference<uno::XComponentContext>& xContext)
{
    Options options;
    try
    {
        uno::Reference<container::XNameAccess> xReview(
            aa::glue::configurationAccess(xContext, "/org.assessmentanalysis.Options/Review", false),
            uno::UNO_QUERY_THROW);
        OUString aName, aJargon;
        xReview->getByName("ReviewerName") >>= aName;
        xReview->getByName("JargonWords") >>= aJargon;
        options.reviewerName = toUtf8(aName.trim());
        for (const std::string& line : aa::splitParagraphs(toUtf8(aJargon.replaceAll("\r", ""))))
            if (!aa::isBlank(line))
                options.jargonWords.push_back(toUtf8(fromUtf8(line).trim()));
        uno::Reference<container::XNameAccess> xPanel(
            aa::glue::configurationAccess(xContext, "/org.assessmentanalysis.Options/Panel", false),
            uno::UNO_QUERY_THROW);
        uno::Sequence<OUString> aHidden;
        xPanel->getByName("HiddenFurtherQuestions") >>= aHidden;
        for (const OUString& rKey : aHidden)
            options.hiddenFurtherQuestions.push_back(toUtf8(rKey));
    }
    catch (const uno::Exception& e)
    {
        log().warn("options could not be read: {}", toUtf8(e.Message));
    }
    return options;
}

bool hidesQuestion(const Options& options, aa::QuestionKey key)
{
    if (key.section() != aa::Section::WeighingUp)
        return false;
    return std::any_of(options.hiddenFurtherQuestions.begin(), options.hiddenFurtherQuestions.end(),
                       [&](const std::string& name) { return aa::QuestionKey::fromName(name) == key; });
}

void writeOptions(const uno::Reference<uno::XComponentContext>& xContext, const Options& options)
{
    std::string jargon;
    for (const std::string& word : options.jargonWords)
        jargon += (jargon.empty() ? "" : "\n") + word;
    auto xReviewAccess = aa::glue::configurationAccess(xContext, "/org.assessmentanalysis.Options/Review", true);
    uno::Reference<container::XNameReplace> xReview(xReviewAccess, uno::UNO_QUERY_THROW);
    xReview->replaceByName("ReviewerName", uno::Any(fromUtf8(options.reviewerName)));
    xReview->replaceByName("JargonWords", uno::Any(fromUtf8(jargon)));
    uno::Reference<util::XChangesBatch>(xReviewAccess, uno::UNO_QUERY_THROW)->commitChanges();
    auto xPanelAccess = aa::glue::configurationAccess(xContext, "/org.assessmentanalysis.Options/Panel", true);
    uno::Sequence<OUString> aHidden(static_cast<sal_Int32>(options.hiddenFurtherQuestions.size()));
    for (std::size_t i = 0; i < options.hiddenFurtherQuestions.size(); ++i)
        aHidden[static_cast<sal_Int32>(i)] = fromUtf8(options.hiddenFurtherQuestions[i]);
    uno::Reference<container::XNameReplace>(xPanelAccess, uno::UNO_QUERY_THROW)
        ->replaceByName("HiddenFurtherQuestions", uno::Any(aHidden));
    uno::Reference<util::XChangesBatch>(xPanelAccess, uno::UNO_QUERY_THROW)->commitChanges();
}

void applyUiLocale(const uno::Reference<uno::XComponentContext>& xContext)
{
    // LibreOffice's UI language changes only with a restart: read it once per process.
    static std::once_flag once;
    std::call_once(once, [&xContext] {
        try
        {
            uno::Reference<container::XNameAccess> xL10n(
                aa::glue::configurationAccess(xContext, "/org.openoffice.Setup/L10N", false), uno::UNO_QUERY_THROW);
            OUString aLocale;
            xL10n->getByName("ooLocale") >>= aLocale;
            aa::Strings::useLocale(toUtf8(aLocale));
        }
        catch (const uno::Exception& e)
        {
            log().warn("UI language unknown: {}", toUtf8(e.Message));
        }
    });
}

std::string userName(const uno::Reference<uno::XComponentContext>& xContext)
{
    try
    {
        uno::Reference<container::XNameAccess> xData(
            aa::glue::configurationAccess(xContext, "/org.openoffice.UserProfile/Data", false), uno::UNO_QUERY_THROW);
        OUString aGiven, aFamily;
        xData->getByName("givenname") >>= aGiven;
        xData->getByName("sn") >>= aFamily;
        return toUtf8((aGiven + " " + aFamily).trim());
    }
    catch (const uno::Exception&)
    {
        return {};
    }
}

std::string reviewerName(const uno::Reference<uno::XComponentContext>& xContext)
{
    const Options options = readOptions(xContext);
    return options.reviewerName.empty() ? userName(xContext) : options.reviewerName;
}
} // namespace aa::writer
